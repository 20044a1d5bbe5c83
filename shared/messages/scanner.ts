import type { PiiType } from '../types.ts';

const joinBasis = (basis: readonly string[]): string => (basis.length ? basis.join('、') : '无');

export const piiLabels: Record<PiiType, string> = {
  'id-card': '身份证号码',
  mobile: '手机号码',
  phone: '固定电话',
  'bank-card': '银行卡号',
  uscc: '统一社会信用代码',
  email: '电子邮箱',
  plate: '机动车号牌',
  name: '姓名',
  address: '住址',
};

/** Why a term is, or is not, a signal. Keys are the `rule` values of findings. */
export const ruleMessages: Record<string, string> = {
  'signal.classification': '版头密级标志，是国家秘密的最直接信号',
  'signal.marking': '作为标记或文种出现（单独成行、括注、标题或版头），表明本件的性质',
  'signal.header': '出现在版头或标题中',
  'signal.self-reference': '句中以“本件、本纪要、本材料”等指向本件自身',
  'signal.content': '出现在正文中，未见规范性表述的语境',
  'mention.citation': '位于书名号或引号中，是对文件或用语的引用',
  'mention.definition': '位于定义或名词解释中（所称、是指），是规范性表述',
  'mention.list': '位于不予公开事项的列举中，是对类别的列举',
  'mention.reference': '在正文中作为一般用语被提及，未作为本件的标记',
  'mention.exception': '位于“……除外”句式中，是规范性表述',
  'mention.prohibition': '位于“不得、禁止、防止……公开/泄露”等禁止性规定中',
  'mention.protection': '位于“依法保护、保守、保密”等保护性规定中',
  'mention.duty': '位于保密义务或保密审查的规定中',
  'mention.scope': '位于“涉及……的、属于……的”等范围界定中，是规范性表述',
  'mention.procedure': '位于“按照……规定”等程序性表述中',
  'mention.disclosure-rule': '所在句讨论公开属性或公开程序本身，是规范性表述',
  'mention.normative': '位于“应当、可以、不得、要加强”等规范性语句中，且句中没有具体的人、事、日期',
};

export const scannerMessages = {
  lexiconMissing: (dir: string) => `找不到审查词库：目录“${dir}”中没有 .tsv 词表。`,
  lexiconLine: (file: string, line: number, problem: string) => `词库文件“${file}”第 ${line} 行已跳过：${problem}`,
  lexiconEmptyPattern: '词语为空',
  lexiconBadCategory: (value: string) => `类别“${value}”不是 1–9`,
  lexiconBadWeight: (value: string) => `权重“${value}”不在 0–1 之间`,
  lexiconBadMode: (value: string) => `方式“${value}”应为 any、topic 或 mark`,
  lexiconBadRegex: (pattern: string) => `正则表达式“${pattern}”无效或会匹配空串`,

  termExplanation: (term: string, note: string, rule: string, negated: boolean, basis: readonly string[]) =>
    negated
      ? `“${term}”${ruleMessages[rule] ?? ''}，不是本件内容的信号，不影响公开属性。`
      : `“${term}”：${note}。${ruleMessages[rule] ?? ''}。依据：${joinBasis(basis)}。`,
  crossesWords: '（该词与前后文构成其他词语，可信度降低）',
  inFooter: '（位于版记，权重降低）',

  pii: {
    'id-card': '18位居民身份证号码，出生日期和校验码均有效',
    'id-card-old': '15位第一代居民身份证号码，出生日期有效',
    mobile: '11位手机号码',
    phone: '带区号的固定电话号码（单位办公电话通常可公开，住宅电话应删除）',
    'phone-home': '住宅或个人固定电话',
    'bank-card': '银行卡号，通过 Luhn 校验',
    uscc: '统一社会信用代码，校验码有效（法人信息通常可公开；个体工商户可能指向自然人）',
    email: '电子邮箱地址',
    'email-official': '单位电子邮箱（通常可公开）',
    plate: '机动车号牌',
    name: '标注为个人身份的姓名',
    'name-reporter': '举报人、信访人或投诉人的姓名（身份依法保密）',
    'name-official': '经办人、联系人等工作人员姓名（履职信息通常可公开）',
    'name-legal-rep': '法定代表人或负责人姓名（“双公示”通常公开）',
    address: '个人住址',
    'address-business': '单位地址或住所（通常可公开）',
  } as Record<string, string>,
  piiExplanation: (label: string, detail: string, basis: readonly string[], masked: string) =>
    `${label}：${detail}。公开前应删除或去标识化（如 ${masked}）。依据：${joinBasis(basis)}。`,
  piiBasis: ['条例第十五条', '个人信息保护法第二十八条'],
  reporterBasis: ['条例第十四条', '条例第十五条', '监察法第六十四条'],

  reasons: {
    proactive: '未发现需要删除或不予公开的内容，按“以公开为常态、不公开为例外”的原则建议主动公开。',
    classification: (raw: string) => `版头标有密级“${raw}”，属于国家秘密，不得公开。`,
    category: (name: string, terms: string) => `含有${name}：${terms}。`,
    security: '公开后可能危及国家安全、公共安全、经济安全或社会稳定。',
    lawBarred: '含有法律、行政法规禁止公开的信息。',
    workSecret: '标有工作秘密或内部资料等限制传播标志，一般不予公开。',
    processWithheld: '属于内部讨论、过程稿或请示等过程性信息，可以不予公开；定稿或决策作出后可重新认定。',
    processOnRequest: '属于过程性信息（如征求意见稿、会议纪要）。如用于决策预公开或行政管理依据，应予公开；否则建议依申请公开，逐案审查。',
    internal: '属于人事、后勤、内部工作流程等内部事务信息，不作为行政管理依据的可以不予公开。',
    internalOnRequest: '含有内部事务信息，建议依申请公开，逐案审查。',
    petition: '涉及信访、举报、投诉事项及相关人员信息，一般不予公开；信访人获取处理意见按《信访工作条例》办理。',
    archive: '涉及已移交或馆藏档案，按档案管理法律法规提供利用，建议依申请公开。',
    compilation: '涉及需汇总、分析、加工或重新制作的信息，行政机关无另行制作的义务；本件如已制作完成可正常认定。',
    tradeSecret: '含有第三方商业秘密，公开前应征求第三方意见或删除相关内容。',
    privacy: '含有个人隐私，公开前应删除相关内容。',
    pii: (count: number, types: string) => `含有 ${count} 处个人信息（${types}），其余内容可公开，建议删除后部分公开。`,
    publicDecision: '本件是行政许可、行政处罚等应依法公示的决定，个人信息去标识化后公开。',
  },
  warnings: {
    noteConflict: (note: string, count: number) => `附注标注“${note}”，但仍有 ${count} 处未处理的提示，请核实后再公开。`,
    noteMissing: '拟主动公开的公文应在附注处标注“（此件公开发布）”。',
    noteLessOpen: (note: string) => `附注标注“${note}”，但未发现相应的不予公开理由，请说明理由或改为主动公开。`,
  },
};

export const scanCliMessages = {
  summary: '扫描文件或文件夹，列出不宜公开的提示和公开属性建议',
  usage: [
    '用法：disclosure-desk scan <文件或文件夹…> [--json] [--lexicon 目录] [--user-lexicon 目录]',
    '',
    '  --json               每个文件输出一行 JSON（NDJSON），按输入顺序',
    '  --lexicon 目录       使用指定的审查词库目录替代内置词库',
    '  --user-lexicon 目录  用户补充词库（默认为数据目录下的 lexicon/）',
    '',
    '文件夹会递归扫描，按名称排序，包括 .docx .pdf .ofd .txt 以及无法读取的旧格式 .doc .wps（报告为错误，避免遗漏）。',
    '退出码：0 全部读取成功；1 有文件读取失败（其余文件照常报告）；2 用法错误。',
  ].join('\n'),
  noInput: '请指定至少一个文件或文件夹。',
  unknownOption: (option: string) => `未知选项“${option}”。`,
  missingValue: (option: string) => `选项“${option}”需要一个目录。`,
  notFound: (file: string) => `找不到文件“${file}”。`,
  unreadable: (file: string, reason: string) => `无法读取“${file}”：${reason}`,
  progress: (done: number, total: number, file: string) => `扫描 ${done}/${total}：${file}`,
  fileHeader: (file: string) => `文件：${file}`,
  fileError: (code: string, message: string) => `  读取失败（${code}）：${message}`,
  suggestion: (label: string) => `  建议：${label}`,
  basis: (basis: string) => `  依据：${basis}`,
  reason: (reason: string) => `  · ${reason}`,
  warning: (warning: string) => `  ！${warning}`,
  noFindings: '  未发现需要提示的内容。',
  mentions: (count: number) => `  另有 ${count} 处为规范性提及，已排除。`,
  columns: ['类别', '内容', '位置', '分值', '说明'],
  page: (page: number) => `第${page}页`,
  offset: (start: number) => `@${start}`,
  lexiconWarning: (warning: string) => `词库提示：${warning}`,
  summaryLine: (files: number, failed: number, flagged: number) => `共 ${files} 个文件，读取失败 ${failed} 个，有提示 ${flagged} 个。`,
};
