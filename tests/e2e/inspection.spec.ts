import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, test, type Desk } from './fixtures.ts';
import { classifiedNotice, penaltyDecision, writeDocx, writeText } from './documents.ts';
import { addUsers, firstRun, PASSWORD, signIn, switchUser } from './flows.ts';
import type { Attribute } from '../../shared/types.ts';
import { unpackDocument, type DecisionInput } from '../../shared/ipc/records.ts';

const parkingReply = ['玉林市人民政府', '关于城区停车收费标准的批复', '玉政函〔2026〕12号', '市发展改革委：', '你委关于城区停车收费标准的请示收悉。经研究，同意所报收费标准，自2026年3月1日起执行。', '玉林市人民政府', '2026年2月10日'].join('\n');

/** Imports the files through the real core and takes one decision per document to signed, as the three officers would. */
async function seedSignedDecisions(desk: Desk, files: string[], attributes: Record<string, Attribute>): Promise<void> {
  const { api } = desk.core;
  await api.login({ name: 'zhangni', password: PASSWORD });
  const { jobId } = await api.startImport({ paths: files });
  await expect.poll(async () => (await api.importStatus({ jobId })).finished).toBe(true);
  const docs = (await api.listDocuments({ limit: 100 })).rows;
  const decisionIds: number[] = [];
  for (const [docNumber, attribute] of Object.entries(attributes)) {
    const row = docs.find((d) => d.docNumber === docNumber)!;
    const detail = unpackDocument(await api.getDocument({ documentId: row.id }));
    const open = detail.findings.filter((f) => !f.negated);
    const input: DecisionInput = {
      documentId: row.id,
      attribute,
      reason: attribute === 'withheld' ? '版头标有密级，属国家秘密' : attribute === 'partial' ? '含当事人个人信息，区分处理后公开' : '仅涉及特定相对人，依申请公开',
      basis: attribute === 'withheld' ? ['条例第十四条'] : attribute === 'partial' ? ['条例第三十七条', '条例第十五条'] : ['条例第二十七条'],
      basisText: '',
      justification: '经公开办审查认定',
      dispositions: open.map((f) => ({ findingId: f.id, action: attribute === 'withheld' ? 'confirm' : attribute === 'partial' && f.kind === 'pii' ? 'redact' : 'dismiss', reason: '经核实' })),
      redactions: attribute === 'partial' ? open.filter((f) => f.kind === 'pii').map((f) => ({ start: f.start, end: f.end, basis: '条例第十五条', findingId: f.id })) : [],
      channels: attribute === 'partial' ? ['website'] : [],
    };
    const saved = await api.saveDecision(input);
    await api.submitDecision({ decisionId: saved.id });
    decisionIds.push(saved.id);
  }
  await api.login({ name: 'lishen', password: PASSWORD });
  for (const decisionId of decisionIds) await api.approveDecision({ decisionId });
  await api.login({ name: 'zhaoqian', password: PASSWORD });
  for (const decisionId of decisionIds) await api.signDecision({ decisionId, password: PASSWORD });
  await api.logout();
}

async function registerRequest(page: Page, search: string, applicant: string) {
  await page.getByRole('button', { name: '登记申请' }).click();
  const dialog = page.getByRole('dialog', { name: '登记政府信息公开申请' });
  await dialog.getByLabel('在登记簿中检索文件').fill(search);
  await dialog.getByRole('button', { name: /^选定：/ }).first().click();
  await expect(dialog.getByRole('status')).toContainText('已选定');
  await dialog.getByLabel('申请人类型').selectOption({ label: applicant });
  await dialog.getByRole('button', { name: '登记', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(/已登记第 \d+ 号申请，答复期限 \d{4}-\d{2}-\d{2}。/).last()).toBeVisible();
}

/** Works a queue to empty from the 待办 navigation: open each document and take the one action on it. */
async function workQueue(page: Page, queue: RegExp, act: (page: Page) => Promise<void>) {
  const nav = page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: queue });
  for (;;) {
    await nav.click();
    await expect(page.locator('.queue-view')).toBeVisible();
    const items = page.locator('.queue-item');
    if ((await items.count()) === 0) break;
    await items.first().click();
    await act(page);
  }
}

test('a small November inspection: requests with deadlines, worklist, adopted suggestions through review and sign-off, close, exports and a verified bundle', async ({ desk }) => {
  const { page } = desk;
  const year = new Date().getFullYear();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'desk-inspection-'));
  const files = [await writeText(dir, '安全防范通知.txt', classifiedNotice()), await writeDocx(dir, '行政处罚决定书.docx', penaltyDecision()), await writeText(dir, '停车收费批复.txt', parkingReply)];

  await firstRun(desk);
  await addUsers(desk, [
    { name: 'zhangni', displayName: '张拟稿', roles: ['drafter'] },
    { name: 'lishen', displayName: '李审查', roles: ['reviewer'] },
    { name: 'zhaoqian', displayName: '赵签发', roles: ['signer'] },
  ]);
  await desk.core.api.setInspectionConfig({ unitName: '玉林市测试局', reportTo: '玉林市人民政府办公室' });
  await seedSignedDecisions(desk, files, { '玉政办发〔2024〕9号': 'withheld', '玉市监处罚〔2024〕15号': 'partial', '玉政函〔2026〕12号': 'on-request' });
  await page.reload();
  await signIn(page, 'lishen');

  // 依申请登记: two requests for the parking reply, each with its 20-working-day deadline.
  await page.getByRole('button', { name: '依申请登记' }).click();
  await expect(page.getByRole('heading', { name: '依申请公开登记' })).toBeVisible();
  await registerRequest(page, '停车收费', '自然人');
  await registerRequest(page, '玉政函', '商业企业');
  const table = page.getByRole('table', { name: '依申请公开登记' });
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(table.locator('tbody tr').first()).toContainText(/\d{4}-\d{2}-\d{2}/);
  await expect(table.locator('tbody tr').first()).toContainText(/\d+ 个工作日/);
  await expect(table.locator('tbody tr').first()).toContainText('该文件本年被申请 2 次');
  await expect(page.getByRole('complementary', { name: '本年度申请较多的文件' })).toContainText('关于城区停车收费标准的批复');
  await desk.shot('01 requests registered with deadlines');

  // 年度自查: open this year's inspection; the three signed decisions are listed with their rules and suggestions.
  await page.getByRole('button', { name: '年度自查' }).click();
  await expect(page.getByRole('heading', { name: `${year}年度自查` })).toBeVisible();
  await expect(page.getByLabel('自查年度')).toHaveValue(String(year));
  if (new Date().getMonth() === 10) await expect(page.locator('.november-banner')).toContainText('现在是11月');
  await page.getByRole('button', { name: '开启自查' }).click();
  await expect(page.getByText(`${year}年度自查已开启，列入 3 件。`)).toBeVisible();
  const worklist = page.getByRole('table', { name: '年度自查' });
  await expect(worklist.locator('tbody tr')).toHaveCount(3);
  const parking = worklist.locator('tbody tr', { hasText: '关于城区停车收费标准的批复' });
  await expect(parking).toContainText('依申请公开较为集中');
  await expect(parking).toContainText('本年申请 2 次');
  await expect(parking.locator('.wl-suggestion')).toContainText('转为主动公开');
  const secret = worklist.locator('tbody tr', { hasText: '关于做好重点时段安全防范工作的通知' });
  await expect(secret).toContainText('不予公开信息');
  await expect(secret).toContainText('保密期限至');
  await expect(secret.locator('.wl-suggestion')).toContainText('维持原属性');
  await expect(worklist.locator('tbody tr', { hasText: '玉市监处罚〔2024〕15号' })).toContainText('部分公开信息');
  await expect(page.getByRole('region', { name: '进度' })).toContainText('已办结 0 / 3 件');
  await expect(page.getByRole('button', { name: '结束自查' })).toBeDisabled();
  await expect(page.locator('.close-readiness')).toContainText('3 项尚未提出处理意见');
  await desk.shot('02 inspection opened with the worklist');

  // The drafter adopts every suggestion in one step, with the justification each new decision carries.
  await switchUser(page, 'zhangni');
  await page.getByRole('button', { name: '年度自查' }).click();
  await page.getByRole('button', { name: '全部待处理项采纳建议（3 项）' }).click();
  const adopt = page.getByRole('dialog', { name: '采纳系统建议' });
  await expect(adopt).toContainText('维持原属性 2 项，转为主动公开 1 项');
  await adopt.getByRole('button', { name: '生成新决定' }).click();
  await expect(adopt.getByRole('alert')).toHaveText('请填写自查说明。');
  await adopt.getByLabel('自查说明（记入每项新决定）').fill('经逐项核实：涉密事项仍在保密期限内，处罚决定已作区分处理；停车收费批复申请集中，转为主动公开');
  // Two outcomes under one justification: core refuses until the drafter confirms it fits both.
  await adopt.getByRole('button', { name: '生成新决定' }).click();
  await expect(adopt.getByRole('alert')).toContainText('维持原属性2项，转为主动公开1项');
  await adopt.getByLabel('这条说明适用于以上全部各项（各项处理意见不同）').check();
  await adopt.getByRole('button', { name: '生成新决定' }).click();
  await expect(page.getByText('已提出 3 项处理意见，新决定已进入审查、签发流程。')).toBeVisible();
  await expect(worklist.locator('.progress-badge.progress-proposed')).toHaveCount(3);
  await expect(parking.locator('.wl-outcome')).toContainText('转为主动公开');
  await desk.shot('03 suggestions adopted, decisions in review');

  // The new decisions go through the normal flow: the 公开办 reviews, the signer signs.
  await switchUser(page, 'lishen');
  await workQueue(page, /待我审查/, async (p) => {
    await p.getByRole('button', { name: '审查通过' }).click();
    await p.getByRole('dialog', { name: '审查通过' }).getByRole('button', { name: '审查通过' }).click();
    await expect(p.locator('.workspace-head .state')).toHaveText('审查通过');
  });
  await switchUser(page, 'zhaoqian');
  await workQueue(page, /待我签发/, async (p) => {
    await p.getByRole('button', { name: '签发', exact: true }).click();
    const sign = p.getByRole('dialog', { name: '签发公开属性' });
    await sign.getByLabel('请输入您的口令以解锁签发密钥').fill(PASSWORD);
    await sign.getByRole('button', { name: '签名并签发' }).click();
    await expect(p.locator('.workspace-head .state')).toHaveText('已签发');
  });
  await desk.shot('04 new decisions signed');

  // The office closes the inspection: figures lock; the ledger is exported.
  await switchUser(page, 'lishen');
  await page.getByRole('button', { name: '年度自查' }).click();
  await expect(page.getByRole('region', { name: '进度' })).toContainText('已办结 3 / 3 件');
  await expect(page.getByRole('region', { name: '进度' })).toContainText('已转为主动公开 1 件');
  await expect(page.locator('.close-readiness')).toContainText('全部办结');
  await page.getByRole('button', { name: '结束自查' }).click();
  await page.getByRole('dialog', { name: '结束自查' }).getByRole('button', { name: '结束自查' }).click();
  await expect(page.locator('.locked-banner')).toContainText('结束并锁定');
  await expect(page.getByRole('button', { name: '结束自查' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /采纳建议/ })).toHaveCount(0);
  const ledger = path.join(dir, '自查台账.xlsx');
  desk.dialogs.savePaths.push(ledger);
  await page.getByRole('button', { name: '自查台账（xlsx）' }).click();
  await expect(page.getByText(`已导出自查台账（xlsx）：${ledger}`)).toBeVisible();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(ledger);
  expect(book.worksheets.length).toBeGreaterThanOrEqual(5);
  await expect(page.getByRole('button', { name: '签名包（报送）' })).toBeDisabled();
  await expect(page.getByText('签名包须由审签人用签发密钥签名导出。')).toBeVisible();
  await desk.shot('05 inspection closed and locked, ledger exported');

  // The signer exports the signed bundle with the password; it verifies offline, and a tampered copy is refused.
  await switchUser(page, 'zhaoqian');
  await page.getByRole('button', { name: '年度自查' }).click();
  const bundle = path.join(dir, '自查签名包.json');
  desk.dialogs.savePaths.push(bundle);
  await page.getByRole('button', { name: '签名包（报送）' }).click();
  const bundleDialog = page.getByRole('dialog', { name: '导出签名包' });
  await bundleDialog.getByLabel('口令').fill('wrong-password');
  await bundleDialog.getByRole('button', { name: '签名并导出' }).click();
  await expect(bundleDialog.getByRole('alert')).toBeVisible();
  await expect(bundleDialog).toContainText('.checkpoint.json');
  // The signer reads the key fingerprint from this dialog and passes it on to the government office by telephone.
  const spokenFingerprint = (await bundleDialog.getByText(/^[0-9A-F]{4}( [0-9A-F]{4}){15}$/).textContent())!;
  await bundleDialog.getByLabel('口令').fill(PASSWORD);
  await bundleDialog.getByRole('button', { name: '签名并导出' }).click();
  await expect(page.getByText(`已导出签名包（报送）：${bundle}`)).toBeVisible();
  const check = await desk.core.api.verifyBundle({ path: bundle });
  expect(check).toMatchObject({ ok: true, unitName: '玉林市测试局', year });

  const tampered = path.join(dir, '被改动的签名包.json');
  const body = JSON.parse(await readFile(bundle, 'utf8')) as { summary: { converted: { toProactive: number } } };
  body.summary.converted.toProactive = 3;
  await writeFile(tampered, JSON.stringify(body));
  await page.getByRole('button', { name: '汇总' }).click();
  desk.dialogs.files.push([bundle, tampered]);
  await page.getByRole('button', { name: '仅核验' }).click();
  const checks = page.getByRole('region', { name: '核验结果' });
  await expect(checks.locator('li.check-ok')).toContainText('签名文件完好');
  await expect(checks.locator('li.check-refused')).toContainText('签名后被改动');
  await desk.shot('06 bundle verified, tampered copy refused');

  // The year's annual-report figures come from the same record.
  await page.getByRole('button', { name: '年报数字' }).click();
  const decisions = page.getByRole('region', { name: '公开属性认定' });
  await expect(decisions.locator('tr', { hasText: '主动公开' })).toContainText('1');
  await expect(page.getByRole('region', { name: '收到和处理政府信息公开申请情况' })).toContainText('合计 2');
  await desk.shot('07 annual figures');

  // The government office imports the bundles: the intact one counts in the consolidated table, the tampered one is refused with the reason.
  await switchUser(page, 'lishen');
  await page.getByRole('button', { name: '汇总' }).click();
  desk.dialogs.files.push([bundle, tampered]);
  await page.getByRole('button', { name: '导入签名包' }).click();
  await expect(page.getByText('导入完成：采信 0 个，拒收 2 个。')).toBeVisible();
  const imported = page.getByRole('region', { name: '核验结果' });
  await expect(imported.locator('li.check-refused', { hasText: '被改动的签名包.json' })).toContainText('签名后被改动');
  // A unit seen for the first time counts only once the office confirms the fingerprint the unit gave by telephone.
  await expect(imported.locator('li.check-refused', { hasText: '自查签名包.json' }).first()).toContainText('尚未登记的单位');
  await imported.locator('li', { hasText: '尚未登记的单位' }).getByRole('button', { name: '输入公钥指纹确认' }).click();
  const confirm = page.getByRole('dialog', { name: '确认单位的签名公钥' });
  await confirm.getByLabel('单位告知的公钥指纹').fill(spokenFingerprint);
  await confirm.getByRole('button', { name: '核对指纹并导入' }).click();
  await expect(page.getByText('已确认玉林市测试局的签名公钥并导入签名包，此项决定已记入审计日志。')).toBeVisible();
  const consolidated = page.getByRole('table', { name: `${year}年度各单位自查汇总` });
  const unitRow = consolidated.locator('tbody tr', { hasText: '玉林市测试局' });
  await expect(unitRow).toBeVisible();
  await expect(unitRow.locator('td').nth(2)).toHaveText('3');
  await expect(unitRow.locator('td').nth(8)).toHaveText('1');
  await expect(consolidated.locator('tfoot')).toContainText('合计（1 个单位）');
  const summaryFile = path.join(dir, '汇总表.xlsx');
  desk.dialogs.savePaths.push(summaryFile);
  await page.getByRole('button', { name: '导出汇总表（xlsx）' }).click();
  await expect(page.getByText(`汇总表已导出：${summaryFile}`)).toBeVisible();
  await desk.shot('08 office consolidates the imported bundle');
});
