import type { MenuItemConstructorOptions } from 'electron';
import { shellMessages } from '../../shared/messages/shell.ts';

const m = shellMessages.menu;

/**
 * The application menu. Electron's default menu offers reload and the developer tools, which in an installed
 * copy would let anyone at the desk run script in the page; they appear here only in a development build.
 */
export function menuTemplate(options: { packaged: boolean; platform: NodeJS.Platform }): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const development: MenuItemConstructorOptions[] = options.packaged
    ? []
    : [{ type: 'separator' }, { role: 'reload', label: m.reload }, { role: 'toggleDevTools', label: m.devTools }];
  return [
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    { label: m.file, submenu: [mac ? { role: 'close', label: m.close } : { role: 'quit', label: m.quit }] },
    {
      label: m.edit,
      submenu: [
        { role: 'undo', label: m.undo },
        { role: 'redo', label: m.redo },
        { type: 'separator' },
        { role: 'cut', label: m.cut },
        { role: 'copy', label: m.copy },
        { role: 'paste', label: m.paste },
        { role: 'selectAll', label: m.selectAll },
      ],
    },
    {
      label: m.view,
      submenu: [
        { role: 'resetZoom', label: m.resetZoom },
        { role: 'zoomIn', label: m.zoomIn },
        { role: 'zoomOut', label: m.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: m.fullScreen },
        ...development,
      ],
    },
    { label: m.window, submenu: [{ role: 'minimize', label: m.minimize }, { role: 'close', label: m.close }] },
    { label: m.help, submenu: [{ role: 'about', label: m.about }] },
  ];
}
