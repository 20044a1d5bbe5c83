/// <reference types="vite/client" />
import type { Api } from '../../shared/ipc.ts';
import type { FilesBridge } from '../../shared/ipc/bridge.ts';

declare global {
  interface Window {
    api: Api;
    files: FilesBridge;
  }
}
