import { describe, expect, it } from 'vitest';
import { isBankCardNumber, isEmailAddress, isIdCardNumber, isLandlineNumber, isLuhnValid, isMobileNumber, isOldIdCardNumber, isUscc, isVehiclePlate } from '../../shared/validators.ts';

describe('GB 11643 ID numbers', () => {
  it('accepts numbers with a real date and the right check character', () => {
    for (const id of ['11010519491231002X', '440524188001010014', '331021199003071200', '320582198511223314', '11010519491231002x']) expect(isIdCardNumber(id)).toBe(true);
  });
  it('rejects a wrong check digit, an impossible date, a future date and wrong lengths', () => {
    expect(isIdCardNumber('331021199003071201')).toBe(false);
    expect(isIdCardNumber('331021199002301238')).toBe(false);
    expect(isIdCardNumber('110101203001010014', new Date('2024-01-01'))).toBe(false);
    expect(isIdCardNumber('33102119900307120')).toBe(false);
    expect(isIdCardNumber('0310211990030712001')).toBe(false);
  });
  it('accepts a 15-digit first-generation number only with a real date', () => {
    expect(isOldIdCardNumber('110105491231002')).toBe(true);
    expect(isOldIdCardNumber('110105491331002')).toBe(false);
  });
});

describe('GB 32100 unified social credit codes', () => {
  it('accepts codes whose mod-31 check matches', () => {
    expect(isUscc('91350100M000100Y43')).toBe(true);
    expect(isUscc('91330104MA2B1YJ938')).toBe(true);
  });
  it('rejects the sample invoice code, a wrong check and letters outside the code set', () => {
    expect(isUscc('9150010807MGZHI002')).toBe(false);
    expect(isUscc('91330104MA2B1YJ93X')).toBe(false);
    expect(isUscc('91330104MA2B1YJO38')).toBe(false);
  });
});

describe('bank cards, phones, e-mail and plates', () => {
  it('checks bank cards with Luhn and refuses ID numbers that happen to pass', () => {
    expect(isLuhnValid('79927398713')).toBe(true);
    expect(isBankCardNumber('6222021001123456789')).toBe(true);
    expect(isBankCardNumber('6222 0210 0112 3456 789')).toBe(true);
    expect(isBankCardNumber('6222021001123456788')).toBe(false);
    expect(isBankCardNumber('622202100112345')).toBe(false);
  });
  it('recognises mobile and landline numbers', () => {
    expect(isMobileNumber('13812345678')).toBe(true);
    expect(isMobileNumber('+86 138-1234-5678')).toBe(true);
    expect(isMobileNumber('12812345678')).toBe(false);
    expect(isLandlineNumber('0576-87221234')).toBe(true);
    expect(isLandlineNumber('(021)62345678')).toBe(true);
    expect(isLandlineNumber('87221234')).toBe(false);
  });
  it('recognises e-mail addresses and vehicle plates including new-energy plates', () => {
    expect(isEmailAddress('zhang.san@example.com')).toBe(true);
    expect(isEmailAddress('zhang@example')).toBe(false);
    expect(isVehiclePlate('浙J12345')).toBe(true);
    expect(isVehiclePlate('浙J·D12345')).toBe(true);
    expect(isVehiclePlate('沪A12345F')).toBe(true);
    expect(isVehiclePlate('浙JABCDE')).toBe(false);
    expect(isVehiclePlate('浙I12345')).toBe(false);
  });
});
