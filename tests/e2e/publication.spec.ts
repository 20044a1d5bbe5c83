import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { expect, test } from './fixtures.ts';
import { writeDocx } from './documents.ts';
import { addUsers, firstRun, switchUser } from './flows.ts';

const policyTitle = '玉林市人民政府办公室关于印发《玉林市政务公开工作考核办法》的通知';
const policyNumber = '玉政办发〔2026〕31号';
const wrongNote = '（此件不予公开）';

const readDocx = async (file: string) => (await mammoth.extractRawText({ path: file })).value;

test('a policy 公文 from draft to publication: the contradicting 附注 justified and shown at sign-off, 审查单 and stamped 公文 read back, 解读 linked, released on time and counted', async ({ desk }) => {
  const { page } = desk;
  const files = await mkdtemp(path.join(os.tmpdir(), 'desk-publish-'));
  const policy = await writeDocx(files, '考核办法通知.docx', [
    '玉林市人民政府办公室',
    { title: policyTitle },
    policyNumber,
    '各县（市、区）人民政府，市人民政府各部门：',
    '《玉林市政务公开工作考核办法》已经市人民政府同意，现印发给你们，请认真贯彻执行。',
    '玉林市人民政府办公室',
    '2026年12月1日',
    wrongNote,
  ]);
  const reading = await writeDocx(files, '考核办法解读.docx', [
    { title: '《玉林市政务公开工作考核办法》政策解读' },
    '一、制定背景。为推进政务公开标准化规范化，市人民政府办公室起草了考核办法。',
    '二、主要内容。考核办法明确了考核对象、考核内容和结果运用。',
  ]);

  await firstRun(desk);
  await page.getByRole('button', { name: '设置' }).click();
  await page.getByLabel('所有公开属性都须经公开审查').check();
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('设置已保存，并记入审计日志。')).toBeVisible();
  await addUsers(desk, [
    { name: 'zhangni', displayName: '张拟稿', roles: ['drafter'] },
    { name: 'lishen', displayName: '李审查', roles: ['reviewer'] },
    { name: 'zhaoqian', displayName: '赵签发', roles: ['signer'] },
  ]);

  // The drafter registers the 解读 first, then the policy document it explains.
  await switchUser(page, 'zhangni');
  desk.dialogs.files.push([reading]);
  await page.keyboard.press('Control+o');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('政策解读');
  desk.dialogs.files.push([policy]);
  await page.keyboard.press('Control+o');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(policyTitle);

  // Proactive, on the government website; the source's 附注 says otherwise, so a justification is asked for.
  const panel = page.getByRole('region', { name: '公开属性', exact: true });
  await panel.getByRole('radio', { name: /主动公开/ }).check();
  await panel.getByRole('checkbox', { name: '政府网站' }).check();
  await expect(panel).toContainText(`原文附注“${wrongNote}”表明不予公开，与所选属性“主动公开”矛盾`);
  await expect(page.getByRole('button', { name: '提交审查' })).toBeDisabled();
  await panel.getByLabel('认定说明').fill('办法面向社会施行，应主动公开；原附注系套用旧模板误写，签发后以附注按钮另存改正。');

  // A policy document travels with its 解读: until one is linked the card says it can be returned for it.
  const card = page.getByRole('region', { name: '发布与解读' });
  await expect(card).toContainText('自动识别为“规范性文件”');
  await expect(card.getByRole('status')).toContainText('尚未关联解读');
  await card.getByLabel('在登记簿中检索文件').fill('解读');
  await card.getByRole('button', { name: /^选定：.*政策解读/ }).click();
  await card.getByRole('button', { name: '关联登记簿中的解读' }).click();
  await expect(card).toContainText('已关联解读：《玉林市政务公开工作考核办法》政策解读');
  await expect(card.getByRole('status').filter({ hasText: '尚未关联解读' })).toHaveCount(0);
  await expect(page.getByText('已保存', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '提交审查' }).click();
  await page.getByRole('dialog', { name: '提交审查' }).getByRole('button', { name: '提交审查' }).click();
  await expect(page.locator('.workspace-head .state')).toHaveText('已提交');
  await desk.shot('01 submitted with justification and 解读');

  // The 公开办 weighs a return: the 附注 ground is ticked for it, the 解读 one is not, since the 解读 is linked.
  await switchUser(page, 'lishen');
  await page.getByRole('button', { name: /待我审查/ }).click();
  await page.getByRole('button', { name: /关于印发/ }).click();
  await page.getByRole('button', { name: '退文' }).click();
  const ret = page.getByRole('dialog', { name: '退文' });
  await expect(ret.getByRole('checkbox', { name: '附注与公开属性不符' })).toBeChecked();
  await expect(ret.getByRole('checkbox', { name: '解读材料缺失' })).not.toBeChecked();
  await ret.getByRole('button', { name: '取消' }).click();
  await page.getByRole('button', { name: '审查通过' }).click();
  await page.getByRole('dialog', { name: '审查通过' }).getByRole('button', { name: '审查通过' }).click();
  await expect(page.locator('.workspace-head .state')).toHaveText('审查通过');

  // The signer sees which line contradicts what, beside the justification, and signs.
  await switchUser(page, 'zhaoqian');
  await page.getByRole('button', { name: /待我签发/ }).click();
  await page.getByRole('button', { name: /关于印发/ }).click();
  await page.getByRole('button', { name: '签发', exact: true }).click();
  const sign = page.getByRole('dialog', { name: '签发公开属性' });
  await expect(sign.getByRole('note')).toContainText(wrongNote);
  await expect(sign).toContainText('原附注系套用旧模板误写');
  await desk.shot('02 sign dialog names the 附注');
  await sign.getByLabel('请输入您的口令以解锁签发密钥').fill('correct-horse-1');
  await sign.getByRole('button', { name: '签名并签发' }).click();
  await expect(page.locator('.workspace-head .state')).toHaveText('已签发');

  // 稿纸: the one-page 公开属性审查单, read back.
  const formFile = path.join(files, '审查单.docx');
  desk.dialogs.savePaths.push(formFile);
  await page.getByRole('button', { name: '稿纸（审查单）' }).click();
  await expect(page.getByText(`公开属性审查单已导出：${formFile}`)).toBeVisible();
  const form = await readDocx(formFile);
  for (const part of ['公开属性审查单', policyTitle, policyNumber, '主动公开', '政府网站', '张拟稿', '赵签发', 'audit verify']) expect(form, part).toContain(part);

  // 附注: the original picked again, a copy saved whose 附注 is right by construction; nothing else changes.
  const stampedFile = path.join(files, '考核办法通知-附注.docx');
  desk.dialogs.files.push([policy]);
  desk.dialogs.savePaths.push(stampedFile);
  await page.getByRole('button', { name: '附注', exact: true }).click();
  await expect(page.getByText(new RegExp(`公文已另存：${stampedFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`))).toBeVisible();
  const [before, after] = await Promise.all([readDocx(policy), readDocx(stampedFile)]);
  expect(after).toContain('（此件公开发布）');
  expect(after).not.toContain(wrongNote);
  expect(after.replace('（此件公开发布）', wrongNote)).toBe(before);

  // 待发布: the policy is due (the 解读 is not signed, so it is not listed), released today on time.
  const nav = page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: /待发布/ });
  await expect(nav.locator('.nav-count')).toHaveText('1');
  await nav.click();
  const table = page.getByRole('table', { name: '待发布公文' });
  await expect(table.getByRole('row')).toHaveCount(2);
  const row = table.getByRole('row').filter({ hasText: '关于印发' });
  await expect(row).toContainText('待发布');
  await expect(row).toContainText(/剩 20 个工作日/);
  await expect(row).toContainText('待政策文件发布');
  // Releases are registered by the drafting side or the 公开办, not by the signer.
  await expect(row.getByRole('button', { name: '登记发布' })).toHaveCount(0);
  await switchUser(page, 'zhangni');
  await expect(nav.locator('.nav-count')).toHaveText('1');
  await nav.click();
  await row.getByRole('button', { name: '登记发布' }).click();
  const publish = page.getByRole('dialog', { name: /^登记发布：/ });
  await publish.getByLabel('公开方式').selectOption({ label: '政府网站' });
  await publish.getByLabel('发布位置').fill('http://www.yulin.gov.cn/zwgk/2026/kh31.html');
  await publish.getByRole('button', { name: '登记发布' }).click();
  await expect(row).toContainText('已发布');
  await expect(row).not.toContainText('（逾期）');
  await expect(row).toContainText('解读待发布');
  await expect(nav.locator('.nav-count')).toHaveText('0');
  await expect(page.getByRole('complementary', { name: '按时发布率' })).toContainText(/按时 1 \/ 应发布 1，100\.0%/);
  await desk.shot('03 released on time');
  // A long title wraps in its cell: the table never scrolls sideways.
  const wrap = await page.locator('.publications-view .audit-table-wrap').evaluate((w) => ({ scroll: w.scrollWidth, client: w.clientWidth }));
  expect(wrap.scroll).toBeLessThanOrEqual(wrap.client);

  // The release is an audit entry, and the log still verifies.
  const queue = await desk.core.api.listPublications({});
  expect(queue.rows).toHaveLength(1);
  expect(queue.rows[0]).toMatchObject({ status: 'published', onTime: true });
  await page.getByRole('button', { name: '审计日志' }).click();
  await expect(page.locator('.verify-banner.verify-ok')).toContainText('审计日志完整');
});
