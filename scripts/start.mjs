// `npm start`: build the app, then open it in Electron. Without the Electron binary, say how to get it in one line.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
  const pkg = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(pkg, 'path.txt');
  if (existsSync(pathFile)) return path.join(pkg, 'dist', require('node:fs').readFileSync(pathFile, 'utf8'));
  // First start on a machine with internet: electron's own installer fetches the binary once.
  const install = spawnSync(process.execPath, [path.join(pkg, 'install.js')], { stdio: ['ignore', 'ignore', 'ignore'] });
  if (install.status === 0 && existsSync(pathFile)) return path.join(pkg, 'dist', require('node:fs').readFileSync(pathFile, 'utf8'));
  return null;
}

const build = spawnSync(bin('electron-vite'), ['build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

const electron = electronBinary();
if (!electron || !existsSync(electron)) {
  console.error('未找到 Electron 运行文件：请在可联网的电脑上运行 “npx install-electron” 下载，或把已有的 Electron 45 目录设为环境变量 ELECTRON_OVERRIDE_DIST_PATH 后再运行 npm start。');
  process.exit(1);
}
const child = spawn(electron, [path.join(root, 'out', 'main', 'index.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
