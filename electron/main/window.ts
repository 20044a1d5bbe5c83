import { BrowserWindow } from 'electron';
import path from 'node:path';
import { APP_ORIGIN, devServerUrl, hardenContents } from './security.ts';
import { secureWebPreferences } from './web-preferences.ts';

/** The one place windows are made, so every window gets the same locked-down preferences. */
export function createMainWindow(preloadPath: string, iconPath: string, packaged: boolean): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 1024,
    minHeight: 680,
    title: '公开属性审查台',
    show: false,
    backgroundColor: '#f6f5f2',
    icon: iconPath,
    webPreferences: secureWebPreferences(path.resolve(preloadPath), { packaged }),
  });
  hardenContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  const dev = devServerUrl();
  void window.loadURL(dev ?? `${APP_ORIGIN}/index.html`);
  return window;
}
