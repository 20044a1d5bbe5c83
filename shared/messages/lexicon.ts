export const lexiconMessages = {
  shippedTerm: (pattern: string) => `“${pattern}”是随软件提供的词条，不能在此删除；如属误报，请把包含它的无害词语加入放行词。`,
  noTerm: (pattern: string) => `本机词库中没有词条“${pattern}”。`,
  noAllowWord: (word: string) => `本机放行词中没有“${word}”。`,
  shippedAllow: (word: string) => `“${word}”是随软件提供的放行词，不能在此删除。`,
  duplicateTerm: (pattern: string) => `词条“${pattern}”已在该类别中。`,
  duplicateAllow: (word: string) => `放行词“${word}”已存在。`,
  badTerm: (pattern: string, problem: string) => `词条“${pattern}”不能加入：${problem}`,
  unreadable: (file: string) => `无法读取词库文件“${file}”。`,
  notFound: (file: string) => `找不到词库文件“${file}”：文件不存在，可能已被移动、改名或删除。`,
  unwritable: (file: string) => `无法写入词库文件“${file}”。`,
  userTableHeader: '# 本机自定义词条（由“词库”页面维护）',
  userAllowHeader: '# 本机自定义放行词（由“词库”页面维护）',
};
