import type { Finding, Paragraph, Suggestion } from '../../shared/types.ts';

export const text = '行政处罚决定书\n当事人：张三，身份证号：110105199003071234，电话：13812345678。\n涉及个人隐私的除外。';

const at = (term: string) => text.indexOf(term);

export function finding(over: Partial<Finding> & Pick<Finding, 'term'>): Finding {
  const start = at(over.term);
  return {
    id: `rule:${start}`,
    category: 1,
    start,
    end: start + over.term.length,
    page: 1,
    zone: 'body',
    kind: 'pii',
    piiType: null,
    score: 0.9,
    negated: false,
    rule: 'rule',
    explanation: '说明',
    basis: ['条例第十五条'],
    ...over,
  };
}

export const idCard = finding({ term: '110105199003071234', piiType: 'id-card', explanation: '居民身份证号码（校验位正确），属个人隐私', score: 0.95 });
export const mobile = finding({ term: '13812345678', piiType: 'mobile', explanation: '手机号码，属个人隐私', score: 0.9 });
export const name = finding({ term: '张三', piiType: 'name', explanation: '“当事人：”后的姓名', score: 0.4 });
export const mention = finding({ term: '个人隐私', kind: 'term', explanation: '规范性表述：“……的除外”', score: 0.1, negated: true });

export const paragraphs: Paragraph[] = text.split('\n').reduce<Paragraph[]>((acc, line) => {
  const start = acc.length === 0 ? 0 : acc.at(-1)!.end + 1;
  acc.push({ start, end: start + line.length, page: 1, zone: 'body', kind: 'paragraph' });
  return acc;
}, []);

export const partialSuggestion: Suggestion = {
  attribute: 'partial',
  reasons: ['行政处罚决定书应依法公示，但含有当事人的身份证号码和手机号码'],
  basis: ['条例第三十七条', '条例第十五条'],
  redactions: [],
  warnings: [],
};

export const withheldSuggestion: Suggestion = {
  attribute: 'withheld',
  reasons: ['版头标有密级“机密★5年”，属国家秘密'],
  basis: ['条例第十四条'],
  redactions: [],
  warnings: [],
};
