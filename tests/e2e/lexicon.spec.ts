import { expect, test } from './fixtures.ts';
import { firstRun } from './flows.ts';

test('the lexicon editor adds a term that the live test flags at once, removes it again, and audits both with a new version', async ({ desk }) => {
  const { page } = desk;
  await firstRun(desk);
  await page.getByRole('button', { name: '词库' }).click();
  const version = page.locator('.lexicon-view .view-head .mono');
  await expect(version).toContainText('词库版本');
  const before = await version.textContent();

  const sentence = '本次会议研究了东湖片区拆迁补偿测算底数。';
  const tester = page.getByRole('region', { name: '试扫一句话' });
  await tester.getByRole('textbox').fill(sentence);
  await tester.getByRole('button', { name: '试扫' }).click();
  await expect(tester).toContainText('没有发现项。');

  await page.getByRole('tab', { name: /2 过程性信息/ }).click();
  const form = page.locator('.lexicon-add');
  await form.getByLabel('词语或 /正则/').fill('测算底数');
  await form.getByLabel('说明').fill('征收补偿测算过程数据');
  await form.getByRole('button', { name: '加入词条' }).click();
  await expect(page.getByText('词库已更新，并记入审计日志。')).toBeVisible();
  await expect(version).not.toHaveText(before!);
  await expect(tester.locator('mark.hl', { hasText: '测算底数' })).toBeVisible();
  const added = await version.textContent();
  await desk.shot('user term flagged in the live test');

  await page.locator('tr', { hasText: '测算底数' }).getByRole('button', { name: '删除' }).click();
  await expect(tester).toContainText('没有发现项。');
  await expect(version).not.toHaveText(added!);

  await page.getByRole('button', { name: '审计日志' }).click();
  await expect(page.locator('.audit-table tbody tr', { hasText: '修改词库' })).toHaveCount(2);
  await expect(page.locator('.verify-banner.verify-ok')).toBeVisible();
});
