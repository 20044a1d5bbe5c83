// Pure check-digit validators for identifiers found in 公文. Shared by the scanner and the UI.

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idCheckChars = '10X98765432';

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** 居民身份证号 (GB 11643-1999): 18 characters, a real birth date, and the mod 11-2 check character. */
export function isIdCardNumber(value: string, today: Date = new Date()): boolean {
  if (!/^\d{17}[\dXx]$/.test(value)) return false;
  if (!/^[1-8]\d/.test(value)) return false;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (year < 1880 || !isRealDate(year, month, day)) return false;
  if (Date.UTC(year, month - 1, day) > today.getTime()) return false;
  return idCheckCharacter(value.slice(0, 17)) === value[17]!.toUpperCase();
}

/** The mod 11-2 check character of an ID number's first 17 digits. */
export function idCheckCharacter(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * idWeights[i]!;
  return idCheckChars[sum % 11]!;
}

/** 15-digit first-generation ID: region code and a real 19yy date; it has no check digit. */
export function isOldIdCardNumber(value: string): boolean {
  if (!/^[1-8]\d{14}$/.test(value)) return false;
  return isRealDate(1900 + Number(value.slice(6, 8)), Number(value.slice(8, 10)), Number(value.slice(10, 12)));
}

const usccChars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const usccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码 (GB 32100-2015): 18 characters from the 31-symbol set, the 6-digit region code, and the mod 31 check. */
export function isUscc(value: string): boolean {
  if (value.length !== 18) return false;
  const upper = value.toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(upper)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += usccChars.indexOf(upper[i]!) * usccWeights[i]!;
  return usccChars[(31 - (sum % 31)) % 31] === upper[17];
}

/** Luhn (mod 10) check used by bank cards. */
export function isLuhnValid(digits: string): boolean {
  return /^\d+$/.test(digits) && luhnSum(digits, 1) % 10 === 0;
}

/** The Luhn check digit that completes `body`. */
export const luhnCheckDigit = (body: string): string => String((10 - (luhnSum(body, 0) % 10)) % 10);

/** Luhn's sum with every second digit from the right doubled, starting at position `firstDoubled` (0 = the last digit). */
function luhnSum(digits: string, firstDoubled: 0 | 1): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === firstDoubled) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum;
}

/** Bank card: 16–19 digits, Luhn-valid, and not an ID number that happens to pass. */
export function isBankCardNumber(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{16,19}$/.test(digits)) return false;
  if (digits.length === 18 && isIdCardNumber(digits)) return false;
  return isLuhnValid(digits);
}

/** Mainland mobile number, 11 digits starting 13–19; separators and +86 allowed. */
export function isMobileNumber(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '').replace(/^\+?86/, '');
  return /^1[3-9]\d{9}$/.test(digits);
}

/** Landline with area code: 0 + 2–3 digits, then a 7–8 digit local number, optional extension. */
export function isLandlineNumber(value: string): boolean {
  return /^(?:\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3}-?)\s?[2-9]\d{6,7}(?:-\d{1,5})?$/.test(value.trim());
}

export function isEmailAddress(value: string): boolean {
  return /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(value);
}

const plateProvinces = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';

/** 机动车号牌 (GA 36): province + letter + 5 characters, or 6 for new-energy plates (D/F first or last). */
export function isVehiclePlate(value: string): boolean {
  const plate = value.replace(/[·•・\s]/g, '').toUpperCase();
  if (plate.length < 7 || !plateProvinces.includes(plate[0]!)) return false;
  const rest = plate.slice(1);
  if (!/^[A-HJ-NP-Z]/.test(rest)) return false;
  const serial = rest.slice(1);
  if (/^[A-HJ-NP-Z0-9]{4}[挂学警港澳]$/.test(serial)) return true;
  if (/^[A-HJ-NP-Z0-9]{5}$/.test(serial)) return /\d/.test(serial);
  if (/^[DF][A-HJ-NP-Z0-9]\d{4}$/.test(serial)) return true;
  return /^\d{5}[DF]$/.test(serial);
}
