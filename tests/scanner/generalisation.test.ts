import { beforeAll, describe, expect, it } from 'vitest';
import { createScanner, type Scanner } from '../../electron/core/scanner/index.ts';
import { concernThreshold } from '../../electron/core/scanner/suggest.ts';
import type { Finding } from '../../shared/types.ts';

let scanner: Scanner;
beforeAll(() => {
  scanner = createScanner();
});

const find = (text: string, term: string): Finding | undefined => scanner.scanText(text).findings.find((f) => f.term.replace(/\s/g, '') === term);
const concerns = (text: string): Finding[] => scanner.scanText(text).findings.filter((f) => !f.negated && f.score >= concernThreshold);

describe('explanations and public answers that name a category', () => {
  it.each([
    ['五、越级上访能解决问题吗？信访人应当逐级走访。', '越级上访', 'mention.question'],
    ['一、什么是国家秘密？', '国家秘密', 'mention.question'],
    ['国家秘密是关系国家安全和利益，依照法定程序确定，在一定时间内只限一定范围的人员知悉的事项。', '国家秘密', 'mention.definition'],
    ['我们可能收集您的住址、婚姻状况、银行卡号、健康状况等信息。', '婚姻状况', 'mention.kinds'],
    ['投标报价超过最高限价的，其投标无效。', '投标报价', 'mention.normative'],
    ['我馆将于2024年10月1日起向社会开放第十六批馆藏档案。', '馆藏档案', 'mention.disclosure-rule'],
    ['经审查，您申请获取的信息涉及第三方商业秘密（个人隐私），第三方不同意。依据《条例》第十五条的规定，本机关决定不予公开。', '商业秘密', 'mention.disclosure-rule'],
  ])('reads “%s” as a mention of “%s” (%s)', (text, term, rule) => {
    expect(find(text, term)).toMatchObject({ negated: true, rule });
  });

  it('keeps a list of one household’s details as a concern', () => {
    expect(find('该户家庭收入、财产状况等信息经核实如下。', '家庭收入')).toMatchObject({ negated: false });
  });

  it('lowers counts of items in an annual report, thousands separators included', () => {
    expect(find('4．无法提供：没有现成信息需要另行制作5件。', '另行制作')).toMatchObject({ rule: 'context.statistics' });
    const count = find('全年共受理群众来信来访1,245件次，同比下降6.3%。', '来信来访');
    expect(count).toMatchObject({ rule: 'context.statistics' });
    expect(count!.score).toBeLessThan(concernThreshold);
  });
});

describe('real concerns written in other words', () => {
  it('flags a 会商纪要 by its title', () => {
    const result = scanner.scanText('关于望江片区房屋征收补偿工作的会商纪要\n\n　　会议对剩余未签约的17户进行了逐户研判。');
    expect(result.findings.find((f) => f.term === '纪要')).toMatchObject({ category: 2, negated: false });
    expect(result.suggestion.attribute).not.toBe('proactive');
  });

  it('flags a juvenile in a case report even when the text uses 责令', () => {
    const text = '经查，该校初二学生张某杰（男，2010年3月出生，14周岁）持刀将同学刺伤。\n张某杰已被依法传唤，鉴于其未满十六周岁，我局已责令其监护人严加管教，并将其送专门学校进行矫治教育。';
    const result = scanner.scanText(text);
    expect(result.findings.filter((f) => f.category === 9 && !f.negated).map((f) => f.term)).toEqual(['张某杰（男，2010年3月出生，14周岁', '其未满十六周岁', '送专门学校']);
    expect(result.suggestion.attribute).toBe('withheld');
  });

  it('finds a person profiled by 户籍 and the address after 现居', () => {
    const found = concerns('3．吴国平（户籍：安徽省阜阳市，现居东湖街道红丰村三组41号）开办的无证塑料制品作坊。');
    expect(found.map((f) => [f.piiType, f.term])).toEqual([
      ['name', '吴国平'],
      ['address', '东湖街道红丰村三组41号'],
    ]);
  });

  it('joins a mobile number wrapped at the end of a PDF line, but not two IDs on consecutive lines', () => {
    const wrapped = concerns('申请人：赵某，联系电\n话：1376\n8123456，特此告知。');
    expect(wrapped.map((f) => [f.piiType, f.term])).toEqual([['mobile', '1376\n8123456']]);
    const table = concerns('身份证号码\n330183195811042526\n330183197909266615\n');
    expect(table.filter((f) => f.piiType === 'id-card').map((f) => f.term)).toEqual(['330183195811042526', '330183197909266615']);
  });
});

describe('what a public document publishes on purpose', () => {
  it('treats an office’s mailing address as public', () => {
    const text = '以真实姓名反映情况的，我们将对反映人身份予以保密。\n通讯地址：金华市双溪西路148号市教育局人事处，邮编321017。';
    expect(concerns(text).filter((f) => f.piiType === 'address')).toEqual([]);
  });

  it('treats the official who explains a policy (解读人) as public', () => {
    expect(concerns('解读机关：台州市住房和城乡建设局\n解读人：王立平　城建处处长')).toEqual([]);
  });

  it('keeps names in a published list public while flagging an unmasked ID beside them', () => {
    const text = '小营街道2024年第二季度新增高龄津贴人员名单公示\n\n序号\t姓名\t身份证号码\t所在社区\n1\t钱秀珍\t3301**********0020\t大学路社区\n2\t沈德明\t330105193509113014\t小营巷社区\n';
    const found = concerns(text);
    expect(found.map((f) => f.piiType)).toEqual(['id-card']);
    expect(scanner.scanText(text).findings.find((f) => f.term === '钱秀珍')).toMatchObject({ piiType: 'name', score: 0.3 });
  });
});

describe('batch 7: what a document says about itself, its headings and its contact lines', () => {
  it('reads a sentence about 以上数据 as the document speaking of itself', () => {
    expect(find('以上数据为初步测算数，尚未经省统计局审定，在正式发布前属于工作秘密，不得对外引用。', '工作秘密')).toMatchObject({ negated: false, rule: 'signal.self-reference' });
  });

  it('flags a publication marked （内部） and an expert review opinion by its title', () => {
    expect(find('统计快报（内部）\n第14期\n上半年全市地区生产总值预计增长3.2%。', '（内部）')).toMatchObject({ category: 7, negated: false, rule: 'signal.marking' });
    const review = scanner.scanText('南通市智慧财政一体化平台建设项目专家评审意见\n\n　　专家组对3家投标单位提交的投标文件进行了评审。');
    expect(review.findings.find((f) => f.term === '专家评审意见')).toMatchObject({ category: 2, negated: false, rule: 'signal.marking' });
    expect(review.suggestion.attribute).not.toBe('proactive');
  });

  it('lowers a process or internal word that is only a numbered section heading', () => {
    const heading = find('3.2 当发生重大险情时，启动Ⅰ级应急响应。\n4 值班安排\n　　汛期实行24小时值班和领导带班制度。', '值班安排');
    expect(heading).toMatchObject({ rule: 'context.heading' });
    expect(heading!.score).toBeLessThan(concernThreshold);
  });

  it('reads a restriction on named personal data as data handling, and a restriction on the document as a marking', () => {
    expect(find('我们将依法保护报名者的个人隐私，不对外公开身份证号码和联系电话。', '不对外公开')).toMatchObject({ negated: true, rule: 'mention.data-handling' });
    expect(find('本材料不对外公开。', '不对外公开')).toMatchObject({ negated: false });
  });

  it('reads a rule explainer title and a class of people under a norm as mentions', () => {
    expect(find('以案释法：未成年人犯罪记录封存制度问答', '未成年人犯罪记录')).toMatchObject({ negated: true, rule: 'mention.rule-title' });
    expect(find('答：依法被封存犯罪记录的人，在入伍、就业时免除报告义务。', '犯罪记录')).toMatchObject({ negated: true, rule: 'mention.normative' });
  });

  it('counts 投诉人 and 被投诉人 as one petition signal, not two that agree', () => {
    const result = scanner.scanText('行政复议决定书\n本机关查明：被申请人以投诉人与被投诉人之间不存在消费者权益争议为由，决定不予受理。');
    expect(result.suggestion.attribute).not.toBe('withheld');
  });
});

describe('batch 7: an office’s own mailbox and addresses', () => {
  const pii = (text: string, type: string) => scanner.scanText(text).findings.find((f) => f.piiType === type);

  it('lowers a mailbox the public is told to send to, and keeps a person’s mailbox', () => {
    expect(pii('报名者请于5月30日前送至价格科或发送至电子邮箱yyjgk@163.com。', 'email')!.score).toBeLessThan(concernThreshold);
    expect(pii('发件人：王磊 <wanglei@hfct.com.cn>', 'email')!.score).toBeGreaterThanOrEqual(concernThreshold);
  });

  it('does not read the office’s mailing address as personal even after talk of ID cards', () => {
    const notice = '报名者请附本人身份证复印件。\n联系人：价格科　刘科长\n联系电话：0730-8888216\n通讯地址：岳阳市岳阳楼区金鹗中路318号市政府大院4号楼';
    expect(pii(notice, 'address')!.score).toBeLessThan(concernThreshold);
    const seat = '申请人：沈丽华，女，1987年2月22日出生，住杭州市拱墅区湖墅南路326号5幢2单元1103室。\n被申请人：杭州市拱墅区市场监督管理局，住所地杭州市拱墅区湖州街58号。';
    const addresses = scanner.scanText(seat).findings.filter((f) => f.piiType === 'address');
    expect(addresses.map((f) => [f.term, f.score >= concernThreshold])).toEqual([
      ['杭州市拱墅区湖墅南路326号5幢2单元1103室', true],
      ['杭州市拱墅区湖州街58号', false],
    ]);
  });
});
