import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from '../../electron/main/menu.ts';
import { openDialogOptions, saveDialogOptions } from '../../electron/main/dialogs.ts';

/** Every role and label in a menu template, submenus included. */
function items(template: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

describe('the application menu', () => {
  it('offers neither reload nor the developer tools in an installed copy, on any platform', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      const roles = items(menuTemplate({ packaged: true, platform })).map((i) => i.role?.toLowerCase());
      expect(roles, platform).not.toContain('toggledevtools');
      expect(roles, platform).not.toContain('reload');
      expect(roles, platform).not.toContain('forcereload');
      expect(roles, platform).toEqual(expect.arrayContaining(['copy', 'paste', 'selectall', 'close']));
    }
  });

  it('keeps the developer tools for a development build', () => {
    expect(items(menuTemplate({ packaged: false, platform: 'linux' })).map((i) => i.role)).toContain('toggleDevTools');
  });

  it('is in Chinese: 文件, 编辑, 视图, 窗口, 帮助, and every item it names has a label', () => {
    const template = menuTemplate({ packaged: true, platform: 'win32' });
    expect(template.map((i) => i.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    for (const item of items(template)) if (item.type !== 'separator') expect(item.label, String(item.role)).toMatch(/\p{Script=Han}/u);
  });
});

describe('the native dialogs', () => {
  const request = { defaultName: '台账.xlsx', filters: [{ name: 'Excel', extensions: ['xlsx'] }] };

  it('asks before replacing a file on Linux, where GTK does not by default; Windows and macOS ask on their own', () => {
    expect(saveDialogOptions(request, 'linux').properties).toContain('showOverwriteConfirmation');
    for (const platform of ['win32', 'darwin'] as const) expect(saveDialogOptions(request, platform).properties ?? []).not.toContain('showOverwriteConfirmation');
  });

  it('says when a checkpoint file of the same name will be written beside the chosen file', () => {
    const plain = saveDialogOptions(request, 'linux');
    const bundle = saveDialogOptions({ ...request, defaultName: '签名包.json', companion: 'checkpoint' }, 'linux');
    expect(plain.title).not.toContain('checkpoint');
    expect(bundle.title).toContain('.checkpoint.json');
    expect(bundle.message).toContain('.checkpoint.json');
    expect(bundle.defaultPath).toBe('签名包.json');
  });

  it('opens documents with a Chinese title and filter, and folders without a filter', () => {
    expect(openDialogOptions({})).toMatchObject({ title: '选择公文', properties: ['openFile', 'multiSelections'] });
    expect(openDialogOptions({ folders: true })).toMatchObject({ title: '选择文件夹', properties: ['openDirectory', 'multiSelections'], filters: [] });
  });
});
