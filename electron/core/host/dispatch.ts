import { contract, type ChannelName } from '../../../shared/ipc.ts';
import type { Envelope } from '../../../shared/ipc/channel.ts';
import type { ApiError } from '../../../shared/types.ts';
import { hostMessages as m } from '../../../shared/messages/host.ts';
import type { CoreApi } from '../api.ts';

function isChannel(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** Runtime check of a call's arguments against the contract, for the channels the Electron glue answers itself; core parses its own. */
export function validateCall(channel: unknown, args: unknown): { ok: true; channel: ChannelName; args: unknown[] } | { ok: false; error: ApiError } {
  if (!isChannel(channel)) return { ok: false, error: { code: 'unknown-channel', message: m.unknownChannel(String(channel)) } };
  const parsed = contract[channel].args.safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: { code: 'invalid-arguments', message: m.invalidArguments(channel, issue ? `${issue.path.join('.')} ${issue.message}` : '') } };
  }
  return { ok: true, channel, args: parsed.data as unknown[] };
}

function toApiError(error: unknown): ApiError {
  if (error && typeof error === 'object' && typeof (error as ApiError).code === 'string' && typeof (error as ApiError).message === 'string') {
    return { code: (error as ApiError).code, message: (error as ApiError).message };
  }
  return { code: 'internal', message: m.internal(error instanceof Error ? error.message : String(error)) };
}

/** Carries a call to core, which parses its arguments itself: this gate only checks the channel is core's. */
export async function dispatch(api: CoreApi, channel: unknown, args: unknown): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) return { ok: false, error: { code: 'unknown-channel', message: m.unknownChannel(String(channel)) } };
  const fn = (api as unknown as Record<string, ((...a: unknown[]) => Promise<unknown>) | undefined>)[channel];
  if (!fn) return { ok: false, error: { code: 'unknown-channel', message: m.notInCore(channel) } };
  if (!Array.isArray(args)) return { ok: false, error: { code: 'invalid-arguments', message: m.invalidArguments(channel, '') } };
  try {
    return { ok: true, value: await fn(...args) };
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
}
