import { test, expect } from './fixtures.ts';

test('the window shows the app title in Chinese and reaches the real core', async ({ desk }) => {
  const { page } = desk;
  await expect(page).toHaveTitle('公开属性审查台');
  await expect(page.getByRole('heading', { name: '公开属性审查台' })).toBeVisible();
  const info = await page.evaluate(() => window.api.getAppInfo());
  expect(info.shell).toBe('browser-twin');
  expect(info.dataDir).toBe(desk.dataDir);
  await desk.shot('start');
});

test('the twin enforces the contract: bad arguments come back as a Chinese error with a code', async ({ desk }) => {
  const error = await desk.page.evaluate(async () => {
    try {
      await (window.api.chooseSavePath as unknown as (x: unknown) => Promise<unknown>)({ defaultName: 42 });
      return null;
    } catch (e) {
      return e as { code: string; message: string };
    }
  });
  expect(error?.code).toBe('invalid-arguments');
  expect(error?.message).toMatch(/参数不合法/);
});

test('the page cannot reach the network', async ({ desk }) => {
  const outcome = await desk.page.evaluate(async () => {
    try {
      await fetch('https://example.com/');
      return 'reached';
    } catch {
      return 'blocked';
    }
  });
  expect(outcome).toBe('blocked');
});
