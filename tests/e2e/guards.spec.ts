import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { classifiedNotice, penaltyDecision, writeDocx, writeText } from './documents.ts';
import { addUsers, firstRun, switchUser } from './flows.ts';

const publicNotice = ['玉林市人民政府办公室', '关于做好2024年春季植树造林工作的通知', '玉政办发〔2024〕3号', '各县（市、区）人民政府，市直各单位：', '请各地结合实际，组织开展春季义务植树活动。', '玉林市人民政府办公室', '2024年3月1日', '（此件公开发布）'].join('\n');

test('a corrupt file in a batch shows its Chinese error while the rest import', async ({ desk }) => {
  const { page } = desk;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'desk-batch-'));
  const good1 = await writeDocx(dir, '处罚决定一.docx', penaltyDecision());
  const good2 = await writeText(dir, '植树通知.txt', publicNotice);
  const broken = await writeText(dir, '损坏的文件.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
  await firstRun(desk);
  await addUsers(desk, [{ name: 'zhangni', displayName: '张拟稿', roles: ['drafter'] }]);
  await switchUser(page, 'zhangni');
  await page.getByRole('button', { name: '文档登记簿' }).click();
  desk.dialogs.files.push([good1, broken, good2]);
  await page.getByRole('button', { name: '读入文件', exact: true }).click();
  const panel = page.getByRole('region', { name: '读入文档' });
  await expect(panel.getByRole('status')).toHaveText('读入完成：2 个成功，1 个未能读入。');
  await expect(panel.locator('.import-errors')).toContainText('损坏的文件.docx');
  await expect(panel.locator('.import-error-message')).toContainText(/[\u4e00-\u9fff]/);
  await expect(page.getByRole('table', { name: '文档登记簿' }).getByRole('row')).toHaveCount(3);
  await expect(page.getByRole('table', { name: '文档登记簿' })).toContainText('玉市监处罚〔2024〕15号');
  await expect(page.getByRole('table', { name: '文档登记簿' })).toContainText('玉政办发〔2024〕3号');
  await desk.shot('batch with one corrupt file');
});

test('a drafter cannot sign their own decision, in the UI or through the API', async ({ desk }) => {
  const { page } = desk;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'desk-own-'));
  const file = await writeText(dir, '植树通知.txt', publicNotice);
  await firstRun(desk);
  await addUsers(desk, [{ name: 'chenliang', displayName: '陈良', roles: ['drafter', 'signer'] }]);
  await switchUser(page, 'chenliang');
  desk.dialogs.files.push([file]);
  await page.keyboard.press('Control+o');
  await expect(page.getByRole('radio', { name: /主动公开/ })).toBeChecked();
  await page.getByRole('checkbox', { name: '政府网站' }).check();
  await page.getByRole('button', { name: '提交审查' }).click();
  await page.getByRole('dialog', { name: '提交审查' }).getByRole('button', { name: '提交审查' }).click();
  await expect(page.locator('.workspace-head .state')).toHaveText('已提交');
  await expect(page.getByRole('button', { name: '签发', exact: true })).toHaveCount(0);
  await expect(page.getByText('本件由您拟稿，按职责分离要求不能由您审查或签发。')).toBeVisible();
  await expect(page.getByRole('button', { name: /待我签发/ }).locator('.nav-count')).toHaveText('0');
  const refusal = await page.evaluate(async () => {
    const { documentIds } = { documentIds: [1] };
    const detail = await window.api.getDocument({ documentId: documentIds[0]! });
    try {
      await window.api.signDecision({ decisionId: detail.current!.id, password: 'correct-horse-1' });
      return null;
    } catch (e) {
      return e as { code: string; message: string };
    }
  });
  expect(refusal?.message).toMatch(/[\u4e00-\u9fff]/);
  await desk.shot('own draft cannot be signed');
});

test('a classified draft is suggested withheld and choosing proactive demands a justification', async ({ desk }) => {
  const { page } = desk;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'desk-secret-'));
  const file = await writeText(dir, '安全防范通知.txt', classifiedNotice());
  await firstRun(desk);
  await addUsers(desk, [{ name: 'zhangni', displayName: '张拟稿', roles: ['drafter'] }]);
  await switchUser(page, 'zhangni');
  desk.dialogs.files.push([file]);
  await page.keyboard.press('Control+o');
  await expect(page.getByRole('alert').filter({ hasText: '涉密' }).first()).toBeVisible();
  await expect(page.getByLabel('版式要素')).toContainText('机密★5年');
  const panel = page.getByRole('region', { name: '公开属性' });
  await expect(panel.getByRole('radio', { name: /不予公开/ })).toBeChecked();
  await expect(panel.locator('.attribute-choice.is-suggested')).toContainText('不予公开');
  await panel.getByRole('radio', { name: /主动公开/ }).check();
  const justification = panel.getByRole('textbox', { name: '认定说明' });
  await expect(justification).toBeVisible();
  await expect(panel.getByRole('status')).toContainText('须填写说明：文件标有密级（机密），而所选属性为“主动公开”');
  await expect(page.getByRole('button', { name: '提交审查' })).toBeDisabled();
  await desk.shot('classified draft made proactive needs a justification');
  await justification.fill('经定密责任人审核，该密级标志已于2024年9月解除，见解密通知');
  await expect(panel.getByText('须填写说明：文件标有密级（机密），而所选属性为“主动公开”')).toHaveCount(0);
});
