import type { Attribute } from './types.ts';

/**
 * 公开方式: where a 公文 released in whole or in part is published (seed 004 第四十六条 records it with the
 * attribute; seed 000/001 name the platforms). `other` needs the channel written out.
 */
export const channels = ['website', 'gazette', 'new-media', 'board', 'other'] as const;
export type Channel = (typeof channels)[number];

/** Attributes whose decision says how the 公文 is published: those released, wholly or in part. */
export const channelsRequired = (attribute: Attribute): boolean => attribute === 'proactive' || attribute === 'partial';

/** The channels in their fixed order, each once. */
export const orderedChannels = (picked: readonly Channel[]): Channel[] => channels.filter((c) => picked.includes(c));

/** The government website is the first platform of 政务公开 (seed 001 (六), seed 004 第四十条): where a conversion publishes when nothing else was said. */
export const defaultChannel: Channel = 'website';
