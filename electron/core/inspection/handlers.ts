import type { ApiOf } from '../../../shared/ipc/channel.ts';
import type { inspectionChannels } from '../../../shared/ipc/inspection.ts';
import type { Actor, Context } from '../kernel/context.ts';
import type { Desk, Handlers } from '../kernel/desk.ts';
import { importHolidays, readHolidays, readInspectionConfig, setUnitName, writeHolidays, writeInspectionConfig } from './config.ts';
import { closeInspection, inspectionStatus, openInspection, proposeOutcomes, worklist } from './lifecycle.ts';
import { exportInspection } from './export/write.ts';
import { annualFiguresFor, annualReportFor } from './annual.ts';
import { exportAnnualReport } from './export/annual-write.ts';
import { consolidatedView, exportConsolidated, importBundles, verifyBundleFile } from './consolidate.ts';

/** The request channels are the requests area's (see requests/handlers.ts). */
type InspectionApi = Omit<ApiOf<typeof inspectionChannels>, RequestChannel>;
type RequestChannel = 'addRequest' | 'answerRequest' | 'extendRequest' | 'reviewAnswer' | 'addAppeal' | 'recordAppealResult' | 'answerBasisChoices' | 'listRequests' | 'requestCounts';

/** The annual inspection, its calendar and settings, and the bundles of other units, answered for whoever is signed in. */
export function inspectionHandlers(desk: Pick<Desk, 'signedIn'>): Handlers<InspectionApi> {
  const signedIn = () => desk.signedIn();
  const as = <T>(fn: (ctx: Context, actor: Actor) => T): T => {
    const { ctx, actor } = signedIn();
    return fn(ctx, actor);
  };
  return {
    getHolidays: () => readHolidays(signedIn().ctx),
    setHolidays: (calendar) => as((c, a) => writeHolidays(c, a, calendar)),
    importHolidays: ({ path }) => as((c, a) => importHolidays(c, a, path)),
    getInspectionConfig: () => readInspectionConfig(signedIn().ctx),
    setInspectionConfig: (patch) => as((c, a) => writeInspectionConfig(c, a, patch)),
    setUnitName: ({ name }) => as((c, a) => setUnitName(c, a, name)),
    openInspection: ({ year }) => as((c, a) => openInspection(c, a, year)),
    inspectionStatus: ({ year }) => inspectionStatus(signedIn().ctx, year),
    worklist: (filter) => worklist(signedIn().ctx, filter),
    proposeOutcomes: (input) => as((c, a) => proposeOutcomes(c, a, input)),
    closeInspection: ({ year }) => as((c, a) => closeInspection(c, a, year)),
    exportInspection: ({ year, format, path: file, password }) => as((c, a) => exportInspection(c, a, year, format, file, password)),
    annualFigures: ({ year }) => annualFiguresFor(signedIn().ctx, year),
    annualReport: ({ year }) => annualReportFor(signedIn().ctx, year),
    exportAnnualReport: ({ year, format, path: file }) => as((c, a) => exportAnnualReport(c, a, year, format, file)),
    verifyBundle: ({ path: file }) => {
      signedIn();
      return verifyBundleFile(file);
    },
    importBundles: ({ paths, confirmedFingerprints }) => as((c, a) => importBundles(c, a, paths, { confirmedFingerprints })),
    consolidatedView: ({ year }) => consolidatedView(signedIn().ctx, year),
    exportConsolidated: ({ year, format, path: file }) => as((c, a) => exportConsolidated(c, a, year, format, file)),
  };
}
