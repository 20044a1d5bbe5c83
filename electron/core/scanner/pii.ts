import type { PiiType } from '../../../shared/types.ts';
import {
  isBankCardNumber,
  isEmailAddress,
  isIdCardNumber,
  isLandlineNumber,
  isMobileNumber,
  isOldIdCardNumber,
  isUscc,
  isVehiclePlate,
} from '../../../shared/validators.ts';

/** A validated identifier in normalised text. `detail` keys `scannerMessages.pii`. */
export interface PiiHit {
  piiType: PiiType;
  start: number;
  end: number;
  weight: number;
  detail: string;
}

const idRe = /(?<![0-9A-Za-z])\d{6} ?\d{8} ?\d{3}[\dXx](?![0-9A-Za-z])/g;
const oldIdRe = /(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])/g;
const cardRe = /(?<![0-9A-Za-z])(?:\d{16,19}|\d{4}(?:[ -]\d{4}){3}(?:[ -]?\d{1,3})?)(?![0-9A-Za-z])/g;
const mobileRe = /(?<![0-9A-Za-z])(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?![0-9A-Za-z])/g;
const landlineRe = /(?<![0-9A-Za-z])(?:\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3}-)\s?[2-9]\d{6,7}(?:-\d{1,5})?(?!\d)/g;
// A mailbox the public is told to send to (发送至电子邮箱…, 报名邮箱：) is the office's channel, whatever its domain.
const officeMailbox = /(?:发送至|发送到|发至|报送至|报送到|送至|投递至|提交至)\s*(?:电子)?(?:邮箱|信箱|邮件地址)?\s*[：:]?\s*$|(?:报名|投稿|举报|投诉|咨询|联系|监督|受理|征集|意见|办公|宣传|值班|政务|公开)(?:工作)?(?:电子)?(?:邮箱|信箱)\s*[：:]?\s*$/;
// `（联系电话：0517-83605210，电子邮箱：…）`: a mailbox given with an office's fixed line, as annual reports and notices close.
const mailboxAfterOfficeLine = /(?:联系电话|咨询电话|办公电话|电话|传真)\s*[：:]?\s*0\d{2,3}[-－]?\d{7,8}[，,；;、 ]{0,3}(?:电子)?(?:邮箱|信箱|邮件地址)\s*[：:]?\s*$/;
const emailRe = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const usccRe = /(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])/g;
const plateRe = /[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][·•・]?[A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警港澳](?![A-Za-z0-9])/g;

const indexNumber = /索引号\s*[：:]?\s*$/;
const bankLabel = /(卡号|账号|帐号|账户|帐户|银行卡|借记卡|信用卡|开户)[^。；\n]{0,12}$/;
// Corporate accounts and passbooks are often not Luhn-valid, so a number labelled as an account is reported anyway; a 卡号 must pass Luhn.
const accountRe = /(?:账号|帐号|账户|帐户|存折号)\s*[：:]?\s*(\d[\d -]{8,26}\d)(?![0-9A-Za-z])/g;
// The account of a public body (a 财政 collection account, the office's own account) is published on purpose.
const officialAccount = /财政|非税|国库|专户|人民政府|人民法院|检察院|委员会|管理局|税务局|办公室|[局委办](?:[，,。；;\s]|$)|公司|有限|合作社|中心/;

const idLabel = /(身份证|公民身份号码|证件号)[^。；\n]{0,12}$/;
const homePhoneLabel = /(住宅|家庭|宅电|个人)[^。；\n]{0,6}$/;

function labelBefore(text: string, start: number, label: RegExp): boolean {
  return label.test(text.slice(Math.max(0, start - 20), start));
}

/** Finds personal identifiers by format and validates each; look-alikes that fail their check are not reported. */
export function findIdentifiers(text: string): PiiHit[] {
  const hits: PiiHit[] = [];
  for (const match of text.matchAll(idRe)) {
    if (isIdCardNumber(match[0].replace(/ /g, ''))) hits.push({ piiType: 'id-card', start: match.index, end: match.index + match[0].length, weight: 0.95, detail: 'id-card' });
  }
  for (const match of text.matchAll(oldIdRe)) {
    if (isOldIdCardNumber(match[0]) && labelBefore(text, match.index, idLabel)) {
      hits.push({ piiType: 'id-card', start: match.index, end: match.index + 15, weight: 0.85, detail: 'id-card-old' });
    }
  }
  for (const match of text.matchAll(cardRe)) {
    const digits = match[0].replace(/[ -]/g, '');
    if (!isBankCardNumber(digits) || isUscc(digits)) continue;
    const labelled = labelBefore(text, match.index, bankLabel);
    if (!labelled && !/^(62|4|5|3|9)/.test(digits)) continue;
    const official = labelled && officialAccount.test(text.slice(Math.max(0, match.index - 60), match.index));
    hits.push({ piiType: 'bank-card', start: match.index, end: match.index + match[0].length, weight: official ? 0.3 : labelled ? 0.85 : 0.6, detail: official ? 'bank-account-official' : 'bank-card' });
  }
  for (const match of text.matchAll(accountRe)) {
    const number = match[1]!;
    const start = match.index + match[0].length - number.length;
    const digits = number.replace(/[ -]/g, '');
    if (digits.length < 10 || digits.length > 25 || hits.some((h) => h.start < start + number.length && start < h.end)) continue;
    if (isIdCardNumber(digits) || isMobileNumber(digits)) continue;
    const official = officialAccount.test(text.slice(Math.max(0, start - 60), start));
    hits.push({ piiType: 'bank-card', start, end: start + number.length, weight: official ? 0.3 : 0.6, detail: official ? 'bank-account-official' : 'bank-account' });
  }
  for (const match of text.matchAll(usccRe)) {
    // `索引号：11440100MB2C90856P/2023-00331`: a disclosure catalogue number starts with the publishing body's own code.
    if (indexNumber.test(text.slice(Math.max(0, match.index - 8), match.index)) || /^\/\d{4}/.test(text.slice(match.index + 18, match.index + 23))) continue;
    if (isUscc(match[0])) hits.push({ piiType: 'uscc', start: match.index, end: match.index + 18, weight: 0.35, detail: 'uscc' });
  }
  for (const match of text.matchAll(mobileRe)) {
    if (isMobileNumber(match[0])) hits.push({ piiType: 'mobile', start: match.index, end: match.index + match[0].length, weight: 0.75, detail: 'mobile' });
  }
  for (const match of text.matchAll(landlineRe)) {
    if (!isLandlineNumber(match[0])) continue;
    const home = labelBefore(text, match.index, homePhoneLabel);
    hits.push({ piiType: 'phone', start: match.index, end: match.index + match[0].length, weight: home ? 0.7 : 0.3, detail: home ? 'phone-home' : 'phone' });
  }
  for (const match of text.matchAll(emailRe)) {
    if (!isEmailAddress(match[0])) continue;
    const lead = text.slice(Math.max(0, match.index - 40), match.index);
    const official = /\.(gov|org)\.cn$|\.gov$/i.test(match[0]) || officeMailbox.test(lead) || mailboxAfterOfficeLine.test(lead);
    hits.push({ piiType: 'email', start: match.index, end: match.index + match[0].length, weight: official ? 0.3 : 0.55, detail: official ? 'email-official' : 'email' });
  }
  for (const match of text.matchAll(plateRe)) {
    if (isVehiclePlate(match[0])) hits.push({ piiType: 'plate', start: match.index, end: match.index + match[0].length, weight: 0.6, detail: 'plate' });
  }
  return dropOverlaps(hits);
}

const priority: PiiType[] = ['id-card', 'bank-card', 'uscc', 'mobile', 'phone', 'email', 'plate', 'name', 'address'];

/**
 * Keeps the stronger identifier where two overlap (an ID number also contains a mobile-like run); of two readings of
 * the same value, the one with more weight (a fixed-line number the text ties to a person).
 */
export function dropOverlaps(hits: PiiHit[]): PiiHit[] {
  const ranked = [...hits].sort((a, b) => priority.indexOf(a.piiType) - priority.indexOf(b.piiType) || b.end - b.start - (a.end - a.start) || b.weight - a.weight);
  const kept: PiiHit[] = [];
  // Characters already taken by a kept hit: one look per character, where comparing with every kept hit made a
  // document of many thousands of people quadratic.
  const taken = new Uint8Array(hits.reduce((end, h) => Math.max(end, h.end), 0));
  for (const hit of ranked) {
    let free = true;
    for (let i = hit.start; i < hit.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, hit.start, hit.end);
    kept.push(hit);
  }
  return kept.sort((a, b) => a.start - b.start);
}
