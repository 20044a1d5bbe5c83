import { app, session, type WebContents } from 'electron';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://desk`;

/** The dev server is allowed only in `electron-vite dev`, and only on loopback. */
export function devServerUrl(): string | null {
  const url = process.env.ELECTRON_RENDERER_URL;
  if (!url || app.isPackaged) return null;
  const { hostname } = new URL(url);
  return hostname === 'localhost' || hostname === '127.0.0.1' ? url : null;
}

export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    if (url.protocol === `${APP_SCHEME}:` && url.host === 'desk') return true;
    const dev = devServerUrl();
    return dev !== null && url.origin === new URL(dev).origin;
  } catch {
    return false;
  }
}

/** Offline by design: every request that is not app content is cancelled, and no permission is ever granted. */
export function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAppUrl(details.url) || details.url.startsWith('devtools:') || (devServerUrl() !== null && details.url.startsWith('ws://localhost'));
    callback({ cancel: !allowed });
  });
}

export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (url !== contents.getURL()) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
