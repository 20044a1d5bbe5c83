import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Desk } from './fixtures.ts';
import { classifiedNotice, writeText } from './documents.ts';
import { addUsers, firstRun, PASSWORD, signIn, switchUser } from './flows.ts';
import { unpackDocument } from '../../shared/ipc/records.ts';

/** The classified notice imported and signed 不予公开 through the real core, by drafter, reviewer and signer. */
async function signedWithheldNotice(desk: Desk): Promise<void> {
  const { api } = desk.core;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'desk-request-review-'));
  await api.login({ name: 'zhangni', password: PASSWORD });
  const { jobId } = await api.startImport({ paths: [await writeText(dir, '安全防范通知.txt', classifiedNotice())] });
  await expect.poll(async () => (await api.importStatus({ jobId })).finished).toBe(true);
  const row = (await api.listDocuments({ limit: 10 })).rows[0]!;
  const detail = unpackDocument(await api.getDocument({ documentId: row.id }));
  const saved = await api.saveDecision({
    documentId: row.id,
    attribute: 'withheld',
    reason: '版头标有密级，属国家秘密',
    basis: ['条例第十四条'],
    basisText: '',
    justification: '经公开办审查认定',
    dispositions: detail.findings.filter((f) => !f.negated).map((f) => ({ findingId: f.id, action: 'confirm', reason: '经核实' })),
    redactions: [],
    channels: [],
  });
  await api.submitDecision({ decisionId: saved.id });
  await api.login({ name: 'lishen', password: PASSWORD });
  await api.approveDecision({ decisionId: saved.id });
  await api.login({ name: 'zhaoqian', password: PASSWORD });
  await api.signDecision({ decisionId: saved.id, password: PASSWORD });
  await api.logout();
}

test('a drafter’s 予以公开 answer to a request for a 不予公开 document waits for review; the reviewer approves it with a justification and only then it is answered', async ({ desk }) => {
  const { page } = desk;
  await firstRun(desk);
  await addUsers(desk, [
    { name: 'zhangni', displayName: '张拟稿', roles: ['drafter'] },
    { name: 'lishen', displayName: '李审查', roles: ['reviewer'] },
    { name: 'zhaoqian', displayName: '赵签发', roles: ['signer'] },
  ]);
  await signedWithheldNotice(desk);
  await page.reload();
  await signIn(page, 'zhangni');

  // The drafter registers the request against the withheld notice, for a research institute.
  await page.getByRole('button', { name: '依申请登记' }).click();
  await page.getByLabel('收到年度').selectOption('');
  await page.getByRole('button', { name: '登记申请' }).click();
  const add = page.getByRole('dialog', { name: '登记政府信息公开申请' });
  await add.getByLabel('在登记簿中检索文件').fill('安全防范');
  await add.getByRole('button', { name: /^选定：/ }).first().click();
  await expect(add.getByRole('status')).toContainText('不予公开');
  await add.getByLabel('申请人类型').selectOption({ label: '科研机构' });
  await add.getByRole('button', { name: '登记', exact: true }).click();
  await expect(add).toHaveCount(0);
  const row = page.getByRole('table', { name: '依申请公开登记' }).locator('tbody tr', { hasText: '安全防范' });
  await expect(row).toContainText('科研机构');

  // 予以公开 asks for no article; it is prepared, not answered.
  await row.getByRole('button', { name: '答复', exact: true }).click();
  const answer = page.getByRole('dialog', { name: '答复第 1 号申请' });
  await answer.getByLabel('办理结果（对应年报表三的行）').selectOption('granted');
  await answer.getByRole('button', { name: '登记答复' }).click();
  await expect(page.getByText('第 1 号申请的答复已提交审核，待审核。')).toBeVisible();
  await expect(row.locator('.answer-awaiting-review')).toHaveText('待审核');
  await expect(row).toContainText('拟答复：予以公开');
  await expect(row.locator('.deadline-badge').first()).not.toHaveText(/已答复/);
  await expect(row.getByRole('button', { name: '审核答复' })).toHaveCount(0);
  await expect(row.getByRole('button', { name: '答复', exact: true })).toHaveCount(0);
  await desk.shot('01 answer prepared, awaiting review');

  // The reviewer sees why it needs review and must give the justification.
  await switchUser(page, 'lishen');
  await page.getByRole('button', { name: '依申请登记' }).click();
  await page.getByLabel('收到年度').selectOption('');
  await row.getByRole('button', { name: '审核答复' }).click();
  const review = page.getByRole('dialog', { name: '审核第 1 号申请的答复' });
  await expect(review).toContainText('予以公开');
  await expect(review.getByRole('note')).toContainText('不予公开或部分公开的信息');
  await review.getByRole('button', { name: '审核通过' }).click();
  await expect(review.getByRole('alert')).toHaveText('请写明审核通过的理由。');
  await review.getByLabel('审核意见（需要时写明可以提供的理由）').fill('该通知已过重点时段，经保密审查可以向申请人提供');
  await review.getByRole('button', { name: '审核通过' }).click();
  await expect(page.getByText('第 1 号申请的答复已审核通过，计为已答复。')).toBeVisible();
  await expect(row.locator('.answer-awaiting-review')).toHaveCount(0);
  await expect(row).toContainText('予以公开');
  await expect(row.locator('.deadline-badge').first()).toHaveText(/已答复|逾期答复/);
  await desk.shot('02 approved and answered');

  const stored = (await desk.core.api.listRequests({})).rows[0]!;
  expect(stored).toMatchObject({ answerState: 'answered', outcome: 'granted', applicantType: 'research', reviewRequired: true, preparedBy: 'zhangni', reviewedBy: 'lishen', reviewNote: '该通知已过重点时段，经保密审查可以向申请人提供' });
});
