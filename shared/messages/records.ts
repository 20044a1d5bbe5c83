import type { DecisionState, Role } from '../types.ts';
import type { TransitionRefusal, WorkflowAction } from '../workflow.ts';
import type { JustificationNeed, RegisterState } from '../ipc/records.ts';
import type { DecisionProblem } from '../decision-rules.ts';
import { attribute } from '../attributes.ts';
import { channelMessages } from './channels.ts';

export const roleLabels: Record<Role, string> = {
  drafter: '拟稿人',
  reviewer: '审查人（政务公开工作机构）',
  signer: '审签人',
  admin: '管理员',
};

export const stateLabels: Record<RegisterState, string> = {
  undecided: '未认定',
  draft: '草稿',
  submitted: '已提交',
  returned: '已退文',
  approved: '已审查',
  signed: '已签发',
};

const workflowActionLabels: Record<WorkflowAction, string> = {
  draft: '拟定公开属性',
  supersede: '重新认定（替代已签发的认定）',
  edit: '修改',
  submit: '提交',
  approve: '审查通过',
  return: '退文',
  sign: '签发',
};

/** Labels for the audit viewer; actions not listed are shown by their key. */
export const auditActionLabels: Record<string, string> = {
  'install.created': '建立记录库',
  'user.add': '新增用户',
  'user.roles': '调整角色',
  'user.password': '修改口令',
  login: '登录',
  'login.failed': '登录失败',
  logout: '退出登录',
  'document.load': '载入文件',
  'document.scan': '扫描',
  'document.rejected': '文件未能载入',
  'classified.warning': '涉密提示',
  'decision.draft': '拟定公开属性',
  'decision.save': '修改认定',
  'finding.confirm': '确认标记（不予公开）',
  'finding.dismiss': '排除标记（误报）',
  'finding.redact': '标记为删除段落',
  'finding.cleared': '撤销对标记的处理',
  'decision.submit': '提交',
  'decision.approve': '审查通过',
  'decision.return': '退文',
  'decision.sign': '签发',
  'settings.change': '修改设置',
  'lexicon.change': '修改词库',
  'export.redacted': '导出公开版本',
  'export.review-form': '导出公开属性审查单',
  'export.stamped': '按公开属性写附注（另存公文副本）',
  backup: '备份',
  'backup.restored': '从备份恢复',
  'audit.checkpoint': '导出审计检查点',
  'publication.record': '登记发布',
  'publication.kind': '认定文件类别',
  'publication.link': '关联解读',
};

const refusalText: Record<TransitionRefusal, string> = {
  'not-allowed': '当前状态下不能执行此操作',
  role: '您没有执行此操作所需的角色',
  'own-draft': '职责分离：不能审查或签发自己拟定的认定',
  'not-drafter': '只有拟稿人本人可以修改或提交',
  'review-required': '依申请公开、不予公开（或按设置全部属性）须经审查人审查通过后方可签发',
};

export const needText = (need: JustificationNeed): string => {
  switch (need.kind) {
    case 'less-open':
      return `所选属性“${attribute(need.chosen).label}”比系统建议的“${attribute(need.suggested).label}”更不公开`;
    case 'high-score-dismissed':
      return `排除了 ${need.findingIds.length} 处高分标记`;
    case 'classified':
      return `文件标有密级（${need.level}），而所选属性为“${attribute(need.chosen).label}”`;
    case 'supersedes':
      return `将替代已签发的第 ${need.decisionId} 号认定`;
    case 'note-contradicts':
      return `原文附注“${need.line}”表明${attribute(need.noted).label}，与所选属性“${attribute(need.chosen).label}”矛盾`;
  }
};

export const recordsMessages = {
  dbTooNew: (file: string, found: number, supported: number) =>
    `数据库文件 ${file} 的结构版本为 ${found}，高于本程序支持的版本 ${supported}。请使用更新版本的公开属性审查台打开，不要用旧版本写入。`,
  dbMissing: (file: string) => `找不到数据库文件 ${file}。`,
  dbOpenFailed: (file: string, detail: string) => `无法打开数据库文件 ${file}：${detail}`,
  dbNotRecord: (file: string) => `${file} 不是公开属性审查台的数据库。`,
  dbCorrupt: (file: string, detail: string) =>
    `数据库文件 ${file} 完整性检查未通过（${detail}）。请不要继续使用该文件：在“设置 → 从备份恢复”中选择最近的备份，或在命令行运行 disclosure-desk backup restore 备份文件。原文件会被保留改名，供技术人员检查。`,
  auditCheckFailed: (detail: string) => `审计日志校验未能完成：${detail}。请在“审计日志”页重新校验，或运行 disclosure-desk audit verify。`,
  auditCheckInterrupted: '数据库已被关闭或替换，审计日志校验已中止，请重新校验。',
  auditUnprotected: (file: string) =>
    `数据库文件 ${file} 中审计日志的只追加保护（触发器）缺失或被改动，记录可能已被篡改。请运行 disclosure-desk audit verify 检查，并从备份恢复。`,

  breakMissing: (expected: number, found: number) => `缺少第 ${expected} 条审计记录（下一条为第 ${found} 条）：记录被删除。`,
  breakOrder: (found: number, expected: number) => `审计记录顺序错误：应为第 ${expected} 条，实际为第 ${found} 条。`,
  breakHash: (seq: number) => `第 ${seq} 条审计记录的哈希链断裂：该条或其之前的记录被修改、删除或调换。`,
  breakUnknownKey: (seq: number, user: string) => `第 ${seq} 条审计记录的签名人“${user}”没有登记在审计日志中的公钥。`,
  breakStatement: (seq: number) => `第 ${seq} 条签发记录的签名内容与该条记录不符。`,
  breakSignature: (seq: number, user: string) => `第 ${seq} 条签发记录的签名无法用“${user}”的公钥验证：签名无效。`,
  breakNotSigner: (seq: number, user: string) => `第 ${seq} 条签发记录的签名人“${user}”当时没有审签人角色。`,
  breakNotAdmin: (seq: number, user: string) => `第 ${seq} 条账户变更由“${user}”签名，而其当时不是管理员。`,
  breakRoleNotHeld: (seq: number, detail: string) => `第 ${seq} 条审计记录的操作人与角色（${detail}）不符：该用户当时没有这个角色。`,
  breakUnsignedAccount: (seq: number) => `第 ${seq} 条账户变更没有管理员签名：账户、角色和密钥的每次变更都必须由已受信任的管理员签名。`,
  breakDuplicateUser: (seq: number, user: string) => `第 ${seq} 条审计记录再次添加了已有的用户“${user}”：这是替换其公钥的企图。`,
  breakRoot: (seq: number) => `第 ${seq} 条审计记录自称是本库的根密钥，但根密钥只能由第一个管理员账户建立。`,
  breakUnanchored: (seq: number) =>
    `本记录库由旧版本建立，第 ${seq} 条起的账户与密钥没有管理员签名，尚未经管理员确认。请管理员核对“设置 → 用户与角色”后运行 disclosure-desk audit anchor --as 管理员（或在“设置”中确认账户），此后每次账户变更都将签名。`,
  breakOrphan: (seq: number, action: string) => `第 ${seq} 条审计记录（${action}）指向不存在或状态不符的登记、认定、申请或自查。`,
  breakTableMismatch: (table: string, key: string, column: string, seq: number) =>
    seq > 0
      ? `数据表 ${table} 中键为 ${key} 的记录（${column === '*' ? '整行' : `字段 ${column}`}）与第 ${seq} 条审计记录不一致：记录被改动。`
      : `数据表 ${table} 中键为 ${key} 的记录没有任何审计记录为其作证：记录被插入或改动。`,
  headUnreadable: (file: string) => `已知链头文件 ${file} 无法读取或格式不正确：文件被改动。`,
  headOtherInstallation: (file: string, id: string) => `本机记住的链头（${file}）属于另一个记录库（${id}）：数据库文件被整体替换。`,
  headRootChanged: (known: string, now: string) => `本记录库的根密钥指纹应为 ${known}，现为 ${now}：数据库文件被整体替换或重建。`,
  headOlder: (seq: number, time: string, current: string | number) =>
    `数据库比本机最后一次见到的记录旧或短：已知第 ${seq} 条（${time}），现在只有 ${current} 条。数据库被截断或换成了旧副本。`,
  headReplaced: (seq: number) => `第 ${seq} 条审计记录与本机记住的链头不一致：数据库被改写或替换。`,
  headCheckpoint: (file: string, detail: string) => `已知链头文件 ${file} 中的签名检查点未通过：${detail}`,
  headOk: (seq: number) => `与本机记住的链头一致（第 ${seq} 条）。`,
  checkpointOtherRoot: (root: string) => `检查点记录的根密钥指纹（${root}）与本记录库不同：数据库文件可能被替换。`,
  loginLocked: (minutes: number) => `连续登录失败次数过多，该账户已暂时锁定，请 ${minutes} 分钟后再试，或请管理员协助。`,
  wrongCredentials: '用户名或口令不正确。',
  restoreOtherInstallation: (file: string) => `备份文件 ${file} 属于另一个记录库（安装标识或根密钥不同），不能用来恢复本记录库。`,
  signedTampered: (id: number) => `第 ${id} 号已签发认定与其签名不符（认定、正文或签名人的密钥被改动）。已停止操作；请运行 disclosure-desk audit verify 查明，并从备份恢复。`,
  checkpointUnreadable: '检查点文件无法读取或格式不正确。',
  checkpointBadSignature: '检查点文件的签名无效：文件被改动或伪造。',
  checkpointOtherInstallation: (id: string) => `检查点属于另一个记录库（${id}）：数据库文件可能被替换。`,
  checkpointUnknownKey: (signer: string) => `检查点签名人“${signer}”的公钥不在本记录库的审计日志中：数据库文件可能被替换。`,
  checkpointTruncated: (seq: number, head: number) => `检查点记录了第 ${seq} 条审计记录，而数据库现在只有 ${head} 条：审计日志被截断。`,
  checkpointReplaced: (seq: number) => `第 ${seq} 条审计记录的哈希与检查点不一致：数据库文件被替换或改写。`,
  checkpointOk: (seq: number) => `与检查点一致（第 ${seq} 条）。`,

  needsRole: (name: string, roles: readonly Role[]) => `用户“${name}”没有“${roles.map((r) => roleLabels[r]).join('或')}”角色，不能执行此操作。`,
  firstUserMustBeAdmin: '首个账户必须是管理员。',
  noRoles: (name: string) => `用户“${name}”至少需要一个角色。`,
  alreadySetUp: '系统已有账户，不能重复进行首次设置。',
  userExists: (name: string) => `用户名“${name}”已存在。`,
  noUser: (name: string) => `没有名为“${name}”的用户。`,
  lastAdmin: (name: string) => `“${name}”是唯一的管理员，不能取消其管理员角色。`,
  wrongPassword: (name: string) => `用户“${name}”的口令不正确。`,
  notSignedIn: '请先登录。',

  refused: (refusal: TransitionRefusal, action: WorkflowAction, state: DecisionState | null) =>
    `不能${workflowActionLabels[action]}：${refusalText[refusal]}${state ? `（当前状态：${stateLabels[state]}）` : ''}。`,
  unknownFinding: (id: string) => `文件中没有编号为“${id}”的标记。`,
  duplicateDisposition: (term: string) => `标记“${term}”被处理了两次。`,
  dismissNeedsReason: (term: string) => `排除标记“${term}”须填写简要理由。`,
  redactNeedsPartial: '只有“部分公开”才能标记删除段落。',
  redactNeedsText: (file: string) => `${file} 的正文未在本机保存（涉密文件），不能标记删除段落。`,
  redactionOutOfRange: (start: number, end: number) => `删除段落 ${start}–${end} 超出了正文范围。`,
  reasonRequired: (label: string) => `“${label}”须填写理由`,
  basisRequired: (label: string) => `“${label}”须选择或填写依据`,
  partialNeedsRedaction: '“部分公开”须至少标记一处不予公开的段落',
  requestBasis: (cited: string[]) =>
    `依据“${cited.join('、')}”是答复政府信息公开申请时的处理规定（条例第三十八条不需另行制作、第三十九条信访举报另按相应渠道办理），不是公文公开属性的依据：涉及信访、举报的，请按条例第十五条（保护个人隐私等第三方权益）或第十六条说明理由`,
  redactNeedsKeptText: '正文未在本机保存（涉密文件），不能标记删除段落',
  undisposed: (count: number, terms: string[]) => `尚有 ${count} 处标记未处理（如：${terms.join('、')}）`,
  justificationRequired: (needs: JustificationNeed[]) => `须填写说明：${needs.map(needText).join('；')}`,
  /** One line per problem; `term` names a finding by its id. */
  problem: (p: DecisionProblem, term: (findingId: string) => string): string => {
    switch (p.kind) {
      case 'reason':
        return recordsMessages.reasonRequired(attribute(p.attribute).label);
      case 'basis':
        return recordsMessages.basisRequired(attribute(p.attribute).label);
      case 'request-basis':
        return recordsMessages.requestBasis(p.cited);
      case 'redactions':
        return recordsMessages.partialNeedsRedaction;
      case 'no-text':
        return recordsMessages.redactNeedsKeptText;
      case 'dismiss-reason':
        return recordsMessages.dismissNeedsReason(p.findingIds.map(term).join('、'));
      case 'undisposed':
        return recordsMessages.undisposed(p.findingIds.length, p.findingIds.slice(0, 3).map(term));
      case 'justification':
        return recordsMessages.justificationRequired(p.needs);
      case 'channels':
        return channelMessages.missingChannels(attribute(p.attribute).label);
      case 'channel-text':
        return channelMessages.missingChannelText;
    }
  },
  incomplete: (problems: string[]) => `认定尚不完整，不能提交：${problems.join('；')}。`,
  cannotSign: (problems: string[]) => `认定尚不完整，不能签发：${problems.join('；')}。请退回拟稿人补充说明理由。`,
  noDocument: (id: number) => `登记簿中没有第 ${id} 号文件。`,
  noDecision: (id: number) => `没有第 ${id} 号认定。`,

  copyBroken: (file: string, detail: string) => `备份文件 ${file} 未通过校验：${detail}`,
  backupOntoItself: '备份文件不能与正在使用的数据库文件相同。',
  backupFailed: (file: string, detail: string) => `备份到 ${file} 失败：${detail}`,

  marksMissing: (expected: number, found: number) => `应有 ${expected} 处删除标注，读回的文件中只有 ${found} 处`,
  publicCopyDescription: '公开版本（部分公开）：不予公开的内容已删除，并在删除处注明理由。',
  publicCopyCreator: '公开属性审查台',
  withheldSurvives: (part: string, value: string) => (part ? `文件的 ${part} 部分仍含不予公开的内容“${value}”` : `读回的正文仍含不予公开的内容“${value}”`),
  withheldInFileName: (value: string) => `公开版本的文件名含有不予公开的内容“${value}”，文件未写出，请另取文件名。`,
  exportNeedsPartial: '只有“部分公开”的认定才需要导出删除后的公开版本。',
  exportNeedsSigned: (id: number) => `第 ${id} 号认定尚未签发：先审查、后公开，签发后才能导出公开版本。`,
  redactionUnproven: (file: string, problems: string[]) => `公开版本 ${file} 读回校验未通过，文件已删除：${problems.join('；')}。`,

  importFailed: (file: string, detail: string) => `${file} 未能登记：${detail}`,
  noImportJob: (id: string) => `没有编号为 ${id} 的导入任务。`,

  emptyLog: '审计日志为空，无法导出检查点。',

  invalidArguments: (channel: string, detail: string) => `调用 ${channel} 的参数不合法：${detail}`,

  classifiedWarning: (marking: string, textStored: boolean) =>
    `本文件标有密级“${marking}”。涉密信息只能在经批准的涉密计算机上处理。` +
    (textStored ? '本机已由管理员声明为涉密计算机，正文已保存。' : '本机未被声明为涉密计算机，因此只保存了文件的哈希值、元数据和审查结果，未保存正文。'),
};

const common = '  --db 文件        数据库文件（默认为数据目录中的 disclosure-desk.sqlite，或环境变量 DISCLOSURE_DESK_DB）\n  --as 用户名      以该用户身份操作；口令取自环境变量 DISCLOSURE_DESK_PASSWORD，未设置时提示输入';
const docRef = '文件可写登记号、SHA-256（至少前 8 位）或文件路径。';

export const recordsCliMessages = {
  unknownOption: (arg: string) => `未知参数：${arg}`,
  missingValue: (arg: string) => `参数 ${arg} 缺少取值。`,
  missingOption: (arg: string) => `缺少参数 ${arg}。`,
  flagTakesNoValue: (arg: string) => `参数 ${arg} 不带取值。`,
  notANumber: (name: string, value: string) => `${name} 应为正整数，实际为“${value}”。`,
  noPassword: (envVar: string) => `未提供口令：请设置环境变量 ${envVar} 或在终端中输入。`,
  passwordPrompt: (name: string) => `用户“${name}”的口令：`,
  newPasswordPrompt: (name: string) => `为新用户“${name}”设置口令（至少 8 位）：`,
  passwordTooShort: '口令至少 8 位。',
  missingDocument: '请指定文件。',
  unknownDocument: (ref: string) => `登记簿中找不到“${ref}”。`,
  ambiguousDocument: (ref: string) => `“${ref}”对应多个文件，请写出更长的 SHA-256。`,
  noDecisionYet: (id: number) => `第 ${id} 号文件还没有认定，请先运行 decide。`,

  usersSummary: '管理用户与角色（新增、列出、调整角色）',
  usersUsage: `用法：
  disclosure-desk users add 用户名 --roles 角色[,角色…] [--display 显示名] [--as 管理员]
  disclosure-desk users list --as 管理员
  disclosure-desk users roles 用户名 --roles 角色[,角色…] --as 管理员
  disclosure-desk users rekey 用户名 --as 管理员
${common}
角色：drafter（拟稿人）、reviewer（审查人）、signer（审签人）、admin（管理员），可同时具有多个。
尚无任何账户时，不带 --as 即可创建首个管理员，其签名密钥即本记录库的根密钥，指纹会打印出来，请抄录保存。
此后每次新增用户、修改角色、更换密钥都由 --as 管理员的私钥签名记入审计日志（需其口令）。
新用户口令（rekey 时为该用户的新口令）取自环境变量 DISCLOSURE_DESK_NEW_PASSWORD，未设置时提示输入。`,
  usersWhich: '请写明 add、list、roles 或 rekey 及用户名。',
  rootCreated: (fingerprint: string) => `本记录库的根密钥指纹：${fingerprint}
请抄录并与本单位的纸质记录一同保存；之后 audit verify 和“设置”页都会显示它，不一致即说明数据库被替换。`,
  userRekeyed: (name: string, fingerprint: string) => `已为“${name}”更换签名密钥，新公钥指纹 ${fingerprint}；旧密钥此前所作的签名仍然有效。`,
  unknownRole: (role: string) => `未知角色“${role}”。`,
  rolesSet: (name: string, roles: string[]) => `已将“${name}”的角色设为：${roles.join('、')}`,
  userAdded: (name: string, roles: string[], fingerprint: string) => `已新增用户“${name}”（${roles.join('、')}），签名公钥指纹 ${fingerprint}`,

  loadSummary: '载入文件：提取、扫描并登记（同一文件重复载入会找到原登记）',
  loadUsage: `用法：disclosure-desk load 文件或文件夹… --as 拟稿人 [--json] [--lexicon 词库目录]
${common}
每个文件单独处理，某个文件失败不影响其余文件；全部成功时退出码为 0，有失败时为 1。`,
  loadWhich: '请指定要载入的文件或文件夹。',
  loaded: (file: string, id: number, sha: string, existing: boolean, suggestion: string) =>
    `✓ ${file}  登记号 ${id}  SHA-256 ${sha}${existing ? '  （已登记，未重复保存）' : ''}  建议：${suggestion}`,
  loadFailed: (file: string, code: string, message: string) => `✗ ${file}  （${code}）${message}`,

  decideSummary: '拟定或修改公开属性认定（草稿）',
  decideUsage: `用法：disclosure-desk decide 文件 --as 拟稿人 --attribute 属性 [选项]
${docRef}
  --attribute 属性          proactive（主动公开）、partial（部分公开）、on-request（依申请公开）、withheld（不予公开）
  --accept-suggestion       采用扫描建议的属性、理由、依据和删除段落（可再用其他参数覆盖）
  --reason 理由             --basis 依据（可重复，如 条例第十五条）   --basis-text 其他依据
  --justification 说明      属性比建议更不公开、排除高分标记、涉密文件非“不予公开”、原文附注与属性矛盾或替代已签发认定时必填
  --confirm 标记编号        确认标记（可重复）      --redact 标记编号   删除该标记所在文字（部分公开）
  --dismiss 标记编号=理由   排除误报（可重复）      --all confirm|redact|dismiss=理由   处理全部未处理的标记
  --span 起:止[:依据]       手工添加删除段落（字符位置；不写依据时引用所覆盖发现项对应的条款）
  --channel 方式            公开方式（可重复，主动公开、部分公开必填）：website（政府网站）、gazette（政府公报）、new-media（政务新媒体）、board（公开栏）、other（其他）
  --channel-text 说明       选择 other 时写明具体公开方式
${common}`,
  unknownAttribute: (value: string) => `未知属性“${value}”。`,
  badAll: (value: string) => `--all 的取值应为 confirm、redact 或 dismiss=理由，实际为“${value}”。`,
  badSpan: (value: string) => `删除段落“${value}”的格式应为 起:止[:依据]。`,
  decided: (id: number, documentId: number, attribute: string, state: string) => `第 ${id} 号认定（文件 ${documentId}）：${attribute}，状态：${state}`,
  openFinding: (id: string, term: string, score: number) => `  未处理标记 ${id}  “${term}”  分值 ${score}`,
  needsJustification: '  提交前须填写 --justification 说明。',

  submitSummary: '提交认定（送审查或签发）',
  submitUsage: `用法：disclosure-desk submit 文件 --as 拟稿人\n${docRef}\n${common}`,
  moved: (id: number, state: string) => `第 ${id} 号认定现为：${state}`,
  needsReview: '（须经审查人审查）',
  mayGoToSigner: '（可直接送审签人签发）',

  reviewSummary: '审查认定：通过或退文',
  reviewUsage: `用法：disclosure-desk review 文件 --as 审查人 (--approve [--comment 意见] | --return [--ground 退文理由类别]… [--reason 说明])\n${docRef}\n  --ground 类别             可重复：no-attribute-proposal（请示未提出公开属性建议）、reason-or-basis-missing（未说明理由或依据）、basis-does-not-fit（依据与属性不符）、interpretation-missing（解读材料缺失）、note-contradicts（附注与属性不符）、other（其他，须写 --reason）；不写时按 other 记录\n${common}`,
  approveOrReturn: '请在 --approve 与 --return 中选择一个。',

  signSummary: '签发认定（用审签人的私钥签名）',
  signUsage: `用法：disclosure-desk sign 文件 --as 审签人 [--json]\n${docRef}\n${common}`,
  signed: (id: number, sha: string, attribute: string, reason: string, seq: number) =>
    `已签发第 ${id} 号认定：文件 SHA-256 ${sha}，属性：${attribute}${reason ? `，理由：${reason}` : ''}，审计记录第 ${seq} 条`,
  signature: (fingerprint: string, signature: string) => `签名公钥指纹 ${fingerprint}\n签名 ${signature}`,

  auditSummary: '校验审计日志（哈希链与签名），导出检查点',
  auditUsage: `用法：
  disclosure-desk audit verify [--db 文件] [--checkpoint 检查点文件] [--json]
  disclosure-desk audit checkpoint --out 检查点文件 --as 用户
  disclosure-desk audit anchor --as 管理员
verify 完好时退出码为 0，发现问题时为 3，并列出第一条有问题的记录。
检查点由导出人的私钥签名，请保存在数据库以外的地方；之后用 --checkpoint 校验可发现日志被截断或数据库文件被替换。
anchor：旧版本建立的记录库中账户变更没有签名，管理员核对账户后运行一次，以其私钥确认现有账户、密钥与角色。
${common}`,
  auditWhich: '请写明 verify、checkpoint 或 anchor。',
  anchored: (fingerprint: string) => `已由管理员签名确认现有账户、密钥与角色；本记录库的根密钥指纹：${fingerprint}。请抄录保存。`,
  verifyIntact: (entries: number, signatures: number, head: string) => `审计日志完好：共 ${entries} 条记录，${signatures} 个签发签名有效，链头 ${head}`,
  verifyBroken: '审计日志校验未通过。',
  firstBroken: (seq: number, message: string) => `第一条有问题的记录：第 ${seq} 条。${message}`,
  checkpointResult: (message: string) => `检查点：${message}`,
  knownHeadResult: (message: string) => `本机记住的链头：${message}`,
  rootFingerprintLine: (fingerprint: string) => `根密钥指纹：${fingerprint}（请与首次设置时抄录的指纹核对）`,
  triggersMissing: '数据库的保护触发器缺失或被改动：记录可能已被篡改。',
  checkpointWritten: (file: string, seq: number, hash: string) => `已写出检查点 ${file}：第 ${seq} 条，链头 ${hash}`,

  backupSummary: '备份数据库（在线备份并校验），或从备份恢复',
  backupUsage: `用法：
  disclosure-desk backup --out 备份文件 --as 用户
  disclosure-desk backup restore 备份文件 [--as 管理员]
恢复前会校验备份；被替换的数据库文件改名保留，不会删除。数据库仍能打开时，恢复须由管理员进行。
${common}`,
  backupWhich: '备份请用 --out 指定备份文件；恢复请用 backup restore 备份文件。',
  restoreWhich: '请指定要恢复的备份文件。',
  restoreNeedsAdmin: '数据库完好时，须用 --as 指定管理员才能从备份恢复。',
  backedUp: (file: string, bytes: number, entries: number) => `已备份到 ${file}（${bytes} 字节，审计记录 ${entries} 条，已校验）`,
  restored: (file: string, from: string, kept: string | null) => `已从 ${from} 恢复 ${file}${kept ? `；原文件保留为 ${kept}` : ''}`,

  redactSummary: '导出部分公开文件的公开版本（.docx 或 .txt）',
  redactUsage: `用法：disclosure-desk redact 文件 --out 输出文件.docx|.txt --as 用户 [--format docx|txt]
${docRef}
按已签发的“部分公开”认定删除不予公开的内容，并在删除处注明理由；写出后重新读取校验，原文件不作任何改动。
${common}`,
  badFormat: (format: string) => `不支持的导出格式“${format}”，请用 .docx 或 .txt。`,
  nothingSigned: (id: number) => `第 ${id} 号文件还没有已签发的认定。`,
  redacted: (file: string, marks: number) => `已导出公开版本 ${file}（删除 ${marks} 处，已读回校验，无不予公开内容残留）`,
};
