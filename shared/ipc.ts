import type { ApiOf } from './ipc/channel.ts';
import { appChannels } from './ipc/app.ts';
import { recordsChannels } from './ipc/records.ts';
import { inspectionChannels } from './ipc/inspection.ts';
import { lexiconChannels } from './ipc/lexicon.ts';
import { publicationChannelsContract } from './ipc/publication.ts';
import { formsChannels } from './ipc/forms.ts';

/** The one IPC contract: every channel the renderer may call, with its argument schema and response type. */
export const contract = {
  ...appChannels,
  ...recordsChannels,
  ...inspectionChannels,
  ...lexiconChannels,
  ...publicationChannelsContract,
  ...formsChannels,
};

type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type Api = ApiOf<Contract>;
export const channelNames = Object.keys(contract) as ChannelName[];

export type { Envelope, Channel } from './ipc/channel.ts';
