import type { AnswerState, AppealKind, AppealResult, ApplicantType, BundleProblem, InspectionOutcome, ItemProgress, RequestChannel, RequestOutcome, WorklistRule } from '../ipc/inspection.ts';
import type { DeadlineStatus } from '../workdays.ts';

/** Column heads of table 三; the last five are the parts of 法人或其他组织. */
export const applicantLabels: Record<ApplicantType, string> = {
  'natural-person': '自然人',
  commercial: '商业企业',
  research: '科研机构',
  'public-interest': '社会公益组织',
  'legal-service': '法律服务机构',
  'other-org': '其他',
};

/** The group head over the five organisation columns. */
export const organisationApplicants = '法人或其他组织';

export const answerStateLabels: Record<AnswerState, string> = {
  'awaiting-review': '待审核',
  returned: '已退回',
  answered: '已答复',
};

export const appealKindLabels: Record<AppealKind, string> = {
  reconsideration: '行政复议',
  litigation: '行政诉讼',
};

export const appealResultLabels: Record<AppealResult, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
};

export const appealPendingLabel = '尚未审结';

export const channelLabels: Record<RequestChannel, string> = {
  'in-person': '当面提交',
  mail: '信函',
  online: '网络',
  fax: '传真',
  other: '其他',
};

/** Row key and wording of the national annual-report table (table 三, 办理结果). */
export const outcomeRows: Record<RequestOutcome, { row: string; label: string }> = {
  granted: { row: '予以公开', label: '予以公开' },
  partial: { row: '部分公开', label: '部分公开（区分处理的，只计这一情形）' },
  'withheld:state-secret': { row: '不予公开-1', label: '不予公开：属于国家秘密' },
  'withheld:law-prohibited': { row: '不予公开-2', label: '不予公开：其他法律行政法规禁止公开' },
  'withheld:security-stability': { row: '不予公开-3', label: '不予公开：危及“三安全一稳定”' },
  'withheld:third-party': { row: '不予公开-4', label: '不予公开：保护第三方合法权益' },
  'withheld:internal-affairs': { row: '不予公开-5', label: '不予公开：属于三类内部事务信息' },
  'withheld:process': { row: '不予公开-6', label: '不予公开：属于四类过程性信息' },
  'withheld:enforcement-file': { row: '不予公开-7', label: '不予公开：属于行政执法案卷' },
  'withheld:administrative-query': { row: '不予公开-8', label: '不予公开：属于行政查询事项' },
  'unavailable:not-held': { row: '无法提供-1', label: '无法提供：本机关不掌握相关政府信息' },
  'unavailable:needs-creation': { row: '无法提供-2', label: '无法提供：没有现成信息需要另行制作' },
  'unavailable:unclear': { row: '无法提供-3', label: '无法提供：补正后申请内容仍不明确' },
  'not-handled:petition': { row: '不予处理-1', label: '不予处理：信访举报投诉类申请' },
  'not-handled:repeat': { row: '不予处理-2', label: '不予处理：重复申请' },
  'not-handled:publication': { row: '不予处理-3', label: '不予处理：要求提供公开出版物' },
  'not-handled:mass-repeat': { row: '不予处理-4', label: '不予处理：无正当理由大量反复申请' },
  'not-handled:confirmation': { row: '不予处理-5', label: '不予处理：要求行政机关确认或重新出具已获取信息' },
  'other:no-correction': { row: '其他处理-1', label: '其他处理：申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
  'other:no-fee': { row: '其他处理-2', label: '其他处理：申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
  'other:other': { row: '其他处理-3', label: '其他处理：其他' },
};

export const deadlineLabels: Record<DeadlineStatus, string> = {
  open: '办理中',
  'due-soon': '即将到期',
  overdue: '已逾期',
  answered: '已答复',
  'answered-late': '逾期答复',
};

export const ruleLabels: Record<WorklistRule, string> = {
  withheld: '不予公开信息',
  partial: '部分公开信息',
  'often-requested': '依申请公开较为集中',
  'secrecy-lapsed': '保密期限已届满',
  'process-over': '过程性信息所涉过程已结束',
};

export const inspectionOutcomeLabels: Record<InspectionOutcome, string> = {
  keep: '维持原属性',
  proactive: '转为主动公开',
  partial: '转为部分公开',
};

export const progressLabels: Record<ItemProgress, string> = {
  pending: '待处理',
  proposed: '审签中',
  done: '已完成',
};

export const inspectionMessages = {
  suggestSecrecyLapsed: (ends: string) => `保密期限已于${ends}届满，解密后应当公开的应予公开`,
  suggestProcessOver: (months: number) => `过程性信息形成已超过${months}个月，所涉过程已结束，可转为主动公开`,
  suggestOftenRequested: (count: number) => `本年度被申请${count}次，属依申请公开较为集中的信息，可转为主动公开（条例第四十四条）`,
  suggestPartialPersonal: '不予公开的内容仅为个人信息或商业秘密等可区分的部分，可区分处理后部分公开（条例第三十七条）',
  suggestKeepWithheld: '不予公开的理由仍然成立，建议维持',
  suggestKeepPartial: '已作区分处理，建议维持部分公开',
  suggestKeepOnRequest: '申请量未达集中标准，建议维持依申请公开',
  proposalReason: (year: number, outcome: string, justification: string) => `${year}年度自查：${outcome}。${justification}`,

  noInspection: (year: number) => `${year}年度自查尚未开启。`,
  alreadyOpen: (year: number) => `${year}年度自查已经开启。`,
  closedLocked: (year: number) => `${year}年度自查已于结束时锁定，数据不可再更改。`,
  notOnWorklist: (documentId: number) => `文件（编号${documentId}）不在本年度自查清单中。`,
  openDecision: (documentId: number, decisionId: number) => `文件（编号${documentId}）已有尚未签发的决定（编号${decisionId}），请先办结该决定。`,
  sameAttribute: (label: string) => `该文件现行属性已是“${label}”，请选择“维持原属性”。`,
  itemsPending: (year: number, pending: number) => `${year}年度自查还有${pending}项未办结（未提出处理意见或新决定尚未签发），不能结束自查。`,
  passwordRequired: '导出签名文件需要输入口令。',
  /** Excel header/footer codes: &C centre, &P page, &N pages. */
  sheetFooter: '&C第 &P 页，共 &N 页',
  cellTruncated: '…（超长已截断，全文见系统）',

  requestNotFound: (id: number) => `未找到申请登记（编号${id}）。`,
  documentNotFound: (id: number) => `未找到文件（编号${id}）。`,
  requestAlreadyAnswered: (id: number) => `申请（编号${id}）已答复，不能再次答复。`,
  requestAlreadyExtended: (id: number) => `申请（编号${id}）已延长过一次答复期限，条例第三十三条只允许延长一次。`,
  answerBeforeReceipt: (answered: string, received: string) => `答复日期${answered}早于收到申请日期${received}。`,
  invalidDate: (value: string) => `日期“${value}”无效，应为 YYYY-MM-DD。`,
  answerNeedsBasis: '除“予以公开”外，答复须写明依据（从条款列表中选择）和理由（条例第三十六条）。',
  basisNotInList: (basis: string) => `依据“${basis}”不在条款列表中，请从列表中选择。`,
  answerPending: (id: number) => `申请（编号${id}）的答复正在等待审核，请先由审核人通过或退回。`,
  notAwaitingReview: (id: number) => `申请（编号${id}）没有待审核的答复。`,
  justificationRequired: '该答复将提供登记簿中认定为不予公开或部分公开的信息，审核通过须写明理由（政府信息公开审查）。',
  selfReview: '该答复需要审核：拟答复人不能审核自己拟定的答复，请由另一位审核人审核。',
  returnReasonRequired: '退回须写明理由。',
  appealNotFound: (requestId: number, appealId: number) => `申请（编号${requestId}）下未找到复议或诉讼登记（编号${appealId}）。`,
  appealAlreadyDecided: (appealId: number) => `复议或诉讼（编号${appealId}）已登记结果，不能再次登记。`,
  decidedBeforeFiled: (decided: string, filed: string) => `结果日期${decided}早于提起日期${filed}。`,
  filedBeforeReceipt: (filed: string, received: string) => `提起日期${filed}早于收到申请日期${received}。`,
  appealBodyRequired: '请填写受理复议的机关或受理诉讼的法院。',
  afterReconsiderationOnlyLitigation: '“复议后起诉”只适用于行政诉讼。',
  scheduleUnreadable: (file: string) => `无法读取节假日安排文件“${file}”。`,
  scheduleBadLines: (file: string, lines: string[]) =>
    `节假日安排文件“${file}”中有读不懂的行：${lines.join('；')}。每行写“休”或“班”再写日期，如“休 2027-01-01..2027-01-03”“班 2027-02-07”。`,
  scheduleEmpty: (file: string) => `节假日安排文件“${file}”中没有日期。`,

  bundleNeedsClosed: (year: number) => `${year}年度自查尚未结束：只有结束并锁定的自查才能导出签名文件报送。`,
  checkpointSignatureInvalid: '检查点签名无效或公钥与指纹不符',
  checkpointOtherUnit: '检查点属于另一套安装，与文件声明的单位不符',
  checkpointNotClose: '检查点与自查结束记录的哈希值不一致',
  bundleChecked: (unit: string, year: number, fingerprint: string) => `签名文件完好：${unit} ${year}年度自查，签名公钥指纹 ${fingerprint.slice(0, 16)}…，审计链检查点已核验。`,
  bundleImported: (unit: string, year: number) => `已导入${unit}${year}年度自查结果。`,
  bundleReplaced: (unit: string, year: number) => `已导入${unit}${year}年度自查结果，替换此前导入的版本。`,
  malformedAt: (where: string) => (where ? `${where} 处缺失或取值无效` : '缺少必需的内容'),
  notJson: '不是 UTF-8 编码的 JSON 文本',
  bundleProblems: {
    unreadable: (file: string, detail: string) => `无法读取文件“${file}”：${detail}`,
    'not-bundle': (file: string) => `文件“${file}”不是本系统导出的年度自查签名文件。`,
    unsigned: (file: string) => `文件“${file}”没有签名，不予采信。`,
    'bad-signature': (file: string) => `文件“${file}”的签名与内容不符：内容在签名后被改动，或签名无效。`,
    'key-mismatch': (file: string) => `文件“${file}”所附公钥与声明的公钥指纹不一致。`,
    'checkpoint-invalid': (file: string, detail: string) => `文件“${file}”中的审计链检查点无效：${detail}`,
    'checkpoint-behind': (file: string) => `文件“${file}”中的审计链检查点早于自查结束记录，无法证明自查记录已入链。`,
    'entry-mismatch': (file: string, seq: number) => `文件“${file}”中的审计记录（序号${seq}）与其哈希值不符，记录被改动。`,
    'figures-mismatch': (file: string) => `文件“${file}”中的汇总数字与逐项记录不一致。`,
    'not-closed': (file: string) => `文件“${file}”对应的自查尚未结束，汇总数字未锁定，不予汇总。`,
    'pinned-key-mismatch': (file: string, unit: string, pinned: string, typed: boolean) =>
      `文件“${file}”的签名公钥与此前登记的“${unit}”公钥（指纹 ${pinned.slice(0, 16)}…）不同，不予采信。${typed ? '所输入的指纹与该文件的签名公钥不符。' : ''}如该单位确已更换密钥，请通过电话或公文向该单位索取新公钥指纹，导入时输入以确认。`,
    duplicate: (file: string) => `文件“${file}”此前已经导入，本次未重复导入。`,
    'not-found': (file: string) => `找不到文件“${file}”：文件不存在，可能已被移动、改名或删除。`,
    malformed: (file: string, detail: string) => `文件“${file}”的结构不符合年度自查签名文件的格式（${detail}），不予采信。`,
    'unconfirmed-key': (file: string, unit: string, typed: boolean) =>
      `文件“${file}”来自尚未登记的单位“${unit}”。${typed ? '所输入的指纹与该文件的签名公钥不符，不予导入。' : '首次导入须确认该单位的签名公钥：'}请通过电话或公文向该单位索取签名公钥指纹（64 位十六进制），导入时输入以确认。`,
    'unit-name-collision': (file: string, unit: string, registered: string, fingerprint: string, registeredFingerprint: string) =>
      `文件“${file}”自称“${unit}”（签名公钥指纹 ${fingerprint}），但已登记的“${registered}”来自另一套安装、使用另一把签名公钥（指纹 ${registeredFingerprint}）。同名单位的结果不能重复计入汇总，不予导入；请向该单位核实。`,
  } satisfies Record<BundleProblem, (...args: never[]) => string>,

  report: {
    title: (unit: string, year: number) => `${unit}关于${year}年度政府信息公开自查整改情况的报告`,
    opening: (year: number) =>
      `根据《中华人民共和国政府信息公开条例》和本级政府关于政务公开工作的要求，我单位于${year}年11月对本单位不予公开的信息以及依申请公开较为集中的信息进行了全面自查。现将有关情况报告如下：`,
    scopeHeading: '一、自查范围和总体情况',
    scope: (total: number, withheld: number, partial: number, onRequest: number, minRequests: number) =>
      `本次自查共纳入信息${total}件，其中不予公开信息${withheld}件，部分公开信息${partial}件，本年度被申请${minRequests}次及以上的依申请公开信息${onRequest}件。`,
    flagged: (lapsed: number, process: number) => `自查中发现保密期限已届满的信息${lapsed}件，所涉过程已结束的过程性信息${process}件。`,
    resultHeading: '二、自查整改结果',
    result: (done: number, total: number, kept: number, proactive: number, partial: number) =>
      `截至自查结束，已办结${done}件（共${total}件）。经审查，维持原公开属性${kept}件，转为主动公开${proactive}件，转为部分公开${partial}件。各项调整均已重新认定公开属性，经政务公开工作机构审查和机关负责人审签，并记入审计日志。`,
    tableCaption: '表1  自查整改情况统计',
    requestsHeading: '三、依申请公开办理情况',
    requests: (received: number, answered: number, late: number, carriedOut: number) =>
      `本年度共收到政府信息公开申请${received}件，办结${answered}件，其中逾期答复${late}件；结转下年度继续办理${carriedOut}件。`,
    nextHeading: '四、下一步工作',
    next: '我单位将严格落实公文公开属性源头认定制度，对不予公开信息定期开展评估审查，对依申请公开较为集中的信息及时转为主动公开，切实做到应公开尽公开。',
    closing: '特此报告。',
    defaultNote: '（此件公开发布）',
    rootFingerprint: (fingerprint: string) => `本报告数字取自本单位审计日志（根密钥指纹 ${fingerprint}），可用 disclosure-desk audit verify 核验。`,
    tableHeader: ['类别', '纳入自查（件）', '维持（件）', '转为主动公开（件）', '转为部分公开（件）', '未办结（件）'],
  },

  cli: {
    requestsSummary: '依申请公开登记：登记、答复、延期、查看期限',
    holidaysImported: (file: string, years: string[]) => `已从 ${file} 导入节假日安排；节假日表现含 ${years.join('、')} 年。`,
    requestsUsage: [
      '用法：',
      '  disclosure-desk requests add --as 用户 --subject 申请内容 --received YYYY-MM-DD [--doc 文件] [--applicant natural-person|commercial|research|public-interest|legal-service|other-org] [--channel in-person|mail|online|fax|other] [--note 备注]',
      '  disclosure-desk requests answer 登记编号 --as 用户 --outcome 办理结果 [--answered YYYY-MM-DD] [--basis 条例条款 --reason 理由] [--fee 金额(元) [--waived]] [--note 备注]',
      '      （除 granted 外须写 --basis 和 --reason；拟稿人拟定的答复、或公开登记簿中不予公开/部分公开信息的答复，须经审核）',
      '  disclosure-desk requests review 登记编号 --as 审核人 (--approve [--justification 理由] | --return --reason 理由)',
      '  disclosure-desk requests appeal 登记编号 --as 用户 --kind reconsideration|litigation --filed YYYY-MM-DD --body 受理机关 [--after-reconsideration]',
      '  disclosure-desk requests appeal-result 登记编号 复议诉讼编号 --as 用户 --result upheld|corrected|other --decided YYYY-MM-DD',
      '  disclosure-desk requests extend 登记编号 --as 用户 --days 天数(1-20) --reason 理由',
      '  disclosure-desk requests list [--year YYYY] [--status open|due-soon|overdue|answered|answered-late|unanswered] [--doc 文件] [--json]',
      '  disclosure-desk requests outcomes               （列出办理结果的取值及其年报行）',
      '  disclosure-desk requests bases                  （列出答复可引用的条款）',
      '  disclosure-desk requests holidays import 文件 --as 用户   （导入国务院办公厅公布的一年节假日安排：每行“休 日期”或“班 日期”，日期可写 2027-01-01..2027-01-03）',
      '通用参数：--db 文件（或环境变量 DISCLOSURE_DESK_DB）；口令取自 DISCLOSURE_DESK_PASSWORD 或提示输入。',
    ].join('\n'),
    inspectSummary: '年度自查：开启、查看清单、提出处理意见、结束、导出',
    inspectUsage: [
      '用法：',
      '  disclosure-desk inspect open --year YYYY --as 用户',
      '  disclosure-desk inspect status --year YYYY [--json]',
      '  disclosure-desk inspect list --year YYYY [--rule 规则] [--progress pending|proposed|done] [--json]',
      '  disclosure-desk inspect propose --year YYYY --as 拟稿人 --justification 说明 [--outcome keep|proactive|partial] [--same-justification] (--all | 文件…)',
      '  disclosure-desk inspect close --year YYYY --as 用户',
      '  disclosure-desk inspect export --year YYYY --out 目录 --as 审签人   （写出 xlsx、docx、csv 和签名包，签名包旁另有同名的 .checkpoint.json 检查点；任一项不能导出时一项也不写）',
      '规则取值：withheld、partial、often-requested、secrecy-lapsed、process-over；不写 --outcome 时各项采用系统建议；各项处理意见不同时须加 --same-justification 确认同一理由适用于全部各项，否则不予提出。',
      '通用参数：--db 文件（或环境变量 DISCLOSURE_DESK_DB）；口令取自 DISCLOSURE_DESK_PASSWORD 或提示输入。',
    ].join('\n'),
    bundleSummary: '签名包：离线核验、导入各单位自查结果、汇总',
    bundleUsage: [
      '用法：',
      '  disclosure-desk bundle verify 文件…',
      '  disclosure-desk bundle import 文件… --as 用户 [--trust-new-key 公钥指纹]…',
      '  disclosure-desk bundle summary --year YYYY [--out 文件.xlsx|文件.csv --as 用户] [--json]',
      '首次导入某单位的签名包，或该单位更换了签名密钥时，须用 --trust-new-key 输入通过电话或公文从该单位取得的公钥指纹（64 位十六进制，可含空格）。',
      '退出码：0 全部完好或已导入；3 有签名包被拒收；1 有文件不存在或无法读取；4 有签名包此前已导入（其余正常）；2 用法错误。',
      '通用参数：--db 文件（或环境变量 DISCLOSURE_DESK_DB）。',
    ].join('\n'),
    trustHint: '确认单位签名公钥：bundle import 文件 --as 用户 --trust-new-key 该单位告知的公钥指纹',
    badFingerprint: (value: string) => `公钥指纹“${value}”无效：应为 64 位十六进制数字（可含空格或冒号分隔）。`,
    badYear: (value: string) => `年度“${value}”无效，应为四位数字，如 --year 2025。`,
    badChoice: (option: string, value: string, choices: readonly string[]) => `${option} 的取值“${value}”无效，可选：${choices.join('、')}。`,
    unknownSubcommand: (command: string, sub: string) => `“${command}”没有子命令“${sub || '（空）'}”。`,
    requestAdded: (id: number, due: string) => `已登记第 ${id} 号申请，答复期限 ${due}。`,
    requestAnswered: (id: number, status: string) => `已登记第 ${id} 号申请的答复（${status}）。`,
    answerAwaitingReview: (id: number, reviewRequired: boolean) => `第 ${id} 号申请的答复已拟定，待审核${reviewRequired ? '（将提供认定为不予公开或部分公开的信息，审核通过须写明理由）' : ''}；审核前不计为已答复。`,
    answerReturned: (id: number, reason: string) => `第 ${id} 号申请的答复已退回：${reason}`,
    approveOrReturn: '请写 --approve 或 --return（只能选一个）。',
    appealAdded: (id: number, appealId: number, kind: string) => `已登记第 ${id} 号申请的${kind}（编号 ${appealId}）。`,
    appealResultAdded: (id: number, appealId: number, result: string) => `已登记第 ${id} 号申请的复议或诉讼（编号 ${appealId}）结果：${result}。`,
    recordedLateFlag: '  〔登记迟于收到后 2 个工作日〕',
    awaitingFlag: (state: string) => `  〔答复${state}〕`,
    appealLine: (appealId: number, kind: string, filed: string, body: string, result: string, late: boolean) => `    ${kind} #${appealId}  提起 ${filed}  ${body}  ${result}${late ? '  〔登记迟于提起后 7 日〕' : ''}`,
    badNumber: (option: string, value: string) => `${option} 的取值“${value}”无效，应为不小于 0 的数。`,
    requestExtended: (id: number, due: string) => `第 ${id} 号申请已延期，答复期限延至 ${due}。`,
    requestLine: (id: number, received: string, due: string, status: string, subject: string, doc: string) => `#${id}  收到 ${received}  期限 ${due}  ${status}  ${subject}${doc ? `  〔${doc}〕` : ''}`,
    requestCounts: (open: number, dueSoon: number, overdue: number, answered: number, late: number) => `办理中 ${open}，即将到期 ${dueSoon}，已逾期 ${overdue}，已答复 ${answered}（其中逾期答复 ${late}）`,
    calendarWarning: '注意：节假日表未覆盖部分期限所在年度，期限只排除了周末和元旦、劳动节、国庆节的法定假日，未计调休。请用 requests holidays import 导入当年的节假日安排。',
    statusLine: (year: number, state: string, done: number, total: number, pending: number, proposed: number) => `${year}年度自查：${state}；已办结 ${done}/${total}，待处理 ${pending}，审签中 ${proposed}`,
    stateLabels: { none: '未开启', open: '进行中', closed: '已结束（已锁定）' } as Record<string, string>,
    itemLine: (id: number, docNumber: string, title: string, attribute: string, rules: string, suggested: string, progress: string) => `文件 ${id}  ${docNumber}  ${title}  现行：${attribute}  列入：${rules}  建议：${suggested}  ${progress}`,
    proposed: (n: number) => `已提出 ${n} 项处理意见（新决定已进入审核、签发流程）。`,
    skipped: (documentId: number, message: string) => `未处理文件 ${documentId}：${message}`,
    needDocs: '请列出文件，或用 --all 处理清单中全部待处理项。',
    wrote: (format: string, file: string, sha: string) => `已写出 ${format}：${file}（SHA-256 ${sha.slice(0, 16)}…）`,
    signerFingerprint: (fingerprint: string) => `签名公钥指纹：${fingerprint}\n（首次报送或更换密钥时，请通过电话或公文告知政府办公室，供其导入时用 --trust-new-key 核对。）`,
    verified: (message: string) => `完好：${message}`,
    refused: (file: string, message: string) => `拒收 ${file}：${message}`,
    imported: (message: string) => `已导入：${message}`,
    unitLine: (name: string, done: number, items: number, proactive: number, partial: number, received: number) => `${name}：纳入 ${items}，已办结 ${done}，转主动公开 ${proactive}，转部分公开 ${partial}，本年收到申请 ${received}`,
    totalsLine: (units: number, items: number, proactive: number, partial: number) => `合计 ${units} 个单位：纳入 ${items}，转主动公开 ${proactive}，转部分公开 ${partial}`,
  },
};

// ---- guards against mistakes that cannot be undone: year, unit name, mixed proposals (issue 14) ----

export const inspectionGuardMessages = {
  yearOutOfRange: (year: number, first: number, last: number) =>
    `不能开启${year}年度自查：自查年度应在${first}年（《政府信息公开条例》施行之年）至${last}年（本年）之间。自查一经开启不能删除，请核对年度。`,
  defaultUnitName: '本单位',
  unitNameSet: (name: string) => `单位名称已设为“${name}”，此后导出的自查报告和签名包以此署名。`,
  unitNameEmpty: '单位名称不能为空。',
  unitNameNeedsAdmin: '单位名称标识本单位报送的签名包，只有管理员可以修改（命令行：settings set unit-name 名称；应用：设置 → 单位名称）。',
  unitNameNotSet: '尚未设置单位名称，签名包会以“本单位”署名，汇总时无法与其他单位区分。请管理员先设置单位名称（命令行：settings set unit-name 名称；应用：设置 → 单位名称）。',
  namesakeInView: (unit: string, year: number, file: string, fingerprint: string, otherFile: string, otherFingerprint: string) =>
    `${year}年度汇总中有两个名为“${unit}”的单位，签名公钥不同（文件“${file}”指纹 ${fingerprint}，文件“${otherFile}”指纹 ${otherFingerprint}），不能合并汇总。请向两个单位核实，由更名的单位设置正确名称后重新报送签名包。`,
  mixedOutcomes: (count: number, byOutcome: string) =>
    `所选${count}项的处理意见不同（${byOutcome}），不能共用同一条理由。请按处理意见分别提出，或确认同一理由适用于全部各项（命令行加 --same-justification）。`,
  outcomeCount: (label: string, count: number) => `${label}${count}项`,
  cli: {
    settingsSummary: '设置：单位名称（报告署名、签名包中的单位名称）',
    settingsUsage: [
      '用法：',
      '  disclosure-desk settings set unit-name 单位名称 --as 管理员',
      '单位名称用于年度自查报告署名和报送的签名包；未设置时为“本单位”，签名包不能导出。名称含空格时请加引号。',
      '通用参数：--db 文件（或环境变量 DISCLOSURE_DESK_DB）；口令取自 DISCLOSURE_DESK_PASSWORD 或提示输入。',
    ].join('\n'),
    unknownSettingsSubcommand: (sub: string) => `settings 没有子命令“${sub}”，可用：set。`,
    unknownSetting: (key: string, keys: readonly string[]) => `没有名为“${key}”的设置，可设置：${keys.join('、')}。`,
    needOneValue: (key: string) => `请给出 ${key} 的取值（一项，不能为空）。`,
  },
};
