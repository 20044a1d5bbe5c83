import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { channelNames, type Api, type ChannelName } from '../../shared/ipc.ts';
import type { Envelope } from '../../shared/ipc/channel.ts';
import { DROPPED_PATH_CHANNEL, type FilesBridge } from '../../shared/ipc/bridge.ts';

// One function per contract channel; the IPC event, ipcRenderer and process never reach the page.
function bridge(name: ChannelName) {
  return async (...args: unknown[]) => {
    const envelope = (await ipcRenderer.invoke(name, ...args)) as Envelope<unknown>;
    if (envelope.ok) return envelope.value;
    throw { code: envelope.error.code, message: envelope.error.message };
  };
}

const api = Object.fromEntries(channelNames.map((name) => [name, bridge(name)])) as unknown as Api;
const files: FilesBridge = {
  pathForFile: (file) => {
    const path = webUtils.getPathForFile(file as File);
    if (!path) return null;
    ipcRenderer.send(DROPPED_PATH_CHANNEL, path);
    return path;
  },
};

contextBridge.exposeInMainWorld('api', api);
contextBridge.exposeInMainWorld('files', files);
