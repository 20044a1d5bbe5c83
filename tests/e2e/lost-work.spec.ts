import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type Desk } from './fixtures.ts';
import { penalty, penaltyDecision, writeDocx } from './documents.ts';
import { addUsers, firstRun, switchUser } from './flows.ts';

const partialReason = '拟删除当事人身份证号码和联系电话后公示';
const withheldReason = '当事人请求暂缓公示，经研究本件暂不公开';
const justification = '当事人已申请行政复议，公示暂缓';

/** A drafter with the 行政处罚决定书 open in the workspace, imported with Ctrl+O. */
async function drafterWithPenalty(desk: Desk): Promise<Page> {
  const { page } = desk;
  const files = await mkdtemp(path.join(os.tmpdir(), 'desk-lost-'));
  const docx = await writeDocx(files, '行政处罚决定书.docx', penaltyDecision());
  await firstRun(desk);
  await addUsers(desk, [{ name: 'zhangni', displayName: '张拟稿', roles: ['drafter'] }]);
  await switchUser(page, 'zhangni');
  desk.dialogs.files.push([docx]);
  await page.keyboard.press('Control+o');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('行政处罚决定书');
  return page;
}

const panelOf = (page: Page) => page.getByRole('region', { name: '公开属性' });
const reasonBox = (page: Page) => panelOf(page).getByRole('textbox', { name: /^理由/ });
const saveState = (page: Page) => page.locator('.workspace-head .save-state');

async function reopenFromRegister(page: Page) {
  await page.getByRole('button', { name: '文档登记簿' }).click();
  await page.getByRole('button', { name: /行政处罚决定书/ }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('行政处罚决定书');
}

test('keeps what was typed when the attribute leaves 部分公开: the last attribute, reason, basis and justification survive a reload, with no refusal', async ({ desk }) => {
  const page = await drafterWithPenalty(desk);
  const panel = panelOf(page);

  // 部分公开 pre-ticks the personal data for deletion; the drafter types a reason and it is saved.
  await panel.getByRole('radio', { name: /部分公开/ }).check();
  const spans = panel.getByRole('region', { name: '删除范围' });
  await expect(spans.getByRole('checkbox', { name: new RegExp(penalty.id) })).toBeChecked();
  await reasonBox(page).fill(partialReason);
  await expect(saveState(page)).toHaveText('已保存');

  // The drafter changes their mind: 不予公开, with a reason, a basis and the justification the departure needs.
  await panel.getByRole('radio', { name: /不予公开/ }).check();
  await reasonBox(page).fill(withheldReason);
  const basis15 = panel.getByRole('checkbox', { name: /条例第十五条/ });
  if (!(await basis15.isChecked())) await basis15.check();
  const why = panel.getByRole('textbox', { name: '与建议不一致的说明' });
  if (await why.isVisible()) await why.fill(justification);
  await expect(saveState(page)).toHaveText('已保存');
  await expect(page.getByText('只有“部分公开”才能标记删除段落')).toHaveCount(0);
  await expect(page.locator('.notice-error')).toHaveCount(0);
  await expect(page.locator('.workspace-head .state')).toHaveText('草稿');

  // What the core holds is the decision as last chosen, valid for its attribute.
  const saved = (await desk.core.api.getDocument({ documentId: 1 })).current!;
  expect(saved.attribute).toBe('withheld');
  expect(saved.reason).toBe(withheldReason);
  expect(saved.redactions).toEqual([]);

  // Reloading the app and reopening the document shows exactly what was typed.
  await page.reload();
  await expect(page.getByLabel('当前用户')).toContainText('张拟稿');
  await reopenFromRegister(page);
  await expect(panel.getByRole('radio', { name: /不予公开/ })).toBeChecked();
  await expect(reasonBox(page)).toHaveValue(withheldReason);
  await expect(panel.getByRole('checkbox', { name: /条例第十五条/ })).toBeChecked();
  if (saved.justification) await expect(panel.getByRole('textbox', { name: '与建议不一致的说明' })).toHaveValue(justification);
  await expect(page.locator('.workspace-head .state')).toHaveText('草稿');
  await expect(page.locator('.notice-error')).toHaveCount(0);
});
