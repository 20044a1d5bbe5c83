import type { z } from 'zod';
import type { ApiError } from '../types.ts';

/** A channel: runtime schema for its arguments, compile-time type for its response. */
export interface Channel<A extends z.ZodTuple = z.ZodTuple, R = unknown> {
  args: A;
  /** 'main' channels are answered by the Electron glue (dialogs); 'core' ones by the core services. */
  host: 'main' | 'core';
  readonly response?: R;
}

export const channel =
  <A extends z.ZodTuple>(args: A, host: 'main' | 'core' = 'core') =>
  <R>(): Channel<A, R> => ({ args, host });

type ChannelMap = Record<string, Channel>;

export type ApiOf<C extends ChannelMap> = {
  [K in keyof C]: C[K] extends Channel<infer A, infer R> ? (...args: z.infer<A>) => Promise<R> : never;
};

/** What crosses the process boundary: errors travel as data, never as thrown Error objects. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };
