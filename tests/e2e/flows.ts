import type { Page } from '@playwright/test';
import { expect, type Desk } from './fixtures.ts';
import type { Role } from '../../shared/types.ts';

export const PASSWORD = 'correct-horse-1';

/** First run through the UI: the admin is created on screen and signed in. */
export async function firstRun(desk: Desk): Promise<void> {
  const { page } = desk;
  await expect(page.getByRole('heading', { name: '首次使用：创建管理员' })).toBeVisible();
  await page.getByLabel('姓名').fill('王管理');
  await page.getByLabel('口令', { exact: true }).fill(PASSWORD);
  await page.getByLabel('再次输入口令').fill(PASSWORD);
  await page.getByRole('button', { name: '创建管理员并进入' }).click();
  await expect(page.getByLabel('当前用户')).toContainText('王管理');
}

/** Accounts for the test, added through core while the admin is signed in (the twin shares one session). */
export async function addUsers(desk: Desk, users: { name: string; displayName: string; roles: Role[] }[]): Promise<void> {
  for (const u of users) await desk.core.api.addUser({ ...u, password: PASSWORD, adminPassword: PASSWORD });
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
}

export async function signIn(page: Page, name: string, password = PASSWORD): Promise<void> {
  await page.getByLabel('账户').selectOption(name);
  await page.getByLabel('口令').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByLabel('当前用户')).toContainText(`（${name}）`);
}

export async function switchUser(page: Page, name: string): Promise<void> {
  await signOut(page);
  await signIn(page, name);
}

export const finding = (page: Page, term: string) => page.locator('.finding').filter({ has: page.locator('.finding-term', { hasText: term }) });
