import { mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { idNumber, penaltyDecision, writeDocx, writeText } from './documents.ts';
import { addUsers, firstRun, PASSWORD, signIn, signOut } from './flows.ts';
import { unpackDocument, type DecisionInput } from '../../shared/ipc/records.ts';

const shotsDir = path.resolve('tests/output/screenshots/screens');

const sizes = [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

function longDocument(): string {
  const lines = ['玉林市人民政府办公室', '关于2024年度民生补贴发放情况的通报', '玉政办发〔2024〕31号', '各县（市、区）人民政府，市直各单位：'];
  for (let i = 0; i < 60; i++) {
    lines.push(`${i + 1}. 补贴对象王某${i}，身份证号：${idNumber(`4509021985010${String(100 + i).slice(-3)}1`.slice(0, 17))}，联系电话：1381234${String(1000 + i)}，住址：玉林市玉州区人民东路${i + 1}号。本项工作依据内部工作流程，经讨论稿征求意见后确定，涉及国家秘密的除外。`);
  }
  lines.push('玉林市人民政府办公室', '2024年6月1日');
  return lines.join('\n');
}

/** Each screen at each size: kept as a screenshot, and the page itself must never scroll sideways. */
async function shootAll(page: Page, name: string) {
  for (const size of sizes) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(shotsDir, `${name}-${size.width}x${size.height}.png`) });
    const overflow = await page.evaluate(() => [document.documentElement, ...document.querySelectorAll('.view, .modal')].filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.className || el.tagName));
    expect(overflow, `${name} at ${size.width}×${size.height} scrolls sideways`).toEqual([]);
  }
  await page.setViewportSize(sizes[0]!);
}

test('every screen and dialog fits 1280×720, 1366×768 and 1920×1080 without sideways scrolling; a signer walks 待我签发 with 下一件 and Alt+→', async ({ desk }) => {
  const { page } = desk;
  await mkdir(shotsDir, { recursive: true });
  await shootAll(page, '00-firstrun');
  await firstRun(desk);
  await addUsers(desk, [
    { name: 'zhangni', displayName: '张拟稿', roles: ['drafter'] },
    { name: 'lishen', displayName: '李审查', roles: ['reviewer'] },
    { name: 'zhaoqian', displayName: '赵签发', roles: ['reviewer', 'signer'] },
  ]);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'desk-tour-'));
  const files = [await writeText(dir, '长文.txt', longDocument()), await writeDocx(dir, '处罚.docx', penaltyDecision())];
  for (let i = 0; i < 4; i++) files.push(await writeText(dir, `通知${i}.txt`, `玉林市人民政府\n关于第${i}批项目的通知\n玉政发〔2024〕${i + 1}号\n各单位：\n请按要求办理。\n玉林市人民政府\n2024年3月${i + 1}日\n（此件公开发布）`));
  const { api } = desk.core;
  await api.login({ name: 'zhangni', password: PASSWORD });
  const { jobId } = await api.startImport({ paths: files });
  await expect.poll(async () => (await api.importStatus({ jobId })).finished).toBe(true);
  const docs = (await api.listDocuments({ limit: 100 })).rows;
  const ids: number[] = [];
  for (const row of docs.filter((d) => d.fileName.startsWith('通知'))) {
    const detail = unpackDocument(await api.getDocument({ documentId: row.id }));
    const input: DecisionInput = { documentId: row.id, attribute: 'proactive', reason: '', basis: ['条例第十九条'], basisText: '', justification: '经审查', dispositions: detail.findings.filter((f) => !f.negated).map((f) => ({ findingId: f.id, action: 'dismiss', reason: '经核实' })), redactions: [], channels: ['website', 'gazette'] };
    const saved = await api.saveDecision(input);
    await api.submitDecision({ decisionId: saved.id });
    ids.push(saved.id);
  }
  await api.login({ name: 'lishen', password: PASSWORD });
  await api.approveDecision({ decisionId: ids[0]! });
  await api.approveDecision({ decisionId: ids[1]! });
  await api.logout();

  await signOut(page);
  await shootAll(page, '01-signin');
  await signIn(page, 'zhangni');
  await shootAll(page, '02-register');
  await page.getByRole('button', { name: '我的草稿' }).click();
  await shootAll(page, '03-queue-drafts');
  await page.getByRole('button', { name: '退回给我' }).click();
  await shootAll(page, '03-queue-returned-empty');
  await page.getByRole('button', { name: '文档登记簿' }).click();
  await page.getByRole('button', { name: /民生补贴/ }).first().click();
  await expect(page.locator('mark.hl').first()).toBeVisible();
  await shootAll(page, '04-workspace-long');
  await page.getByRole('button', { name: '← 返回登记簿' }).click();
  await page.getByRole('button', { name: /行政处罚/ }).first().click();
  await expect(page.locator('mark.hl').first()).toBeVisible();
  await page.getByRole('region', { name: '公开属性' }).getByRole('radio', { name: /部分公开/ }).check();
  await page.getByRole('region', { name: '公开属性' }).getByRole('checkbox', { name: '政府网站' }).check();
  await shootAll(page, '05-workspace-partial');
  await page.getByRole('button', { name: '← 返回登记簿' }).click();

  await signOut(page);
  await signIn(page, 'zhaoqian');
  await page.getByRole('button', { name: '待我签发' }).click();
  await shootAll(page, '06-queue-sign');
  await page.locator('.queue-item').first().click();
  await expect(page.getByRole('button', { name: '退文' })).toBeVisible();
  await shootAll(page, '07-workspace-reviewer');
  await page.getByRole('button', { name: '退文' }).click();
  await shootAll(page, '08-dialog-return');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '签发', exact: true }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await shootAll(page, '09-dialog-sign');
  await page.getByRole('dialog').getByLabel('请输入您的口令以解锁签发密钥').fill(PASSWORD);
  await page.getByRole('button', { name: '签名并签发' }).click();
  await expect(page.getByText('本件已办理。')).toBeVisible();
  await shootAll(page, '09b-signed-next');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/第 2 \/ 4 件/)).toBeVisible();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.getByText(/第 3 \/ 4 件/)).toBeVisible();
  await page.getByRole('button', { name: '导航' }).click();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await page.getByRole('button', { name: '文档登记簿' }).click();

  await signOut(page);
  await signIn(page, 'admin');
  for (const [nav, name] of [['审计日志', '10-audit'], ['词库', '11-lexicon'], ['设置', '12-settings'], ['依申请登记', '13-requests'], ['年度自查', '14-inspection'], ['年报数字', '15-annual'], ['汇总', '16-consolidation']] as const) {
    await page.getByRole('button', { name: nav, exact: true }).click();
    await page.waitForTimeout(300);
    await shootAll(page, name);
  }
  await page.getByRole('button', { name: '依申请登记' }).click();
  await page.getByRole('button', { name: '登记申请' }).click();
  await shootAll(page, '17-dialog-request');
});
