import { mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type Desk } from './fixtures.ts';
import { penalty, penaltyDecision, writeDocx } from './documents.ts';
import { addUsers, firstRun, PASSWORD, signIn, signOut, switchUser } from './flows.ts';
import { unpackDocument } from '../../shared/ipc/records.ts';

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

const shotsDir = path.resolve('tests/output/screenshots/lost-work');

/** The workspace at the office sizes, kept as screenshots; the page must not scroll sideways and `visible` must be on screen. */
async function shoot(page: Page, name: string, visible: ReturnType<Page['locator']>) {
  await mkdir(shotsDir, { recursive: true });
  const before = page.viewportSize()!;
  for (const size of [{ width: 1280, height: 720 }, { width: 1366, height: 768 }]) {
    await page.setViewportSize(size);
    await visible.scrollIntoViewIfNeeded();
    await expect(visible).toBeInViewport();
    await page.screenshot({ path: path.join(shotsDir, `${name}-${size.width}x${size.height}.png`) });
    const overflow = await page.evaluate(() => [document.documentElement, ...document.querySelectorAll('.view')].filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.className || el.tagName));
    expect(overflow, `${name} at ${size.width}×${size.height} scrolls sideways`).toEqual([]);
  }
  await page.setViewportSize(before);
}

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
  const why = panel.getByRole('textbox', { name: '认定说明' });
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
  if (saved.justification) await expect(panel.getByRole('textbox', { name: '认定说明' })).toHaveValue(justification);
  await expect(page.locator('.workspace-head .state')).toHaveText('草稿');
  await expect(page.locator('.notice-error')).toHaveCount(0);
});

test('sets the redaction marks aside while the attribute is not 部分公开 and brings back the drafter’s own choice when it returns, also after leaving the document', async ({ desk }) => {
  const page = await drafterWithPenalty(desk);
  const panel = panelOf(page);
  await panel.getByRole('radio', { name: /部分公开/ }).check();
  const spans = panel.getByRole('region', { name: '删除范围' });
  const mobile = spans.getByRole('checkbox', { name: new RegExp(penalty.mobile) });
  await mobile.uncheck();
  const ticked = await spans.getByRole('checkbox', { checked: true }).count();
  expect(ticked).toBeGreaterThan(0);
  await reasonBox(page).fill(partialReason);
  await shoot(page, '1-partial-ticks', spans);

  await panel.getByRole('radio', { name: /主动公开/ }).check();
  await expect(panel.getByText(`“部分公开”时勾选的 ${ticked} 处删除范围已暂存`)).toBeVisible();
  await shoot(page, '2-marks-set-aside', panel.getByText(`“部分公开”时勾选的 ${ticked} 处删除范围已暂存`));
  // The reason typed under 部分公开 stays in view (主动公开 does not ask for one) and is saved with the decision.
  await expect(reasonBox(page)).toHaveValue(partialReason);
  const why = panel.getByRole('textbox', { name: '认定说明' });
  if (await why.isVisible()) await why.fill(justification);
  await expect(saveState(page)).toHaveText('已保存');
  const saved = (await desk.core.api.getDocument({ documentId: 1 })).current!;
  expect(saved.attribute).toBe('proactive');
  expect(saved.redactions).toEqual([]);
  expect(saved.dispositions.filter((d) => d.action === 'redact')).toEqual([]);

  await reopenFromRegister(page);
  await expect(panel.getByRole('radio', { name: /主动公开/ })).toBeChecked();
  await expect(panel.getByText(`“部分公开”时勾选的 ${ticked} 处删除范围已暂存`)).toBeVisible();
  await panel.getByRole('radio', { name: /部分公开/ }).check();
  await expect(spans.getByRole('checkbox', { name: new RegExp(penalty.id) })).toBeChecked();
  await expect(mobile).not.toBeChecked();
  await expect(spans.getByRole('checkbox', { checked: true })).toHaveCount(ticked);
  await expect(saveState(page)).toHaveText('已保存');
  const back = (await desk.core.api.getDocument({ documentId: 1 })).current!;
  expect(back.attribute).toBe('partial');
  expect(back.redactions).toHaveLength(ticked);
  const { text } = unpackDocument(await desk.core.api.getDocument({ documentId: 1 }));
  expect(back.redactions.some((r) => text?.slice(r.start, r.end) === penalty.mobile)).toBe(false);
  await expect(page.locator('.notice-error')).toHaveCount(0);
});

test('a refused save is told once beside the form with what to do, is not resent until something changes, keeps the drafter signed in, and goes away on 重试', async ({ desk }) => {
  const page = await drafterWithPenalty(desk);
  const panel = panelOf(page);
  const calls: string[] = [];
  const save = desk.core.api.saveDecision;
  desk.core.api.saveDecision = (input) => {
    calls.push(input.reason);
    return save(input);
  };
  await panel.getByRole('radio', { name: /部分公开/ }).check();
  await reasonBox(page).fill(partialReason);
  await expect(saveState(page)).toHaveText('已保存');

  // The session ends behind the page (as when the core restarts): every save is refused until the drafter signs in again.
  await desk.core.api.logout();
  const sent = calls.length;
  await reasonBox(page).pressSequentially('，补充一', { delay: 50 });
  const problem = page.getByRole('alert', { name: '刚才的修改未能保存' });
  await expect(problem).toBeVisible();
  await expect(problem).toContainText('请先登录');
  await expect(problem).toContainText('您填写的内容仍在表单中');
  await expect(saveState(page)).toHaveText('未能保存');
  await reasonBox(page).pressSequentially('二', { delay: 50 });
  await expect.poll(() => calls.length).toBe(sent + 2);
  await expect(problem).toHaveCount(1);
  await expect(page.locator('.notice')).toHaveCount(0);
  await shoot(page, '3-save-refused', problem);
  // Nothing changed since the last refusal: autosave waits rather than sending it again.
  await page.waitForTimeout(1500);
  expect(calls.length).toBe(sent + 2);

  // Signing out would drop the unsaved text: the drafter stays signed in and is told why.
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.locator('.notice-error')).toContainText('有未能保存的修改，尚未退出登录');
  await expect(page.getByLabel('当前用户')).toContainText('张拟稿');

  await desk.core.api.login({ name: 'zhangni', password: PASSWORD });
  await problem.getByRole('button', { name: '重试' }).click();
  await expect(problem).toHaveCount(0);
  await expect(saveState(page)).toHaveText('已保存');
  expect((await desk.core.api.getDocument({ documentId: 1 })).current!.reason).toBe(`${partialReason}，补充一二`);
});

test('typing and leaving at once loses nothing: another page, sign-out, 下一件, another document and a submit right after the last keystroke', async ({ desk }) => {
  const page = await drafterWithPenalty(desk);
  const panel = panelOf(page);
  const basisText = panel.getByRole('textbox', { name: '其他依据（可选）' });
  const current = async (documentId = 1) => (await desk.core.api.getDocument({ documentId })).current;

  // Straight to another page, well inside the autosave pause.
  await panel.getByRole('radio', { name: /部分公开/ }).check();
  await reasonBox(page).fill(partialReason);
  await page.getByRole('button', { name: '文档登记簿' }).click();
  await expect.poll(async () => (await current())?.reason).toBe(partialReason);
  await page.getByRole('button', { name: /行政处罚决定书/ }).first().click();
  await expect(reasonBox(page)).toHaveValue(partialReason);

  // Sign-out straight after typing.
  await basisText.fill('本市双公示办法第六条');
  await signOut(page);
  await signIn(page, 'zhangni');
  expect((await current())!.basisText).toBe('本市双公示办法第六条');

  // 下一件 (Alt+→) in 我的草稿, straight after typing.
  const second = await writeDocx(await mkdtemp(path.join(os.tmpdir(), 'desk-lost-')), '第二件.docx', penaltyDecision().map((b) => (typeof b === 'string' ? b.replace('15号', '16号') : b)));
  const { jobId } = await desk.core.api.startImport({ paths: [second] });
  await expect.poll(async () => (await desk.core.api.importStatus({ jobId })).finished).toBe(true);
  await desk.core.api.saveDecision({ documentId: 2, attribute: 'withheld', reason: '', basis: [], basisText: '', justification: '', dispositions: [], redactions: [] });
  await page.getByRole('button', { name: /我的草稿/ }).click();
  await page.locator('.queue-item').filter({ hasText: '15号' }).click();
  await expect(page.getByText(/第 \d \/ 2 件/)).toBeVisible();
  await justificationOrReason(page).fill('下一件之前刚写的说明');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.locator('.workspace-title')).toContainText('16号');
  const first = (await current())!;
  expect([first.reason, first.justification]).toContain('下一件之前刚写的说明');

  // Another document opened from the register straight after typing in this one.
  await reasonBox(page).fill('换文档之前刚写的理由');
  await page.getByRole('button', { name: '文档登记簿' }).click();
  await page.getByRole('row').filter({ hasText: '15号' }).getByRole('button').click();
  await expect(page.locator('.workspace-title')).toContainText('15号');
  await expect.poll(async () => (await current(2))?.reason).toBe('换文档之前刚写的理由');

  // Submit straight after typing: what is submitted is what was typed last.
  await settleFindings(page);
  await basisText.fill('本市双公示办法第七条');
  await page.keyboard.press('Control+Enter');
  await page.getByRole('dialog', { name: '提交审查' }).getByRole('button', { name: '提交审查' }).click();
  await expect(page.locator('.workspace-head .state')).toHaveText('已提交');
  const submitted = (await current())!;
  expect(submitted.state).toBe('submitted');
  expect(submitted.basisText).toBe('本市双公示办法第七条');
  await expect(page.locator('.notice-error')).toHaveCount(0);
});

test('closing or reloading the window straight after typing still saves what was typed', async ({ desk }) => {
  const page = await drafterWithPenalty(desk);
  const panel = panelOf(page);
  await panel.getByRole('radio', { name: /部分公开/ }).check();
  await reasonBox(page).fill(partialReason);
  await expect(saveState(page)).toHaveText('已保存');
  await reasonBox(page).fill(`${partialReason}，关闭前补充`);
  await page.reload();
  await expect(page.getByLabel('当前用户')).toContainText('张拟稿');
  await expect.poll(async () => (await desk.core.api.getDocument({ documentId: 1 })).current?.reason).toBe(`${partialReason}，关闭前补充`);
});

/** The field the drafter would type in last on this document: the justification if it is asked for, else the reason. */
function justificationOrReason(page: Page) {
  const panel = panelOf(page);
  return panel.getByRole('textbox', { name: /^理由|认定说明/ }).first();
}

/** Rules on every open finding so the decision is complete: personal data confirmed, the rest dismissed as false alarms. */
async function settleFindings(page: Page) {
  const open = page.locator('.finding.status-open');
  for (let left = await open.count(); left > 0; left--) {
    await open.first().locator('.finding-main').click();
    await page.keyboard.press('c');
    await expect(open).toHaveCount(left - 1);
  }
  const panel = panelOf(page);
  for (const box of await panel.getByRole('textbox', { name: /^理由|认定说明/ }).all()) if ((await box.inputValue()) === '') await box.fill(withheldReason);
  const basis15 = panel.getByRole('checkbox', { name: /条例第十五条/ });
  if (!(await basis15.isChecked())) await basis15.check();
  // A release (主动公开, 部分公开) says where it is published.
  const website = panel.getByRole('checkbox', { name: '政府网站' });
  if ((await website.count()) > 0 && !(await website.isChecked())) await website.check();
  await expect(panel.getByText('提交前需完成')).toHaveCount(0);
}
