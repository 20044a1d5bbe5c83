import { beforeAll, describe, expect, it } from 'vitest';
import { createScanner, type Scanner } from '../../electron/core/scanner/index.ts';
import type { Finding } from '../../shared/types.ts';

let scanner: Scanner;
beforeAll(() => {
  scanner = createScanner();
});

const pii = (text: string): Finding[] => scanner.scanText(text).findings.filter((f) => f.kind === 'pii' && !f.negated);
const concern = (f: Finding): boolean => f.score >= 0.5;
/** Names a reviewer must act on (score at or above the concern threshold). */
const names = (text: string): string[] => pii(text).filter((f) => f.piiType === 'name' && concern(f)).map((f) => f.term);
/** Every name finding, whatever its score. */
const anyNames = (text: string): string[] => pii(text).filter((f) => f.piiType === 'name').map((f) => f.term);

describe('a name after a word that introduces a member of the public', () => {
  it('finds the name after 市民, 来电人, 诉求人, 反映人, 群众, 村民, 患者 and 学生家长', () => {
    expect(names('7月3日，市民曹珍翠（联系电话15724586936）来电投诉：路灯损坏。')).toEqual(['曹珍翠']);
    expect(names('经与来电人韩俊电话沟通，已答复。')).toEqual(['韩俊']);
    expect(names('诉求人钟志强反映小区漏水。')).toEqual(['钟志强']);
    expect(names('反映人杨丹丹称其被拖欠工资。')).toEqual(['杨丹丹']);
    expect(names('群众董金宝来电称，其家住大坑村。')).toEqual(['董金宝']);
    expect(names('村民于琳艳（身份证号339104199307237982）来电举报。')).toEqual(['于琳艳']);
    expect(names('患者王德胜术后需长期服药。')).toEqual(['王德胜']);
    expect(names('学生家长卢勇来电反映违规补课。')).toEqual(['卢勇']);
  });

  it('finds a relative named after a kin word, a compound surname and a transliterated name', () => {
    expect(names('反映人罗娜称其孙子葛欣怡走失后被送至救助站。')).toEqual(['罗娜', '葛欣怡']);
    expect(names('投诉人：患者蔡浩峰之女向爱华，联系电话17640812345。')).toEqual(['蔡浩峰', '向爱华']);
    expect(names('户主欧阳丽华一家五口，儿子欧阳明在外务工。')).toEqual(['欧阳丽华', '欧阳明']);
    expect(names('反映人买买提·吐尔逊称：其丈夫因工受伤住院。')).toEqual(['买买提·吐尔逊']);
    expect(names('患者姓名为吉克阿依，家住杨柳乡上林村二组2号。')).toEqual(['吉克阿依']);
  });

  it('takes the name only, not the word after it, and each of several listed names', () => {
    expect(names('在上林村，我们走访了低保户王芳家。')).toEqual(['王芳']);
    expect(names('困难学生郭雪的父亲吴福生于去年因车祸去世。')).toEqual(['郭雪', '吴福生']);
    expect(names('我们为低收入农户舒佳怡、蒋建军、文志强等11户落实了帮扶资金。')).toEqual(['舒佳怡', '蒋建军', '文志强']);
    expect(names('举报村委会主任虞德胜优亲厚友、虚报冒领补贴。')).toEqual(['虞德胜']);
  });

  it('reads no name from the ordinary words that follow the same cues', () => {
    expect(anyNames('坚持专门工作与群众路线相结合。')).toEqual([]);
    expect(anyNames('村民委员会组织群众开展志愿服务，群众满意度明显提升。')).toEqual([]);
    expect(anyNames('患者家属来电，对收费有疑问。学生家长会于周五召开。')).toEqual([]);
    expect(anyNames('应当将精神障碍患者在诊断、治疗过程中享有的权利告知患者。')).toEqual([]);
    expect(anyNames('提升群众幸福感获得感，形成融合居民常见病、慢性病管理的服务体系。')).toEqual([]);
    expect(anyNames('同意改造的居民应达到三分之二以上。当事人应自收到本决定书之日起十五日内缴纳。')).toEqual([]);
    expect(anyNames('鼓励投诉人和被投诉人平等协商。应当告知信访人向有权的机关提出。')).toEqual([]);
    expect(anyNames('县级以上人民政府负责妇女儿童工作的机构，向行业主管部门报告。')).toEqual([]);
    expect(anyNames('市民多次来电反映，老人年逾九旬。')).toEqual([]);
  });

  it('reads no name where the caller is named by surname and title only', () => {
    expect(anyNames('7月28日，市民白先生来电投诉：地下车库积水。市民王女士来电咨询社保。')).toEqual([]);
  });

  it('reads a post before a name only when the sentence complains about that person', () => {
    expect(names('举报村委会主任许鹏凯优亲厚友。')).toEqual(['许鹏凯']);
    expect(anyNames('芦岭煤矿党委书记王士永受到撤销党内职务处分。')).toEqual([]);
  });
});

describe('a name before its particulars', () => {
  it('finds a name opening its clause before （联系电话…）, （身份证号…）, （男，…） or a verb of speech', () => {
    expect(names('7月6日13:51，苏文斌（联系电话17676373145）来电举报。')).toEqual(['苏文斌']);
    expect(names('外来务工人员韩俊（15893105300）第三次来电。')).toEqual(['韩俊']);
    expect(names('9月16日20:14，达瓦（联系电话17674871234）来电反映。')).toEqual(['达瓦']);
    expect(names('3月7日，患者黄金宝（男，23岁）来信投诉。')).toEqual(['黄金宝']);
    expect(names('7月3日，舒敏欣通过12345热线咨询：灵活就业参保。')).toEqual(['舒敏欣']);
    expect(names('外卖骑手焦振华反映平台克扣配送费。')).toEqual(['焦振华']);
    expect(names('走访中发现，前王村的马荣春（电话15081282304）家房屋漏雨。')).toEqual(['马荣春']);
  });

  it('reads no name from a body or a phrase before a bracket or a verb of speech', () => {
    expect(anyNames('据群众反映，该路段夜间噪音扰民。')).toEqual([]);
    expect(anyNames('单位和个人可以向档案主管部门投诉。')).toEqual([]);
    expect(anyNames('请与市信访局（联系电话0579-88012345）联系。')).toEqual([]);
  });
});

describe('labelled values: X为VALUE, X是VALUE', () => {
  it('finds the value after 姓名为, 申请人为, 来电人是, and the label word is never a finding', () => {
    const text = '来电人自称是附近居民，姓名为欧阳春燕，联系电话为13812345678。申请人为于洋，身份证号339102198808084021。来电人是郝颖敏。';
    expect(names(text)).toEqual(['欧阳春燕', '于洋', '郝颖敏']);
    expect(pii(text).some((f) => /来电人|姓名|申请人/.test(f.term))).toBe(false);
  });

  it('treats a relative named as 联系人 as a private person, an office contact as public', () => {
    const relative = pii('因其本人听力不好，联系人是上官慧（其儿子），电话13314587467。').find((f) => f.term === '上官慧');
    expect(relative && concern(relative)).toBe(true);
    for (const text of ['联系人：邹思媛，联系电话：0991-2817123。', '市卫生健康委联系人：孙映吟，联系电话：81085234']) {
      const office = pii(text).find((f) => f.piiType === 'name');
      expect(office?.term).toMatch(/^(邹思媛|孙映吟)$/);
      expect(concern(office!)).toBe(false);
    }
  });

  it('reads no name from a description after the label', () => {
    expect(anyNames('联系人为区热线办督办科工作人员。户主为本人的，无需委托。举报人是从事安全生产工作的党政机关工作人员的，不予奖励。')).toEqual([]);
  });
});

describe('the same name again', () => {
  it('finds every later occurrence of a name found once, without a label', () => {
    expect(names('来电人：王萱凤　联系电话：19853993185\n企业承诺于本月底前结清王萱凤的工资。回访时王萱凤表示不满意。')).toEqual(['王萱凤', '王萱凤', '王萱凤']);
  });

  it('does not take a name that is also a word where the word is meant', () => {
    expect(names('市民高峰（联系电话13912345678）来电反映早晚高峰拥堵严重。')).toEqual(['高峰']);
    expect(names('市民杨柳（联系电话13912345678）来电，其家住青山区杨柳乡塘头村。')).toEqual(['杨柳']);
  });
});

describe('table columns of people', () => {
  it('finds every cell under 姓名, 申请人, 户主, 救助对象 and 来访人姓名, however the cell lists people', () => {
    const table = [
      '序号\t户主\t共同生活家庭成员\t救助对象\t来访人姓名',
      '1\t帅建军\t丁晓（母）、李子墨（孙子）\t于琳艳\t高彩霞、钟阿四',
      '2\t热依拉·阿不都\t无\t文静\t董凯等14人',
      '3\t匿名\t\t合计\t',
    ].join('\n');
    expect(names(table)).toEqual(['帅建军', '丁晓', '李子墨', '于琳艳', '高彩霞', '钟阿四', '热依拉·阿不都', '文静', '董凯']);
  });

  it('publishes the listed names of a 公示 but not a guardian beside them, and keeps a receptionist public', () => {
    const publicity = '2023年秋季学期资助学生名单公示\n序号\t学生姓名\t监护人\t监护人联系电话\n1\t陈梓萱\t陈建国\t13912345678';
    const found = pii(publicity).filter((f) => f.piiType === 'name');
    expect(found.map((f) => [f.term, concern(f)])).toEqual([['陈梓萱', false], ['陈建国', true]]);
    const register = '编号\t来访人姓名\t接待人\n1\t刘晓燕\t周建明';
    expect(pii(register).filter((f) => f.piiType === 'name').map((f) => [f.term, concern(f)])).toEqual([['刘晓燕', true], ['周建明', false]]);
  });

  it('reads a 联系人 column of a list of offices as public, and no name from a column of other words', () => {
    const offices = '单位\t职位\t联系人\t电话\n市档案局\t秘书科科员\t邹乐\t3222713';
    expect(pii(offices).filter((f) => f.piiType === 'name' && concern(f))).toEqual([]);
    expect(anyNames('序号\t姓名\t备注\n1\t联系电话\t法学类')).toEqual([]);
  });
});

describe('masked values', () => {
  it('never reports a value already masked as published', () => {
    const text = [
      '7月10日，市民谢*（联系电话157****7629）来电提出建议。',
      '市民赵**（132****0195）来电反映路灯损坏。',
      '患者王*明（身份证号码3391**********1604）投诉病历复印收费过高。',
      '序号\t户主姓名\t身份证号\n1\t欧阳*\t339102********123X',
    ].join('\n');
    expect(pii(text)).toEqual([]);
  });
});

describe('telephones and addresses of the people named', () => {
  it('reports a fixed-line number given right after a member of the public, not an office number', () => {
    const home = pii('业主陈家明，家庭住址：石门县长乐镇下洋村10组65号，固定电话（0579）88843009，来电反映车库积水。');
    expect(home.find((f) => f.piiType === 'phone')?.score).toBeGreaterThanOrEqual(0.5);
    const office = pii('江川市12345政务服务便民热线管理中心 联系电话：0579-88012345');
    expect(office.filter((f) => f.piiType === 'phone' && concern(f))).toEqual([]);
  });

  it('reports the address after 住址为, and no address where a rule speaks of places in general', () => {
    expect(pii('诉求人住址为石门县黄田镇张家桥村3组6号。').find((f) => f.piiType === 'address')?.term).toBe('石门县黄田镇张家桥村3组6号');
    const rules = [
      '申请人应当向户籍所在地的乡镇人民政府、街道办事处提出申请。居住在本市行政区域内的老年人可以申请。',
      '户籍地与居住地属于不同区的，由户籍地负责。居住在农村偏远、专业服务难以覆盖地区的，可以申请补贴。',
      '实现居家社区养老服务的一站式办理。负责住所地址在本行政区内的用人单位引进人才入户的组织实施。',
      '合法稳定住所\t1. 在广州市办理《广东省居住证》',
    ];
    for (const rule of rules) expect(pii(rule).filter((f) => f.piiType === 'address')).toEqual([]);
  });
});

describe('contact details an office publishes', () => {
  it('reads officials named with their posts in a member list as public', () => {
    const found = pii('部际联席会议成员名单\n召 集 人：孙春兰 国务院副总理\n副召集人：陈宝生 教育部部长').filter((f) => f.piiType === 'name');
    expect(found.map((f) => f.term)).toEqual(['孙春兰', '陈宝生']);
    expect(found.some(concern)).toBe(false);
  });

  it('reads a mobile in the 联系电话 column of a list of offices as theirs, and one in a table of people as personal', () => {
    const positions = '序号\t招聘单位\t招聘岗位\t联系电话\n1\t德安县教育体育局\t小学语文教师\t17770210054';
    const mobile = pii(positions).find((f) => f.piiType === 'mobile');
    expect(mobile).toMatchObject({ term: '17770210054' });
    expect(concern(mobile!)).toBe(false);
    const people = '序号\t姓名\t联系电话\n1\t刘晓燕\t17770210054';
    expect(concern(pii(people).find((f) => f.piiType === 'mobile')!)).toBe(true);
  });

  it('reads a mailbox given with an office line as the office’s, and a 索引号 as no identifier', () => {
    const mailbox = pii('（地址：淮安市健康东路3号，联系电话：0517-83605210，电子邮箱：hazwgkc@163.com）').find((f) => f.piiType === 'email');
    expect(concern(mailbox!)).toBe(false);
    expect(concern(pii('举报人王芳，手机13812345678，邮箱：wangfang@163.com').find((f) => f.piiType === 'email')!)).toBe(true);
    expect(pii('索引号：11440100MB2C90856P/2023-00331 分类：通知').filter((f) => f.piiType === 'uscc')).toEqual([]);
  });
});
