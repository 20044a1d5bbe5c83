import type { StampAction } from '../ipc/forms.ts';

const common = '  --db 文件        数据库文件（默认为数据目录中的 disclosure-desk.sqlite，或环境变量 DISCLOSURE_DESK_DB）\n  --as 用户名      以该用户身份操作；口令取自环境变量 DISCLOSURE_DESK_PASSWORD，未设置时提示输入';
const docRef = '文件可写登记号、SHA-256（至少前 8 位）或文件路径。';

/** The 公开属性审查单 and the 附注 stamp: their Chinese, in the app, the exports and the CLI. */
export const formsMessages = {
  // 公开属性审查单
  formTitle: '公开属性审查单',
  formCreator: '公开属性审查台',
  formDescription: '公文公开属性审查单，随发文稿纸报审签',
  fieldTitle: '标题',
  fieldDocNumber: '发文字号',
  fieldAttribute: '公开属性',
  fieldChannels: '公开方式',
  fieldReason: '理由',
  fieldBasis: '依据',
  fieldRedactions: '删除范围',
  fieldDrafter: '拟稿人',
  fieldReviewer: '审查人',
  fieldSigner: '审签人',
  fieldSignature: '签发签名',
  notFilled: '未填',
  noneNeeded: '无',
  notYet: '（尚未）',
  noRedactions: '无删除',
  redactionSummary: (count: number, bases: string[]) => `删除 ${count} 处（依据：${bases.join('、')}）`,
  personOn: (name: string, date: string | null) => (date ? `${name}　${date}` : name),
  signatureLine: (fingerprint: string, seq: number) => `密钥指纹 ${fingerprint}，审计日志第 ${seq} 条`,
  unsigned: '尚未签发，无签名',
  verifyLine: (seq: number | null, sha256: string) =>
    `核验：在本机运行 disclosure-desk audit verify（或在“审计日志”页校验），结果为“审计日志完好”即说明日志未被改动；${seq === null ? '' : `再核对第 ${seq} 条为本文件的签发记录，`}文件 SHA-256 为 ${sha256}。`,
  printedOn: (date: string) => `本审查单由公开属性审查台于 ${date} 生成，生成一事记入审计日志。`,

  // 附注 stamp
  sourceMismatch: (file: string) => `所选原文件 ${file} 与登记的文件内容不一致（SHA-256 不同），不能据此写附注。请选择登记时读入的那个原文件。`,
  sourceMissing: (file: string) => `找不到原文件 ${file}。`,
  stampNeedsDocx: (format: string) => `附注只能写入 .docx 公文，登记的文件为 .${format}。`,
  stampNoBody: '原文件中找不到正文（word/document.xml），不能写附注。',
  stampNoDate: '原文件中找不到成文日期，无法按 GB/T 9704 在成文日期下一行加附注。请在原文件中补上成文日期后重新登记。',
  stampUnproven: (problems: string[]) => `写出的文件未能通过读回核验，已删除：${problems.join('；')}`,
  stampRereadNote: (found: string | null, wanted: string) => `读回的附注为“${found ?? '无'}”，应为“${wanted}”`,
  stampTextChanged: '读回的正文除附注外与原文不同',
  stampPartChanged: (name: string) => `文件部件 ${name} 与原文件不同`,
  stampActions: { kept: '原附注与公开属性一致，未改动', replaced: '已替换与公开属性矛盾的附注', added: '已在成文日期下一行加附注' } satisfies Record<StampAction, string>,

  // CLI
  formSummary: '导出公开属性审查单（.docx，可打印随发文稿纸报审签）',
  formUsage: `用法：disclosure-desk form 文件 --out 审查单.docx --as 用户
${docRef}
取该文件最新的认定（已签发的附签名指纹和审计记录号），生成一页公开属性审查单。
${common}`,
  formWritten: (file: string, decisionId: number) => `已导出第 ${decisionId} 号认定的公开属性审查单 ${file}`,
  stampSummary: '按已签发的公开属性在公文 .docx 中写入附注（另存副本，原文件不改动）',
  stampUsage: `用法：disclosure-desk stamp 文件 --out 公文.docx --as 用户 [--source 原文件.docx]
${docRef}
原文件默认即“文件”本身；以登记号或 SHA-256 指定时，须用 --source 给出登记时读入的原 .docx。
附注与公开属性矛盾的予以替换，缺少的按 GB/T 9704 加在成文日期下一行；其余内容一概不动，写出后重新读入核验。
${common}`,
  stampNeedsSource: '请用 --source 指定登记时读入的原 .docx 文件。',
  stamped: (file: string, action: string, note: string) => `已写出 ${file}：${action}（${note}），已读回核验`,
  nothingSigned: (id: number) => `第 ${id} 号文件还没有已签发的认定。`,
};
