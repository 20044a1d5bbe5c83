import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeDocx, type DocxBlock } from '../helpers/fixtures.ts';
import { idCheckCharacter } from '../../shared/validators.ts';

/** A valid 居民身份证号码: the check digit is computed, so the scanner must accept it. */
export const idNumber = (body17: string): string => body17 + idCheckCharacter(body17);

export const penalty = {
  id: idNumber('11010519900307123'),
  mobile: '13812345678',
  falseAlarm: '考勤',
  docNumber: '玉市监处罚〔2024〕15号',
};

/** A 行政处罚决定书 for 双公示: public by law, except the party's personal data. */
export function penaltyDecision(): DocxBlock[] {
  return [
    '玉林市市场监督管理局',
    { title: '行政处罚决定书' },
    penalty.docNumber,
    `当事人：李明华，身份证号：${penalty.id}，联系电话：${penalty.mobile}，住址：玉林市玉州区人民东路88号。`,
    '经查，当事人于2024年3月12日在其经营的便利店内销售超过保质期的食品，货值金额共计人民币1260元。上述事实有现场检查笔录、询问笔录、店员考勤记录等证据证实。',
    '依据《中华人民共和国食品安全法》第一百二十四条第一款，本局决定对当事人作出如下行政处罚：没收违法所得，并处罚款人民币五万元。',
    '本决定书依法向社会公示，涉及个人隐私的除外。',
    '玉林市市场监督管理局',
    '2024年5月6日',
    '（此件公开发布）',
  ];
}

export function classifiedNotice(): string {
  return ['机密★5年', '玉林市人民政府办公室', '关于做好重点时段安全防范工作的通知', '玉政办发〔2024〕9号', '各县（市、区）人民政府：', '请各地按照会议部署，做好重点时段的安全防范工作。', '玉林市人民政府办公室', '2024年6月1日'].join('\n');
}

export async function writeDocx(dir: string, name: string, blocks: DocxBlock[]): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, await makeDocx(blocks));
  return file;
}

export async function writeText(dir: string, name: string, text: string | Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}
