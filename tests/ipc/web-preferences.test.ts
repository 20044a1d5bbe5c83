import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../electron/main/web-preferences.ts';

describe('window web preferences', () => {
  it('follow the Electron security checklist', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, webviewTag: false, webSecurity: true, allowRunningInsecureContent: false });
  });
});
