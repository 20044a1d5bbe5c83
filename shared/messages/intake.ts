const megabytes = (bytes: number) => `${Math.round((bytes / 1048576) * 10) / 10} MB`;

/** Names of file types, as a reader would call them. */
const fileTypeLabels = {
  docx: 'Word 文档（.docx）',
  pdf: 'PDF 文档（.pdf）',
  ofd: 'OFD 版式文档（.ofd）',
  txt: '纯文本文件（.txt）',
  doc: 'Word 97-2003 文档（.doc）',
  wps: 'WPS 文字文档（.wps）',
  xls: 'Excel 97-2003 工作簿（.xls）',
  ppt: 'PowerPoint 97-2003 演示文稿（.ppt）',
  ole: 'Office 97-2003 复合文档（如 .doc、.wps、.xls）',
  xlsx: 'Excel 工作簿（.xlsx）',
  pptx: 'PowerPoint 演示文稿（.pptx）',
  odf: 'OpenDocument 文档（.odt 等）',
  epub: 'EPUB 电子书',
  zip: 'ZIP 压缩包',
  rar: 'RAR 压缩包',
  '7z': '7z 压缩包',
  gzip: 'GZIP 压缩文件',
  rtf: 'RTF 富文本文档',
  html: 'HTML 网页',
  mht: 'MHT 单文件网页（常见于另存为网页的 .doc）',
  xml: 'XML 文件',
  png: 'PNG 图片',
  jpeg: 'JPEG 图片',
  gif: 'GIF 图片',
  tiff: 'TIFF 图片',
  bmp: 'BMP 图片',
  exe: '可执行程序',
  binary: '二进制数据（不是文本）',
} as const;

export type FileTypeKey = keyof typeof fileTypeLabels;

export const intakeMessages = {
  empty: (file: string) => `“${file}”是空文件，没有可读取的内容。`,
  notFound: (file: string) => `找不到文件“${file}”：文件不存在，可能已被移动、改名或删除。`,
  unreadable: (file: string) => `无法打开“${file}”：没有读取权限，或不是普通文件。`,
  corrupt: (file: string) => `无法读取“${file}”：文件已损坏或结构不完整。`,
  undecodableText: (file: string) => `无法读取“${file}”：文本编码无法识别（支持 UTF-8、UTF-16 和 GB18030/GBK）。`,
  encrypted: (file: string) => `“${file}”设有打开密码或已加密，无法读取。请解除密码后重新导入。`,
  noTextLayer: (file: string) =>
    `“${file}”没有文字层（可能是扫描件或图片）。本程序不提供文字识别（OCR），请提供带文字层的 PDF 或原始 Word 文档。`,
  wrongType: (file: string, actual: FileTypeKey) =>
    `“${file}”的内容实际是${fileTypeLabels[actual]}，与扩展名不符或不受支持。请另存为 .docx、.xlsx、.pdf、.ofd 或 .txt 后重新导入。`,
  legacyFormat: (file: string, type: FileTypeKey) =>
    `“${file}”是${fileTypeLabels[type]}，属旧版二进制格式，本程序无法读取。请用 WPS 或 Office 打开后另存为${type === 'xls' ? ' .xlsx' : type === 'ppt' ? ' .pdf' : type === 'ole' ? ' .docx、.xlsx 或 .pdf' : ' .docx'}，再重新导入。`,
  tooLarge: (file: string, bytes: number, limit: number) =>
    `“${file}”大小为 ${megabytes(bytes)}，超过 ${megabytes(limit)} 的上限。`,
  plainTextTooLarge: (file: string, bytes: number, limit: number) =>
    `“${file}”是纯文本文件，大小为 ${megabytes(bytes)}，超过纯文本扫描 ${megabytes(limit)} 的上限，未予扫描和登记。请按年度或章节拆分为多个不超过 ${megabytes(limit)} 的文件后再导入。`,
  expandedTooLarge: (file: string, limit: number) =>
    `“${file}”解压后的内容超过 ${megabytes(limit)} 的上限（可能是压缩炸弹），已拒绝读取。`,
  pageTooDense: (file: string) => `“${file}”有一页的文字超过 20 万字，远超正常页面（文件可能已损坏或经过恶意构造），已拒绝读取。`,
  outOfMemory: (file: string) => `读取“${file}”时内存占用超过上限，已停止解析。`,
  crashed: (file: string) => `读取“${file}”时解析进程意外退出，文件可能已损坏。`,
  unsupportedType: (file: string, type: FileTypeKey) => `“${file}”是${fileTypeLabels[type]}，本程序不读取这种格式。可读取的格式：.docx、.xlsx、.pdf、.ofd、.txt。`,
  unsupported: (file: string) => `不支持“${file}”的文件格式。可读取的格式：.docx、.xlsx、.pdf、.ofd、.txt。`,
  timeout: (file: string, ms: number) => `读取“${file}”超过 ${Math.round(ms / 100) / 10} 秒仍未完成，已停止解析。`,
  scanTimeout: (file: string, ms: number) =>
    `扫描“${file}”超过 ${Math.round(ms / 100) / 10} 秒仍未完成（内容可能异常或经过恶意构造），已停止扫描。`,
  scanOutOfMemory: (file: string) => `扫描“${file}”时内存占用超过上限，已停止扫描。`,
  ofdSigned: 'OFD 文件带有电子签章：对其删改或遮盖后签章将失效，发布时请使用重新签章的版本。',
  ofdUnreadablePages: (count: number) => `OFD 文件有 ${count} 页无法读取，已跳过。`,
  docxTrackedChanges: (insertions: number, deletions: number, deletedChars: number) =>
    `文档带有未处理的修订痕迹（${[insertions > 0 ? `${insertions} 处插入，已计入正文` : '', deletions > 0 ? `${deletions} 处删除，共 ${deletedChars} 字，未计入审查文本但仍保存在文件中` : ''].filter(Boolean).join('；')}），不是定稿。删除的文字可能含有不宜公开的内容，公开前请接受或拒绝全部修订。`,
  docxComments: (count: number) =>
    `文档带有 ${count} 条批注。批注未计入审查文本，但仍保存在文件中，可能含有不宜公开的意见，公开前请删除全部批注。`,
  docxPageFurniture: (texts: string[]) =>
    `页眉/页脚中有文字，已一并审查：${texts.slice(0, 6).map((t) => `“${t.length > 40 ? `${t.slice(0, 40)}…` : t}”`).join('、')}${texts.length > 6 ? ` 等 ${texts.length} 处` : ''}。`,
  txtReplacedBytes: (count: number, encoding: string) =>
    `文本中有 ${count} 处字节不符合 ${encoding.toUpperCase()} 编码（文件可能混用了编码或已损坏），已显示为“\uFFFD”，请核对原文。`,
  xlsxHidden: (sheets: string[], rows: number) =>
    `工作簿中有${[sheets.length > 0 ? `隐藏的工作表（${sheets.map((s) => `“${s}”`).join('、')}）` : '', rows > 0 ? `${rows} 个隐藏行` : ''].filter(Boolean).join('和')}，其内容已一并审查。隐藏内容随文件一起公开，公开前请确认可以公开，或将其删除。`,
  mojibakeRepaired: (pages: number) => `PDF 中 ${pages} 页的文字按 GBK 编码重新解读（原字体声明的编码有误）。`,
};
