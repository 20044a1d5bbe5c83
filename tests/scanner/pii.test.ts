import { beforeAll, describe, expect, it } from 'vitest';
import { createScanner, documentFromText, type Scanner } from '../../electron/core/scanner/index.ts';
import type { Finding } from '../../shared/types.ts';

let scanner: Scanner;
beforeAll(() => {
  scanner = createScanner();
});

const pii = (text: string): Finding[] => scanner.scanText(text).findings.filter((f) => f.kind === 'pii');
const types = (text: string) => pii(text).map((f) => [f.piiType, f.term]);

describe('personal data found by format and validated', () => {
  it('reports a valid ID number as id-card with category 1, and not a wrong check digit', () => {
    const [id] = pii('当事人身份证号码：331021199003071200，已核实。');
    expect(id).toMatchObject({ category: 1, kind: 'pii', piiType: 'id-card', term: '331021199003071200', negated: false });
    expect(types('编号：331021199003071201。')).toEqual([]);
    expect(types('编号：331021199002301238。')).toEqual([]);
  });
  it('reports mobile numbers with digit boundaries, not inside longer numbers', () => {
    expect(types('联系电话：13812345678。')).toEqual([['mobile', '13812345678']]);
    expect(types('联系电话：138-1234-5678。')).toEqual([['mobile', '138-1234-5678']]);
    expect(types('流水号 2138123456789 已登记')).toEqual([]);
    expect(types('手机 138****5678 已脱敏')).toEqual([]);
  });
  it('reports landlines with an area code, scoring an office number low', () => {
    const [office] = pii('咨询电话：0576-87221234。');
    expect(office).toMatchObject({ piiType: 'phone', term: '0576-87221234' });
    expect(office!.score).toBeLessThan(0.5);
    const [home] = pii('住宅电话：0576-87221234。');
    expect(home!.score).toBeGreaterThanOrEqual(0.5);
  });
  it('reports Luhn-valid bank cards and skips look-alikes', () => {
    expect(types('收款银行卡号：6222021001123456789。')).toEqual([['bank-card', '6222021001123456789']]);
    expect(types('银行卡号：6222 0210 0112 3456 789。')).toEqual([['bank-card', '6222 0210 0112 3456 789']]);
    expect(types('银行卡号：6222021001123456788。')).toEqual([]);
  });
  it('reports a valid unified social credit code and rejects the invoice sample', () => {
    expect(types('统一社会信用代码：91350100M000100Y43')).toEqual([['uscc', '91350100M000100Y43']]);
    expect(types('纳税人识别号：9150010807MGZHI002')).toEqual([]);
    expect(types('统一社会信用代码：91330104MA2B1YJ93X')).toEqual([]);
  });
  it('reports e-mail addresses and vehicle plates, including new-energy plates', () => {
    expect(types('邮箱：zhangsan@example.com。')).toEqual([['email', 'zhangsan@example.com']]);
    expect(types('车牌号为浙J12345的小型轿车')).toEqual([['plate', '浙J12345']]);
    expect(types('车牌号为浙JD12345的新能源车')).toEqual([['plate', '浙JD12345']]);
    expect(types('型号为浙JABCDE的设备')).toEqual([]);
  });
  it('reports names and addresses only where a label says they are a person’s', () => {
    expect(types('姓名：张三丰，性别：男')).toEqual([['name', '张三丰']]);
    expect(types('申请人王小明于2023年5月提出申请')).toEqual([['name', '王小明']]);
    expect(types('举报人李四反映，某单位违规收费。')).toEqual([['name', '李四']]);
    expect(types('申请人应当如实提交材料。')).toEqual([]);
    expect(types('当事人陈述、申辩的权利')).toEqual([]);
    expect(types('当事人：王某某')).toEqual([]);
    expect(types('家庭住址：浙江省玉环市玉城街道环城西路88号')).toEqual([['address', '浙江省玉环市玉城街道环城西路88号']]);
    expect(types('男，汉族，住玉环市沙门镇五一村3组12号，无业。')).toEqual([['address', '玉环市沙门镇五一村3组12号']]);
    expect(types('张三丰是一位历史人物。')).toEqual([]);
  });
  it('weighs a reporter’s name above a contact person’s name', () => {
    const [reporter] = pii('举报人：李四');
    const [contact] = pii('联系人：李四');
    expect(reporter!.score).toBeGreaterThan(contact!.score);
    expect(contact!.score).toBeLessThan(0.5);
  });
  it('weighs personal data in the 版记 (抄送, 印发) lower than in the body', () => {
    const text = '正文经办人：李四，电话13812345678。\n抄送：市政府办公室。经办人：李四，电话13812345678。';
    const doc = documentFromText(text);
    doc.paragraphs = [
      { start: 0, end: 18, page: 1, zone: 'body', kind: 'paragraph' },
      { start: 19, end: text.length, page: 1, zone: 'footer', kind: 'paragraph' },
    ];
    const [body, footer] = scanner.scan(doc).findings.filter((f) => f.piiType === 'mobile');
    expect(body!.zone).toBe('body');
    expect(footer!.zone).toBe('footer');
    expect(footer!.score).toBeLessThan(body!.score);
  });
  it('does not turn document numbers, dates or times into phone numbers or cards', () => {
    const text = '玉政办发〔2018〕48号\n2018年10月19日\n时间:2018-11-14 12:30:16\n浙政办发〔2018〕40号 12345政务服务热线 第20181019001号';
    expect(types(text)).toEqual([]);
  });
});
