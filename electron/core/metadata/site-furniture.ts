/**
 * What a saved web page, a legal-database export or a Markdown copy puts around a 公文: navigation,
 * breadcrumbs, the site's metadata table (索引号/发文机关/成文日期/标题/发文字号 …), font-size and print
 * controls, citation codes and source links; and the fields of a form (发文稿纸, 收文处理笺). None of it
 * is the document's text proper. A site's metadata table and a form's 标题 field do state the
 * document's own title, number and date, and those win over guesses from the text.
 */

/** Labels of the metadata tables that government sites and legal databases print before a document. */
const TABLE_LABELS = new Set(
  '索引号 主题分类 分类 发文机关 发布机构 发布机关 成文日期 发文日期 生成日期 实施日期 失效日期 标题 名称 文号 发文字号 主题词 公开方式 公开时限 公开范围 公开形式 责任部门 统一编号 文件状态 有效性 时效性 所属机构 体裁分类 组配分类 原文链接'.split(' '),
);
/** Labels of the line a site prints under an article's title (source, date, hits): furniture, but the title is above it. */
const ARTICLE_LABELS = new Set('来源 信息来源 发布日期 发布时间 发表时间 时间 作者 责任编辑 浏览 浏览次数 访问量 点击 关联稿件 检索时间 检索关键词'.split(' '));
const PAGE_LABEL = new RegExp(`^(${[...TABLE_LABELS, ...ARTICLE_LABELS].join('|')})[:：](.*)$`);
/** Fields of a form (发文稿纸, 收文处理笺): never a title, though the 标题 field holds one. */
const FORM_FIELD =
  /^(拟稿单位|拟稿人|拟稿|核稿人|核稿|会签|签发|审核|审批|主办单位|承办单位|文件标题|公文标题|标题|来文单位|来文字号|来文文号|打字|校对|份数|印数|主送|主送机关|拟办意见|批示|办理结果)(?:[:：](.*))?$/;
const FORM_NAME = /(发文稿纸|发文处理单|发文单|收文处理笺|收文处理单|文件处理单|发文审批单)$/;
const BREADCRUMB = /位置\s*[:：]\s*(首页|网站首页|主页)|^(首页|网站首页)\s*[>＞›]/;
const DATABASE_LINE = /^【法宝引证码】|^(原文下载|相关附件|附件)[:：】]?$|^\[?https?:\/\//;
const RULE = /^[-*_=—━─═＿]{3,}$/;
const HTML_COMMENT = /^<!--.*-->$/;
/** Site chrome: print and font-size controls, share and close links, accessibility switches, hit counters. */
const CHROME =
  /^(?:分享到|打印|【打印】|打印页面|扫一扫|网站首页|无障碍|无障碍阅读|长者助手|关怀版|关爱版|繁體|繁體版|繁体版|English|搜索|用户登录|返回顶部|【返回顶部】|关闭本页|关闭窗口|【关闭窗口】)(?=[\s:：】|]|$)|【字体[:：]|字号[:：]?\s*[【\[]?大|A\+\s*[大中小]|浏览次数[:：]|访问量[:：]|^\|\s*(?:19|20)\d{2}年/;

interface SiteFields {
  title: string | null;
  docNumber: string | null;
  date: string | null;
}

interface SiteFurniture {
  /** Lines that are page, database or form furniture: never a title, date or 主送机关. */
  furniture: Set<number>;
  /** Where the document may begin: after the last breadcrumb, metadata table, source link or rule at the top. */
  start: number;
  fields: SiteFields;
}

/** The label: value pairs of a line whose every cell is a label of `pattern` (with its value or before it). */
function labelCells(cells: string[], pattern: RegExp): [string, string][] | null {
  const pairs: [string, string][] = [];
  for (let j = 0; j < cells.length; j++) {
    const m = pattern.exec(cells[j]!);
    if (!m) return null;
    let value = (m[2] ?? '').trim();
    if (!value && j + 1 < cells.length && !pattern.test(cells[j + 1]!)) value = cells[++j]!;
    pairs.push([m[1]!, value]);
  }
  return pairs;
}

/**
 * Finds the furniture among the first lines of a document, up to its first sentence. `raw` are the lines as
 * extracted (tabs between table cells kept), `lines` the same lines tidied; `looksLikeTitle` keeps a
 * title from being taken for the value of the label above it.
 */
export function readSiteFurniture(
  raw: readonly string[],
  lines: readonly string[],
  tidy: (s: string) => string,
  isSentence: (s: string) => boolean,
  looksLikeTitle: (s: string) => boolean,
): SiteFurniture {
  const furniture = new Set<number>();
  const tableFields: [string, string][] = [];
  const formFields: [string, string][] = [];
  let anchor = -1;
  let isForm = false;
  // A site's table has each value beside its label, or each on the line below; one layout per table.
  let valueBelow: boolean | null = null;
  const isLabelLine = (i: number) => i < lines.length && PAGE_LABEL.test(lines[i]!);
  for (let i = 0; i < Math.min(lines.length, 200); i++) {
    const line = lines[i]!;
    if (!line) continue;
    const cells = raw[i]!.split('\t').map(tidy).filter(Boolean);
    const labelled = labelCells(cells, PAGE_LABEL);
    if (labelled) {
      furniture.add(i);
      if (labelled.some(([label]) => TABLE_LABELS.has(label))) anchor = i;
      for (const [label, value] of labelled) {
        if (value) {
          tableFields.push([label, value]);
          valueBelow = false;
          continue;
        }
        const next = lines[i + 1];
        if (cells.length > 1 || next === undefined || isLabelLine(i + 1) || isSentence(next)) continue;
        const below = valueBelow ?? isLabelLine(i + 2);
        const titleHere = label === '标题' || label === '名称';
        if (!below || (!titleHere && next.length > 12 && looksLikeTitle(next))) continue;
        valueBelow = true;
        tableFields.push([label, next]);
        furniture.add(++i);
        if (TABLE_LABELS.has(label)) anchor = i;
      }
      continue;
    }
    valueBelow = null;
    if (CHROME.test(raw[i]!.trim()) || CHROME.test(line) || HTML_COMMENT.test(line)) {
      furniture.add(i);
      continue;
    }
    if (FORM_NAME.test(line)) isForm = true;
    const form = isForm || cells.length > 1 ? labelCells(cells, FORM_FIELD) : null;
    if (form && (isForm || form.length > 1)) {
      furniture.add(i);
      for (const [label, value] of form) if (value) formFields.push([label, value]);
      continue;
    }
    if (BREADCRUMB.test(line) || DATABASE_LINE.test(line) || RULE.test(line)) {
      furniture.add(i);
      anchor = i;
      continue;
    }
    if (isSentence(line)) break;
  }
  const field = (labels: string[], from: [string, string][]) => from.find(([label]) => labels.includes(label))?.[1] ?? null;
  // One label on its own is a line of text that happens to start that way; a table has several.
  const isTable = new Set(tableFields.map(([label]) => label).filter((label) => TABLE_LABELS.has(label))).size >= 2;
  return {
    furniture,
    start: anchor + 1,
    fields: {
      title: field(isTable ? ['标题', '名称'] : ['标题'], tableFields) ?? field(['文件标题', '公文标题', '标题'], formFields),
      docNumber: isTable ? field(['发文字号', '文号'], tableFields) : null,
      date: isTable ? field(['成文日期'], tableFields) : null,
    },
  };
}
