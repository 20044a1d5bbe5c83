import type { CategoryId } from '../../../shared/types.ts';
import { withheldGrounds, type WithheldGround } from '../../../shared/annual-template.ts';

/** What a signed withheld decision rests on, as the fold knows it. */
interface WithheldDecision {
  /** Categories of the findings confirmed or redacted. */
  categories: readonly CategoryId[];
  /** The articles the decision cites, as written (条例第十四条, 第十六条第二款, 档案法第二十七条 …). */
  basis: readonly string[];
  /** The document carried a 密级 line at intake. */
  classified: boolean;
  /** The document is an enforcement case file or decision (see isCaseFile). */
  caseFile: boolean;
}

const cites = (basis: readonly string[], pattern: RegExp) => basis.some((b) => pattern.test(b.replace(/\s+/g, '')));
const article14 = /第十四条/;
const article15 = /第十五条/;
const article16First = /第十六条第一款/;
const article16Second = /第十六条第二款/;
const article36Query = /第三十六条第?[（(]?七[）)]?项?/;
const archivesLaw = /档案法/;
const secrecyLaw = /保守国家秘密法|保密法/;
const workSecret = /第六十四条|工作秘密/;

/**
 * The grounds a withheld 公文 rests on, from the pairs of confirmed category and cited article (DOMAIN.md, 条例
 * 第十四至十六条). A 公文 is counted once, under the first ground in withheldGrounds order.
 *
 * | ground             | when                                                                                   |
 * |--------------------|----------------------------------------------------------------------------------------|
 * | state-secret       | 密级 line at intake; or 保密法 cited (not its 第六十四条, 工作秘密); or category 1 with 第十四条, without 第十五条, 8 or 9 |
 * | law-prohibited     | category 9 with 第十四条, or category 9 alone                                            |
 * | security-stability | category 8 with 第十四条, or category 8 alone                                            |
 * | third-party        | 第十五条 (trade secrets, privacy: it covers nothing else); category 1 alone               |
 * | internal-affairs   | 第十六条第一款; category 3 alone                                                          |
 * | process            | 第十六条第二款 on a document that is not a case file, or with category 2; category 2 alone |
 * | enforcement-file   | 第十六条第二款 on an enforcement case file or decision                                    |
 * | administrative-query | 第三十六条第（七）项                                                                    |
 * | archives           | 档案法; category 6 alone                                                                  |
 * | work-secret        | 保密法第六十四条 / 工作秘密; category 7 alone                                            |
 * | article-14-unconfirmed | 第十四条 with none of categories 1, 8, 9 confirmed: which of its three limbs is not known |
 * | request-grounds-only | only categories 4 or 5 with no article: grounds for handling requests, not for withholding a 公文 |
 * | unmarked           | nothing cited, nothing confirmed                                                       |
 *
 * "Alone" means the decision cites no article that yields a ground; older decisions cite none.
 */
function withheldGroundsOf(d: WithheldDecision): WithheldGround[] {
  const has = (c: CategoryId) => d.categories.includes(c);
  const found = new Set<WithheldGround>();
  if (d.classified) found.add('state-secret');
  if (cites(d.basis, secrecyLaw) && !cites(d.basis, workSecret)) found.add('state-secret');
  if (cites(d.basis, article14)) {
    if (has(9)) found.add('law-prohibited');
    if (has(8)) found.add('security-stability');
    // Category 1 joins 国家秘密 with 商业秘密 and 个人隐私: beside 第十五条 the privacy limb is far the likelier reading.
    if (has(1) && !has(8) && !has(9) && !cites(d.basis, article15)) found.add('state-secret');
    if (!has(1) && !has(8) && !has(9)) found.add('article-14-unconfirmed');
  }
  if (cites(d.basis, article15)) found.add('third-party');
  if (cites(d.basis, article16First)) found.add('internal-affairs');
  if (cites(d.basis, article16Second)) found.add(d.caseFile && !has(2) ? 'enforcement-file' : 'process');
  if (cites(d.basis, article36Query)) found.add('administrative-query');
  if (cites(d.basis, archivesLaw)) found.add('archives');
  if (cites(d.basis, workSecret)) found.add('work-secret');
  if (found.size === 0) {
    for (const c of d.categories) {
      const ground = categoryAlone[c];
      if (ground) found.add(ground);
    }
    if (found.size === 0 && (has(4) || has(5))) found.add('request-grounds-only');
  }
  return withheldGrounds.filter((g) => found.has(g));
}

// Category 1 alone is never a state secret: that takes a 密级 line or a cited 第十四条/保密法.
const categoryAlone: Partial<Record<CategoryId, WithheldGround>> = {
  1: 'third-party',
  2: 'process',
  3: 'internal-affairs',
  6: 'archives',
  7: 'work-secret',
  8: 'security-stability',
  9: 'law-prohibited',
};

/** The one ground a withheld 公文 is counted under. */
export const withheldGroundOf = (d: WithheldDecision): WithheldGround => withheldGroundsOf(d)[0] ?? 'unmarked';
