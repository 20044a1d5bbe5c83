import type { Command } from '../main.ts';
import { parseArgs, required, usageError } from '../args.ts';
import { print, resolveDocument, withRecord } from '../record.ts';
import { publicationChannels, type PublicationChannel } from '../../../shared/publication-rules.ts';
import { publicationChannelLabels, publicationMessages } from '../../../shared/messages/publication.ts';

const m = publicationMessages.cli;
const usage = m.publishUsage;

export const command: Command = {
  summary: m.publishSummary,
  usage,
  async run(argv) {
    const args = parseArgs(argv, { values: ['as', 'db', 'date', 'channel', 'where'], flags: ['json'] }, usage);
    const channel = required(args, 'channel', usage);
    if (!(publicationChannels as readonly string[]).includes(channel)) throw usageError(m.badChoice('--channel', channel, publicationChannels), usage);
    const publishedOn = required(args, 'date', usage);
    return withRecord(args, usage, async ({ api, ctx, signIn }) => {
      const documentId = resolveDocument(ctx, args.positionals[0], usage);
      await signIn();
      const profile = await api.publish({ documentId, publishedOn, channel: channel as PublicationChannel, location: args.values.where });
      if (args.flags.json) {
        print(JSON.stringify(profile, null, 2));
        return 0;
      }
      const item = profile.item!;
      print(m.published(item.title ?? item.docNumber ?? String(documentId), publishedOn, publicationChannelLabels[channel as PublicationChannel], item.deadline.due, item.onTime));
      if (item.calendarIncomplete) print(m.calendarWarning);
      return 0;
    });
  },
};
