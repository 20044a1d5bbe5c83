import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { penalty, penaltyDecision, writeDocx } from './documents.ts';
import { addUsers, finding, firstRun, switchUser } from './flows.ts';

test('the full life of a 行政处罚决定书: import, findings, partial with redactions, return, resubmit, approve, sign, export, verify', async ({ desk }) => {
  const { page } = desk;
  const files = await mkdtemp(path.join(os.tmpdir(), 'desk-life-'));
  const docx = await writeDocx(files, '行政处罚决定书.docx', penaltyDecision());

  await firstRun(desk);
  // This office sends every attribute through the 公开办 before sign-off.
  await page.getByRole('button', { name: '设置' }).click();
  await page.getByLabel('所有公开属性都须经公开审查').check();
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('设置已保存，并记入审计日志。')).toBeVisible();
  await desk.shot('01 admin sets the review policy');
  await addUsers(desk, [
    { name: 'zhangni', displayName: '张拟稿', roles: ['drafter'] },
    { name: 'lishen', displayName: '李审查', roles: ['reviewer'] },
    { name: 'zhaoqian', displayName: '赵签发', roles: ['signer'] },
  ]);

  // Drafter imports the file with Ctrl+O: a single file opens straight in the workspace.
  await switchUser(page, 'zhangni');
  await expect(page.getByLabel('当前用户')).toContainText('拟稿人');
  desk.dialogs.files.push([docx]);
  await page.keyboard.press('Control+o');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('行政处罚决定书');
  const text = page.getByLabel('公文正文');
  await expect(text.locator('mark.hl', { hasText: penalty.id })).toBeVisible();
  await expect(text.locator('mark.hl', { hasText: penalty.mobile })).toBeVisible();
  await expect(text.locator('mark.hl-negated', { hasText: '个人隐私' })).toBeVisible();
  const findings = page.getByRole('region', { name: '发现项' });
  await expect(findings.getByRole('region', { name: /^1 国家秘密、商业秘密、个人隐私/ })).toContainText('身份证号码');
  await expect(page.getByLabel('版式要素')).toContainText(penalty.docNumber);
  await desk.shot('02 findings shown');

  // The 考勤 hit is a false alarm (the shop's staff records, not the government's internal affairs).
  const alarm = finding(page, penalty.falseAlarm);
  await alarm.locator('.finding-main').click();
  await page.keyboard.press('d');
  const reason = alarm.getByRole('textbox');
  await reason.fill('当事人店员的考勤记录是执法证据，不是本机关内部管理信息');
  await reason.press('Enter');
  await expect(alarm.getByText('已排除')).toBeVisible();

  // Partial: the ID and the mobile are redaction spans; the public copy preview shows the marks.
  const panel = page.getByRole('region', { name: '公开属性' });
  await panel.getByRole('radio', { name: /部分公开/ }).check();
  // A release says where it is published (公开方式): the public copy goes on the website.
  await expect(panel.getByRole('status')).toContainText('部分公开须选择公开方式');
  await panel.getByRole('checkbox', { name: '政府网站' }).check();
  const justification = panel.getByRole('textbox', { name: '认定说明' });
  if (await justification.isVisible()) await justification.fill('“考勤”已核实为误报，其余内容依法应当公示，仅删除当事人个人信息');
  const spans = panel.getByRole('region', { name: '删除范围' });
  await expect(spans.getByRole('checkbox', { name: new RegExp(penalty.id) })).toBeChecked();
  await expect(spans.getByRole('checkbox', { name: new RegExp(penalty.mobile) })).toBeChecked();
  await expect(panel.getByLabel('公开版预览')).toContainText('身份证号：［此处不予公开：条例第十五条］');
  await expect(panel.getByLabel('公开版预览')).not.toContainText(penalty.id);
  await panel.getByRole('button', { name: '秘密与隐私' }).click();
  await expect(panel.getByText('提交前需完成')).toHaveCount(0);
  await desk.shot('03 partial with redactions');

  await page.getByLabel('公开属性').getByRole('textbox', { name: /理由/ }).first().click();
  await page.keyboard.press('Control+Enter');
  const submit = page.getByRole('dialog', { name: '提交审查' });
  await submit.getByRole('button', { name: '提交审查' }).click();
  await expect(page.locator('.workspace-head .state')).toHaveText('已提交');
  await expect(page.getByRole('region', { name: '办理记录' })).toContainText('提交');

  // Reviewer returns it with a reason.
  await switchUser(page, 'lishen');
  await page.getByRole('button', { name: /待我审查/ }).click();
  await expect(page.locator('.nav-link.active .nav-count')).toHaveText('1');
  await page.getByRole('button', { name: /行政处罚决定书/ }).click();
  await page.getByRole('button', { name: '退文' }).click();
  const ret = page.getByRole('dialog', { name: '退文' });
  // The draft's 附注 says （此件公开发布） while the decision is 部分公开: the dialog ticks that ground itself.
  await expect(ret.getByRole('checkbox', { name: '附注与公开属性不符' })).toBeChecked();
  await ret.getByRole('checkbox', { name: '依据与公开属性不符' }).check();
  await ret.getByRole('textbox').fill('请在依据中写明本市双公示的具体规定');
  await ret.getByRole('button', { name: '退文' }).click();
  await expect(page.locator('.workspace-head .state')).toHaveText('已退文');
  await expect(page.getByRole('region', { name: '办理记录' })).toContainText('请在依据中写明本市双公示的具体规定');
  await desk.shot('04 returned by reviewer');

  // Drafter sees it under 退回给我, fixes and resubmits.
  await switchUser(page, 'zhangni');
  await expect(page.getByRole('button', { name: /退回给我/ }).locator('.nav-count')).toHaveText('1');
  await page.getByRole('button', { name: /退回给我/ }).click();
  await expect(page.getByText('请在依据中写明本市双公示的具体规定')).toBeVisible();
  await page.getByRole('button', { name: /行政处罚决定书/ }).click();
  await expect(page.getByText('本件已被退回：依据与公开属性不符；附注与公开属性不符；请在依据中写明本市双公示的具体规定', { exact: true })).toBeVisible();
  await page.getByLabel('其他依据（可选）').fill('玉林市行政许可和行政处罚信息双公示实施办法第六条');
  await expect(page.getByText('已保存')).toBeVisible();
  await page.getByRole('button', { name: '提交审查' }).click();
  await page.getByRole('dialog', { name: '提交审查' }).getByRole('button', { name: '提交审查' }).click();
  await expect(page.locator('.workspace-head .state')).toHaveText('已提交');

  // Reviewer approves.
  await switchUser(page, 'lishen');
  await page.getByRole('button', { name: /待我审查/ }).click();
  await page.getByRole('button', { name: /行政处罚决定书/ }).click();
  await page.getByRole('button', { name: '审查通过' }).click();
  await page.getByRole('dialog', { name: '审查通过' }).getByRole('button', { name: '审查通过' }).click();
  await expect(page.locator('.workspace-head .state')).toHaveText('审查通过');

  // Signer sees exactly what is signed, enters the password and signs.
  await switchUser(page, 'zhaoqian');
  await expect(page.getByRole('button', { name: /待我签发/ }).locator('.nav-count')).toHaveText('1');
  await page.getByRole('button', { name: /待我签发/ }).click();
  await page.getByRole('button', { name: /行政处罚决定书/ }).click();
  await page.getByRole('button', { name: '签发', exact: true }).click();
  const sign = page.getByRole('dialog', { name: '签发公开属性' });
  const detail = await desk.core.api.getDocument({ documentId: 1 });
  await expect(sign).toContainText(detail.sha256);
  await expect(sign).toContainText('部分公开');
  await expect(sign).toContainText('条例第十五条');
  await expect(sign).toContainText('玉林市行政许可和行政处罚信息双公示实施办法第六条');
  await desk.shot('05 sign dialog');
  await sign.getByLabel('请输入您的口令以解锁签发密钥').fill('wrong-password');
  await sign.getByRole('button', { name: '签名并签发' }).click();
  await expect(sign.getByRole('alert')).toBeVisible();
  await sign.getByLabel('请输入您的口令以解锁签发密钥').fill('correct-horse-1');
  await sign.getByRole('button', { name: '签名并签发' }).click();
  await expect(page.locator('.workspace-head .state')).toHaveText('已签发');
  await expect(page.getByRole('region', { name: '办理记录' }).locator('.action-decision-sign')).toBeVisible();

  // The redacted public copy: every withheld span replaced by a mark naming the basis.
  const out = path.join(files, '公开版.txt');
  desk.dialogs.savePaths.push(out);
  await page.getByRole('button', { name: '导出公开版' }).click();
  await expect(page.getByText(`公开版已导出：${out}`)).toBeVisible();
  const published = await readFile(out, 'utf8');
  expect(published).toContain('［此处不予公开：条例第十五条］');
  expect(published).not.toContain(penalty.id);
  expect(published).not.toContain(penalty.mobile);
  await desk.shot('06 signed and exported');

  // The audit log verifies intact, in plain words at the top.
  await page.getByRole('button', { name: '审计日志' }).click();
  await expect(page.locator('.verify-banner.verify-ok')).toContainText('审计日志完整');
  await expect(page.locator('.audit-table')).toContainText('签发');
  await desk.shot('07 audit intact');
});
