import { app, BrowserWindow, dialog, Menu } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CoreClient } from '../core/host/client.ts';
import { defaultDataDir } from '../core/data-dir.ts';
import { openDialogOptions, saveDialogOptions, type SaveRequest } from './dialogs.ts';
import { registerIpc } from './ipc.ts';
import { menuTemplate } from './menu.ts';
import { PathGrants } from './path-grants.ts';
import { registerAppScheme, serveRenderer } from './protocol.ts';
import { hardenContents, lockDownSession } from './security.ts';
import { createMainWindow } from './window.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const appRoot = app.isPackaged ? process.resourcesPath : path.resolve(here, '..', '..');

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

// The same folder the CLI uses by default, so both work on one database.
const dataDir = argValue('--data-dir') ?? defaultDataDir();
app.setPath('userData', dataDir);
app.enableSandbox();
registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

let mainWindow: BrowserWindow | null = null;
const grants = new PathGrants();
const core = new CoreClient(pathToFileURL(path.join(here, 'core-worker.js')), {
  dataDir,
  dbPath: argValue('--db') ?? process.env.DISCLOSURE_DESK_DB,
  lexiconDir: path.join(appRoot, 'resources', 'lexicon'),
  intakeWorkerUrl: pathToFileURL(path.join(here, 'intake-worker.js')).href,
  shell: 'electron',
  version: app.getVersion(),
});

app.on('web-contents-created', (_event, contents) => hardenContents(contents));
app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
});

app.whenReady().then(() => {
  lockDownSession();
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ packaged: app.isPackaged, platform: process.platform })));
  serveRenderer(path.join(here, '..', 'renderer'));
  registerIpc({
    mainContents: () => mainWindow?.webContents ?? null,
    grants,
    forwardToCore: (channel, args) => core.call(channel, args),
    mainHandlers: {
      chooseFiles: async (options) => {
        const request = options as { folders?: boolean };
        const result = await dialog.showOpenDialog(mainWindow!, openDialogOptions(request));
        if (result.canceled) return [];
        for (const p of result.filePaths) (request.folders ? grants.grantFolder(p) : grants.grantFile(p));
        return result.filePaths;
      },
      chooseSavePath: async (options) => {
        const result = await dialog.showSaveDialog(mainWindow!, saveDialogOptions(options as SaveRequest, process.platform));
        if (result.canceled || !result.filePath) return null;
        grants.grantSave(result.filePath);
        return result.filePath;
      },
    },
  });
  mainWindow = createMainWindow(path.join(here, '..', 'preload', 'index.cjs'), path.join(appRoot, 'resources', 'icons', 'icon.png'), app.isPackaged);
  mainWindow.on('closed', () => (mainWindow = null));
});

app.on('window-all-closed', () => app.quit());
app.on('will-quit', (event) => {
  event.preventDefault();
  app.removeAllListeners('will-quit');
  void core.close().finally(() => app.quit());
});
