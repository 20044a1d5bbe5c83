import type { Envelope } from '../../../shared/ipc/channel.ts';

export type CoreRequest = { type: 'call'; id: number; channel: string; args: unknown[] } | { type: 'close' };
export type CoreReply = { type: 'ready' } | { type: 'closed' } | { type: 'reply'; id: number; envelope: Envelope<unknown> };
