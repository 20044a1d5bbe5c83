// Dense, real-shaped documents for the benchmarks, with fresh random data each run: a 12345-hotline compilation,
// a 信访 register and a 低保/救助 benefits table, each 200k–500k characters, every paragraph and row distinct so
// nothing is served from the scanner's per-scan cut cache. Standalone: node bench/dense-docs.ts OUT_DIR [SEED]
import fs from 'node:fs';
import path from 'node:path';
import { makeDocx, type DocxBlock } from '../tests/helpers/fixtures.ts';
import { seededRandom } from '../tests/helpers/random.ts';
import { idCheckCharacter, luhnCheckDigit } from '../shared/validators.ts';

export interface DenseDocument {
  name: string;
  label: string;
  blocks: DocxBlock[];
  /** Characters of text written (cells and paragraphs), before extraction adds separators. */
  chars: number;
}

type Random = () => number;

const surnames = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常'];
const compoundSurnames = ['欧阳', '司马', '上官', '诸葛', '皇甫', '慕容', '公孙', '司徒'];
const givenChars = [...'伟强军杰斌磊涛明勇超刚平辉建国华新林峰波鹏飞俊志文海东亮龙健晨宇浩凯阳德福生荣根发春金宝忠成兵仁义锋昌兴永旭立鑫博芳娜敏静丽艳秀英霞燕玲红梅兰琴娟萍雪婷慧佳莉洁颖倩芬珍凤云月桂翠美玉彩琳悦欣怡萱涵雨晓思嘉瑞泽轩睿诚安宁秋菊桃'];
const areaCodes = ['330102', '330106', '330108', '330203', '330302', '330402', '330521', '330602', '330702', '331002', '340121', '410523', '512501', '360124', '522401', '431122', '452123', '532128', '420106', '370102'];
const mobilePrefixes = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159', '166', '173', '176', '177', '178', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '198', '199'];
const city = '江川市';
const districts = ['临江区', '白沙区', '青山区', '滨海新区', '云溪县', '石门县'];
const streets = ['东城街道', '西湖街道', '北山街道', '南岸街道', '高桥街道', '江滨街道', '新港街道', '城西街道', '凤凰街道'];
const towns = ['新桥镇', '黄田镇', '杨柳乡', '金山镇', '白马乡', '长乐镇', '三溪镇', '双港镇', '溪口镇'];
const villageHeads = [...'前后上下东西南北大小新老'];
const villageTails = ['王村', '周村', '陈家村', '林村', '坑村', '洋村', '桥村', '岭村', '塘村', '湾村', '山村', '庄村'];
const roads = ['人民路', '解放路', '中山路', '新华路', '江滨路', '府前街', '文化路', '建设路', '青年路', '学院路', '望江路', '东海大道', '云溪大道', '环城北路', '体育场路', '凤起路', '延安路', '庆春路'];
const estateHeads = ['金桂', '阳光', '江景', '锦江', '翠竹', '幸福', '东湖', '丽阳', '滨江', '书香', '和美', '青山', '紫金', '碧水', '绿城', '天元', '华府', '明珠'];
const estateTails = ['苑', '花园', '华府', '名都', '小区', '家园', '新村', '公寓', '雅居', '府'];
const communities = ['东湖社区', '锦绣社区', '翠苑社区', '丽阳社区', '望江社区', '文化社区', '新华社区', '湖滨社区', '长庆社区', '半山社区'];
const shops = ['餐饮店', '烧烤店', '超市', '棋牌室', 'KTV', '汽修店', '洗车店', '美容店', '培训机构', '健身房', '药店', '快递驿站', '农贸市场', '废品收购站'];
const companies = ['恒达建筑工程有限公司', '鑫源物业服务有限公司', '宏发食品厂', '美好家政服务部', '顺通客运有限公司', '华宇房地产开发有限公司', '兴旺石材加工厂', '星光教育培训学校', '好邻居超市', '瑞丰装饰工程有限公司', '安居物业管理有限公司', '东方电子科技有限公司'];
const departments = ['市住建局', '市市场监管局', '市生态环境局', '市城管局', '市人社局', '市交通运输局', '市教育局', '市卫健委', '市民政局', '市公安局', '市自然资源和规划局', '区政府', '县政府', '街道办事处', '市水务集团', '市供电公司'];

class Writer {
  private readonly random: Random;
  constructor(random: Random) {
    this.random = random;
  }
  int = (lo: number, hi: number): number => lo + Math.floor(this.random() * (hi - lo + 1));
  pick = <T>(items: readonly T[]): T => items[Math.floor(this.random() * items.length)]!;
  chance = (p: number): boolean => this.random() < p;
  digits = (n: number): string => Array.from({ length: n }, () => this.int(0, 9)).join('');
  pad = (n: number, width = 2): string => String(n).padStart(width, '0');

  name(): string {
    const surname = this.chance(0.02) ? this.pick(compoundSurnames) : this.pick(surnames);
    return surname + this.pick(givenChars) + (this.chance(0.7) ? this.pick(givenChars) : '');
  }

  /** A valid resident ID number: area, birth date, sequence (odd for men), ISO 7064 MOD 11-2 check character. */
  idNumber(female = this.chance(0.5)): string {
    const year = this.int(1938, 2006);
    const month = this.int(1, 12);
    const day = this.int(1, new Date(year, month, 0).getDate());
    const sequence = this.int(0, 49) * 20 + this.int(0, 9) * 2 + (female ? 0 : 1);
    const body = `${this.pick(areaCodes)}${year}${this.pad(month)}${this.pad(day)}${this.pad(sequence, 3)}`;
    return body + idCheckCharacter(body);
  }

  mobile = (): string => this.pick(mobilePrefixes) + this.digits(8);
  landline = (): string => `0571-8${this.digits(7)}`;

  /** A bank card number with a Luhn check digit. */
  bankCard(): string {
    const body = this.pick(['622848', '621700', '622202', '621226', '623058', '622908']) + this.digits(12);
    return body + luhnCheckDigit(body);
  }

  estate = (): string => this.pick(estateHeads) + this.pick(estateTails);
  village = (): string => this.pick(villageHeads) + this.pick(villageTails);

  address(): string {
    const district = this.pick(districts);
    if (district.endsWith('县') || this.chance(0.2)) return `${city}${district}${this.pick(towns)}${this.village()}${this.int(1, 12)}组${this.int(1, 188)}号`;
    if (this.chance(0.3)) return `${city}${district}${this.pick(roads)}${this.int(1, 999)}号${this.int(1, 6)}幢${this.int(101, 1802)}室`;
    return `${city}${district}${this.pick(streets)}${this.estate()}${this.int(1, 36)}栋${this.int(1, 4)}单元${this.int(1, 32)}${this.pad(this.int(1, 4))}室`;
  }

  money = (lo: number, hi: number): string => `${this.int(lo, hi)}${this.chance(0.3) ? `.${this.int(1, 9)}0` : ''}`;
  date = (year: number): string => `${year}年${this.int(1, 12)}月${this.int(1, 28)}日`;
  time = (): string => `${this.int(7, 22)}时${this.pad(this.int(0, 59))}分`;
}

type Fill = (w: Writer) => string;

// Each complaint is a few clauses drawn from its topic, every one with random places, times, sums and people.
const topics: { kind: string; clauses: Fill[] }[] = [
  {
    kind: '举报',
    clauses: [
      (w) => `${w.estate()}小区${w.int(1, 30)}栋楼下${w.pick(shops)}每天${w.int(18, 23)}点后噪音扰民，持续至凌晨${w.int(1, 3)}点`,
      (w) => `${w.pick(roads)}${w.int(1, 600)}号附近有人占道经营，${w.pick(['油烟直排', '污水倒入雨水井', '堆放杂物堵塞消防通道', '违规搭建雨棚'])}`,
      (w) => `${w.pick(companies)}在${w.pick(towns)}${w.village()}附近${w.pick(['夜间偷排废水', '露天焚烧垃圾', '无证开采砂石', '违规倾倒建筑垃圾'])}，已持续约${w.int(2, 40)}天`,
      (w) => `${w.pick(shops)}经营者${w.name()}涉嫌${w.pick(['销售过期食品', '无照经营', '价格欺诈', '虚假宣传', '缺斤短两'])}，涉及金额约${w.money(50, 9000)}元`,
      (w) => `反映${w.pick(communities)}有住户${w.pick(['违规饲养烈性犬', '私拉电线给电动车充电', '在楼道堆放易燃物', '擅自拆改承重墙'])}，多次劝阻无效`,
    ],
  },
  {
    kind: '咨询',
    clauses: [
      (w) => `咨询${w.pick(['灵活就业人员社保缴费基数', '新生儿医保参保办理', '公积金提取条件', '居住证办理材料', '老年人优待证申领', '残疾人两项补贴标准'])}，其${w.pick(['本人', '母亲', '父亲', '配偶', '子女'])}${w.int(1938, 2006)}年出生`,
      (w) => `询问${w.pick(districts)}${w.pick(['义务教育入学积分', '公租房申请', '人才购房补贴', '创业担保贷款', '失业保险金申领'])}政策，称已于${w.int(1, 12)}月${w.int(1, 28)}日递交材料`,
      (w) => `了解${w.pick(roads)}${w.pick(['道路改造工程', '地铁施工围挡', '雨污分流工程', '老旧小区改造'])}的完工时间，称施工已影响出行约${w.int(1, 11)}个月`,
      (w) => `咨询退休后${w.pick(['养老金重新核定', '丧葬费领取', '异地就医备案', '高龄津贴发放'])}事宜，原单位为${w.pick(companies)}`,
    ],
  },
  {
    kind: '求助',
    clauses: [
      (w) => `称被${w.pick(companies)}拖欠工资${w.money(2000, 86000)}元，共涉及工友${w.int(2, 46)}人，项目位于${w.pick(districts)}${w.pick(roads)}`,
      (w) => `家中${w.pick(['自来水停水', '燃气无法点火', '电梯故障困人', '屋顶渗漏', '下水道堵塞返水'])}已${w.int(1, 9)}天，联系${w.pick(['物业', '供水公司', '燃气公司', '开发商'])}未果`,
      (w) => `其${w.pick(['父亲', '母亲', '丈夫', '妻子', '儿子', '女儿'])}${w.name()}患${w.pick(['尿毒症', '白血病', '脑梗', '恶性肿瘤', '精神疾病'])}，家庭困难，希望申请救助`,
      (w) => `房东${w.name()}拒不退还押金${w.money(800, 6000)}元，租房合同于${w.int(2019, 2025)}年${w.int(1, 12)}月签订`,
      (w) => `${w.int(1, 12)}月${w.int(1, 28)}日在${w.pick(shops)}购买的商品出现质量问题，商家拒绝退换，金额${w.money(30, 12000)}元`,
    ],
  },
];

const results: Fill[] = [
  (w) => `已转${w.pick(departments)}办理，${w.pick(['承办单位已电话回复', '已现场核查并责令整改', '已约谈相关负责人', '已立案调查', '已按政策解答'])}，诉求人${w.pick(['表示满意', '表示基本满意', '表示不满意', '未接听回访电话'])}。`,
  (w) => `${w.pick(departments)}于${w.int(1, 12)}月${w.int(1, 28)}日答复：${w.pick(['经核实情况属实，已督促整改到位', '经核实情况不属实', '该事项不属于本部门职责，已转有关单位', '已纳入下一年度计划'])}。`,
];

function hotline(w: Writer): DenseDocument {
  const year = w.int(2022, 2025);
  const quarter = w.int(1, 4);
  const title = `${city}12345政务服务便民热线${year}年第${quarter}季度工单汇编`;
  const blocks: DocxBlock[] = [{ title }, `本汇编收录${year}年第${quarter}季度热线受理的来电工单，供承办单位分析研判，注意保管，不得外传。`];
  let chars = title.length + (blocks[1] as string).length;
  const goal = w.int(280_000, 340_000);
  for (let n = 1, month = 0; chars < goal; n++) {
    const ticketMonth = (quarter - 1) * 3 + 1 + Math.min(2, Math.floor((n - 1) / 600));
    if (ticketMonth !== month) {
      month = ticketMonth;
      const heading = `${month}月工单`;
      blocks.push({ heading: 2, text: heading });
      chars += heading.length;
    }
    const topic = w.pick(topics);
    const clauses = Array.from({ length: w.int(2, 4) }, () => w.pick(topic.clauses)(w));
    const caller = w.name();
    const contact = w.chance(0.85) ? w.mobile() : w.landline();
    const id = w.chance(0.3) ? `，身份证号${w.idNumber()}` : '';
    const ticket =
      `${n}. 工单号${year}${w.pad(month)}${w.digits(6)}：${month}月${w.int(1, 28)}日${w.time()}，市民${caller}（联系电话${contact}${id}）来电${topic.kind}：${clauses.join('；')}。` +
      `诉求人住址为${w.address()}。${w.pick(results)(w)}`;
    blocks.push(ticket);
    chars += ticket.length;
  }
  return { name: 'hotline-12345', label: '12345热线工单汇编', blocks, chars };
}

const petitionMatters: Fill[] = [
  (w) => `反映${w.pick(towns)}${w.village()}土地征收补偿款${w.money(10_000, 380_000)}元未足额发放`,
  (w) => `反映${w.estate()}项目逾期交房${w.int(3, 40)}个月，开发商${w.pick(companies)}拒不承担违约责任`,
  (w) => `要求解决${w.int(1990, 2015)}年在${w.pick(companies)}工作期间的工龄认定及养老保险补缴问题`,
  (w) => `对${w.pick(departments)}作出的${w.pick(['行政处罚决定', '工伤认定结论', '低保停发决定', '拆迁安置方案', '信息公开答复'])}不服，要求复查`,
  (w) => `反映邻居${w.name()}违章建房${w.int(20, 300)}平方米，影响其采光通行`,
  (w) => `反映其${w.pick(['儿子', '女儿', '丈夫', '父亲'])}${w.name()}在${w.pick(['看守所', '医院', '学校', '工地'])}期间${w.pick(['受伤', '死亡', '被打', '失联'])}，要求查明真相`,
  (w) => `反映${w.pick(communities)}物业${w.pick(['乱收费', '挪用维修基金', '停水停电', '强行收取停车费'])}，涉及业主${w.int(20, 900)}户`,
];
const petitionForms = ['来信', '来访', '网上信访', '电话', '集体访'];
const petitionStates = ['已受理', '已办结', '办理中', '不予受理', '已转送', '复查中', '已答复'];

// Eight columns with long matter cells, as registers are kept: mammoth's cost grows with cells, not characters.
function petitionRegister(w: Writer): DenseDocument {
  const year = w.int(2022, 2025);
  const title = `${city}信访局${year}年信访事项登记表`;
  const header = ['编号', '登记日期', '信访人', '身份证号', '联系电话', '住址', '信访事项', '办理情况'];
  const rows = [header];
  let chars = title.length + header.join('').length;
  const goal = w.int(210_000, 260_000);
  for (let n = 1; chars < goal; n++) {
    const female = w.chance(0.45);
    const persons = w.chance(0.1) ? `${w.name()}等${w.int(3, 40)}人` : `${w.name()}（${female ? '女' : '男'}）`;
    const matters = Array.from({ length: w.int(1, 3) }, () => w.pick(petitionMatters)(w)).join('；');
    const row = [
      `XF${year}-${w.pad(n, 5)}`, w.date(year), persons, w.idNumber(female), w.mobile(), w.address(),
      `${w.pick(petitionForms)}：${matters}${w.chance(0.5) ? `，此前已于${w.date(year - 1)}反映过` : ''}。`,
      `${w.pick(departments)}，${w.pick(petitionStates)}（${w.date(year)}）`,
    ];
    rows.push(row);
    chars += row.join('').length;
  }
  return { name: 'petition-register', label: '信访事项登记表', blocks: [{ title }, { table: rows }], chars };
}

const benefitKinds = ['城市低保', '农村低保', '特困供养', '临时救助', '低保边缘', '医疗救助'];
const hardships: Fill[] = [
  (w) => `户主患${w.pick(['尿毒症', '肝癌', '脑瘫', '严重精神障碍', '糖尿病并发症', '肺癌'])}，年医疗支出约${w.money(8000, 160_000)}元`,
  (w) => `${w.pick(['一级', '二级', '三级', '四级'])}${w.pick(['肢体', '视力', '智力', '精神', '听力'])}残疾，无劳动能力`,
  (w) => `子女${w.int(1, 4)}人在读，配偶${w.pick(['下落不明', '病故', '离异', '服刑'])}`,
  (w) => `${w.int(2019, 2025)}年因${w.pick(['火灾', '车祸', '洪涝', '失业', '经营失败'])}致贫，家庭月人均收入${w.int(0, 900)}元`,
  (w) => `独居老人，年满${w.int(60, 98)}周岁，无赡养人`,
];

function benefitsTable(w: Writer): DenseDocument {
  const year = w.int(2022, 2025);
  const title = `${city}${w.pick(districts)}${year}年${w.int(1, 12)}月最低生活保障及救助对象花名册`;
  const header = ['序号', '户主姓名', '身份证号', '联系电话', '家庭住址', '保障情况', '致困原因', '收款账户'];
  const rows = [header];
  let chars = title.length + header.join('').length;
  const goal = w.int(210_000, 260_000);
  for (let n = 1; chars < goal; n++) {
    const members = w.int(1, 6);
    const row = [
      String(n), w.name(), w.idNumber(), w.chance(0.8) ? w.mobile() : w.landline(),
      w.address(),
      `${w.pick(benefitKinds)}，保障人口${members}人，月保障金${members * w.int(420, 1100)}元，${w.date(year - w.int(0, 6))}起享受`,
      Array.from({ length: w.int(1, 2) }, () => w.pick(hardships)(w)).join('；'),
      `${w.pick(['农业银行', '农商银行', '建设银行', '工商银行', '邮储银行'])} ${w.bankCard()}`,
    ];
    rows.push(row);
    chars += row.join('').length;
  }
  return { name: 'benefits-table', label: '低保救助花名册', blocks: [{ title }, { table: rows }], chars };
}

export function denseDocuments(seed: number): DenseDocument[] {
  const w = new Writer(seededRandom(seed));
  return [hotline(w), petitionRegister(w), benefitsTable(w)];
}

/** Writes each document as `<name>.docx` into dir and returns the paths beside the documents. */
export async function writeDenseDocuments(dir: string, seed: number): Promise<{ doc: DenseDocument; file: string }[]> {
  fs.mkdirSync(dir, { recursive: true });
  const out: { doc: DenseDocument; file: string }[] = [];
  for (const doc of denseDocuments(seed)) {
    const file = path.join(dir, `${doc.name}.docx`);
    fs.writeFileSync(file, await makeDocx(doc.blocks));
    out.push({ doc, file });
  }
  return out;
}

if (import.meta.main) {
  const [dir, seedArg] = process.argv.slice(2);
  if (!dir) throw new Error('usage: node bench/dense-docs.ts OUT_DIR [SEED]');
  const seed = seedArg ? Number(seedArg) : Date.now() >>> 0;
  console.log(`seed ${seed}`);
  for (const { doc, file } of await writeDenseDocuments(dir, seed)) console.log(`${file}: ${doc.label}, ${doc.chars} characters`);
}
