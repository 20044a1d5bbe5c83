import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../electron/main/web-preferences.ts';

describe('window web preferences', () => {
  it('follow the Electron security checklist', () => {
    const prefs = secureWebPreferences('/app/preload.cjs', { packaged: true });
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, webviewTag: false, webSecurity: true, allowRunningInsecureContent: false });
  });

  it('turn the developer tools off in an installed copy and leave them to development builds', () => {
    expect(secureWebPreferences('/app/preload.cjs', { packaged: true }).devTools).toBe(false);
    expect(secureWebPreferences('/app/preload.cjs', { packaged: false }).devTools).toBe(true);
  });
});
