import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { DROPPED_PATH_CHANNEL } from '../../shared/ipc/bridge.ts';
import { channelNames, contract, type ChannelName } from '../../shared/ipc.ts';
import type { Envelope } from '../../shared/ipc/channel.ts';
import { hostMessages as m } from '../../shared/messages/host.ts';
import { validateCall } from '../core/host/dispatch.ts';
import type { PathGrants } from './path-grants.ts';
import { isAppUrl } from './security.ts';

type MainHandler = (...args: unknown[]) => Promise<unknown>;

/**
 * Registers every contract channel through one gate: the sender must be the app's own main frame and every
 * path argument must have been granted by the user. Arguments are parsed once: by core for its channels, here for main's.
 */
export function registerIpc(options: {
  mainContents: () => WebContents | null;
  grants: PathGrants;
  forwardToCore: (channel: ChannelName, args: unknown[]) => Promise<Envelope<unknown>>;
  mainHandlers: Partial<Record<ChannelName, MainHandler>>;
}): void {
  const fromApp = (event: IpcMainInvokeEvent | IpcMainEvent) => {
    const frame = event.senderFrame;
    const contents = options.mainContents();
    return Boolean(contents && event.sender === contents && frame && frame === contents.mainFrame && isAppUrl(frame.url));
  };
  // The preload reports the path of a file really dropped on the window (webUtils gives none for page-made Files).
  ipcMain.on(DROPPED_PATH_CHANNEL, (event, file: unknown) => {
    if (fromApp(event) && typeof file === 'string' && file.length > 0 && file.length <= 4096) options.grants.grantFolder(file);
  });
  for (const name of channelNames) {
    ipcMain.handle(name, async (event: IpcMainInvokeEvent, ...raw: unknown[]): Promise<Envelope<unknown>> => {
      if (!fromApp(event)) return { ok: false, error: { code: 'forbidden-sender', message: m.rejectedSender } };
      // The contract's schemas never transform a value, so the paths in the raw arguments are the paths core will parse and use.
      const refused = options.grants.refusal(contract[name].args, raw);
      if (refused !== undefined) return { ok: false, error: { code: 'path-not-granted', message: m.pathNotGranted(refused) } };
      // Core parses the arguments of its own channels; main parses only those it answers itself.
      if (contract[name].host === 'core') return options.forwardToCore(name, raw);
      const call = validateCall(name, raw);
      if (!call.ok) return { ok: false, error: call.error };
      const handler = options.mainHandlers[name];
      if (!handler) return { ok: false, error: { code: 'unknown-channel', message: m.unknownChannel(name) } };
      try {
        return { ok: true, value: await handler(...call.args) };
      } catch (error) {
        return { ok: false, error: { code: 'internal', message: m.internal(String(error)) } };
      }
    });
  }
}
