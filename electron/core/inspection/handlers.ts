import type { ApiOf } from '../../../shared/ipc/channel.ts';
import type { inspectionChannels } from '../../../shared/ipc/inspection.ts';
import type { Actor, Context } from '../kernel/context.ts';
import { addRequest, answerRequest, extendRequest, listRequests } from '../requests/register.ts';
import { importHolidays, readHolidays, readInspectionConfig, writeHolidays, writeInspectionConfig } from './config.ts';
import { closeInspection, inspectionStatus, openInspection, proposeOutcomes, worklist } from './lifecycle.ts';
import { exportInspection } from './export/write.ts';
import { annualFiguresFor } from './annual.ts';
import { consolidatedView, exportConsolidated, importBundles, verifyBundleFile } from './consolidate.ts';

type InspectionApi = ApiOf<typeof inspectionChannels>;
type Handlers = { [K in keyof InspectionApi]: (...args: Parameters<InspectionApi[K]>) => ReturnType<InspectionApi[K]> | Awaited<ReturnType<InspectionApi[K]>> };

/** The inspection channels, answered for whoever is signed in; `createCore` spreads these into its handlers. */
export function inspectionHandlers(signedIn: () => { ctx: Context; actor: Actor }): Handlers {
  const as = <T>(fn: (ctx: Context, actor: Actor) => T): T => {
    const { ctx, actor } = signedIn();
    return fn(ctx, actor);
  };
  return {
    addRequest: (input) => as((c, a) => addRequest(c, a, input)),
    answerRequest: (input) => as((c, a) => answerRequest(c, a, input)),
    extendRequest: (input) => as((c, a) => extendRequest(c, a, input)),
    listRequests: (filter) => listRequests(signedIn().ctx, filter),
    requestCounts: ({ year }) => signedIn().ctx.store.requests.tallies(year ? `${year}-01-01` : '0000-01-01', year ? `${year}-12-31` : '9999-12-31'),
    getHolidays: () => readHolidays(signedIn().ctx),
    setHolidays: (calendar) => as((c, a) => writeHolidays(c, a, calendar)),
    importHolidays: ({ path }) => as((c, a) => importHolidays(c, a, path)),
    getInspectionConfig: () => readInspectionConfig(signedIn().ctx),
    setInspectionConfig: (patch) => as((c, a) => writeInspectionConfig(c, a, patch)),
    openInspection: ({ year }) => as((c, a) => openInspection(c, a, year)),
    inspectionStatus: ({ year }) => inspectionStatus(signedIn().ctx, year),
    worklist: (filter) => worklist(signedIn().ctx, filter),
    proposeOutcomes: (input) => as((c, a) => proposeOutcomes(c, a, input)),
    closeInspection: ({ year }) => as((c, a) => closeInspection(c, a, year)),
    exportInspection: ({ year, format, path: file, password }) => as((c, a) => exportInspection(c, a, year, format, file, password)),
    annualFigures: ({ year }) => annualFiguresFor(signedIn().ctx, year),
    verifyBundle: ({ path: file }) => {
      signedIn();
      return verifyBundleFile(file);
    },
    importBundles: ({ paths, confirmedFingerprints }) => as((c, a) => importBundles(c, a, paths, { confirmedFingerprints })),
    consolidatedView: ({ year }) => consolidatedView(signedIn().ctx, year),
    exportConsolidated: ({ year, format, path: file }) => as((c, a) => exportConsolidated(c, a, year, format, file)),
  };
}
