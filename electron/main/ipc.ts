import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channelNames, contract, type ChannelName } from '../../shared/ipc.ts';
import type { Envelope } from '../../shared/ipc/channel.ts';
import { hostMessages as m } from '../../shared/messages/host.ts';
import { validateCall } from '../core/host/dispatch.ts';
import { isAppUrl } from './security.ts';

export type MainHandler = (...args: unknown[]) => Promise<unknown>;

/**
 * Registers every contract channel through one gate: the sender must be the app's own main frame,
 * and arguments must parse against the contract before anything else runs.
 */
export function registerIpc(options: {
  mainContents: () => WebContents | null;
  forwardToCore: (channel: ChannelName, args: unknown[]) => Promise<Envelope<unknown>>;
  mainHandlers: Partial<Record<ChannelName, MainHandler>>;
}): void {
  for (const name of channelNames) {
    ipcMain.handle(name, async (event: IpcMainInvokeEvent, ...raw: unknown[]): Promise<Envelope<unknown>> => {
      const frame = event.senderFrame;
      const contents = options.mainContents();
      if (!contents || event.sender !== contents || !frame || frame !== contents.mainFrame || !isAppUrl(frame.url)) {
        return { ok: false, error: { code: 'forbidden-sender', message: m.rejectedSender } };
      }
      const call = validateCall(name, raw);
      if (!call.ok) return { ok: false, error: call.error };
      if (contract[name].host === 'main') {
        const handler = options.mainHandlers[name];
        if (!handler) return { ok: false, error: { code: 'unknown-channel', message: m.unknownChannel(name) } };
        try {
          return { ok: true, value: await handler(...call.args) };
        } catch (error) {
          return { ok: false, error: { code: 'internal', message: m.internal(String(error)) } };
        }
      }
      return options.forwardToCore(name, call.args);
    });
  }
}
