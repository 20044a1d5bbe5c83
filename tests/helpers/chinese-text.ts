// An ordinary Chinese plain-text file of any size: sentences assembled at random from parts of 公文 prose,
// with the odd name and number, so neither jieba's cache nor the compressor sees one line repeated.
const subjects = ['市政府办公室', '各区县人民政府', '市场监管局', '住房和城乡建设局', '本机关', '街道办事处', '区信访局', '政务公开工作机构', '有关部门', '各乡镇'];
const verbs = ['组织开展', '进一步加强', '认真落实', '统筹推进', '严格规范', '持续深化', '全面梳理', '及时公开', '依法办理', '督促检查'];
const objects = ['政务公开目录编制工作', '行政执法公示制度', '群众来信来访事项', '重大行政决策程序', '政府信息依申请公开', '基层政务公开标准化', '民生资金使用情况', '安全生产专项整治', '营商环境优化措施', '城市更新项目'];
const tails = ['，确保各项任务按期完成。', '，并于每季度末报送进展情况。', '，切实保障人民群众的知情权、参与权和监督权。', '，做到应公开尽公开。', '，对发现的问题限期整改。', '，有关情况另行通知。', '，接受社会监督。', '，形成长效机制。'];
const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const givens = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';

/** A deterministic generator, so two runs of a bench measure the same text. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** About `bytes` bytes of UTF-8 text, one paragraph a line. */
export function hugeChineseText(bytes: number, seed = 16): string {
  const next = random(seed);
  const pick = <T>(list: ArrayLike<T>): T => list[Math.floor(next() * list.length)]!;
  const lines: string[] = [];
  let size = 0;
  let n = 0;
  while (size < bytes) {
    let line = '';
    const sentences = 2 + Math.floor(next() * 5);
    for (let i = 0; i < sentences; i++) {
      line += `${pick(subjects)}${pick(verbs)}${pick(objects)}`;
      if (next() < 0.15) line += `，联系人${pick(surnames)}${pick(givens)}${pick(givens)}，文号第${1 + Math.floor(next() * 9999)}号`;
      if (next() < 0.1) line += `，涉及资金${Math.floor(next() * 100000)}万元`;
      line += pick(tails);
    }
    n++;
    line = `${n}. ${line}\n`;
    lines.push(line);
    size += Buffer.byteLength(line);
  }
  return lines.join('');
}
