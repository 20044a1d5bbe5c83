import type { WebPreferences } from 'electron';

/** The official security checklist, in one object every window is made with; an installed copy has no developer tools. */
export function secureWebPreferences(preloadPath: string, options: { packaged: boolean }): WebPreferences {
  return {
    devTools: !options.packaged,
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    spellcheck: false,
    navigateOnDragDrop: false,
  };
}
