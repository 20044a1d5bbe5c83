import { applicantTypes, requestOutcomes, type ApplicantType, type RequestOutcome } from './inspection-terms.ts';
import { annualTemplateMessages as m } from './messages/annual-report.ts';
import { applicantLabels, outcomeRows } from './messages/inspection.ts';

/**
 * The cells of the national annual-report template (国办公开办函〔2021〕30号), tables 二, 三 and 四, and of the
 * separate table of withheld 公文 (not part of the template). Every face addresses a cell by the same key.
 */

/** Table 二, 第二十条第（一）项: counted as made, repealed and in force. */
const publishedKinds = ['rule', 'normative'] as const;
export type PublishedKind = (typeof publishedKinds)[number];
const documentMeasures = ['made', 'repealed', 'inForce'] as const;
export type DocumentMeasure = (typeof documentMeasures)[number];
/** Table 二, 第二十条第（五）（六）项: decisions made in the year. */
const decisionKinds = ['licence', 'penalty', 'coercion'] as const;
export type DecisionKind = (typeof decisionKinds)[number];

/** Table 四: 行政复议, and 行政诉讼 split by whether a reconsideration came first. */
const appealTracks = ['reconsideration', 'direct', 'after-reconsideration'] as const;
export type AppealTrack = (typeof appealTracks)[number];
const appealColumns = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type AppealColumn = (typeof appealColumns)[number];

/** Grounds of a withheld 公文 in the order of table 三's 不予公开 rows, then those the template has no row for. */
export const withheldGrounds = [
  'state-secret',
  'law-prohibited',
  'security-stability',
  'third-party',
  'internal-affairs',
  'process',
  'enforcement-file',
  'administrative-query',
  'archives',
  'work-secret',
  'article-14-unconfirmed',
  'request-grounds-only',
  'unmarked',
] as const;
export type WithheldGround = (typeof withheldGrounds)[number];

/** Table 三's rows: received, carried in, each outcome, the outcomes' total, carried out. */
export type RequestRow = 'received' | 'carried-in' | RequestOutcome | 'answered-total' | 'carried-out';
const requestRows: readonly RequestRow[] = ['received', 'carried-in', ...requestOutcomes, 'answered-total', 'carried-out'];

/** Table 三's columns: each applicant type, the 法人或其他组织 subtotal (every type but natural persons), and 总计. */
export type RequestColumn = ApplicantType | 'legal-or-other' | 'total';
const requestColumns: readonly RequestColumn[] = [...applicantTypes, 'legal-or-other', 'total'];
/** Natural persons are the template's first column; every other applicant is a 法人或其他组织. */
export const isNaturalPerson = (type: string): boolean => type === 'natural-person';

const k = m.keys;
const rowToken = (row: RequestRow): string =>
  row === 'received' ? k.received : row === 'carried-in' ? k.carriedIn : row === 'answered-total' ? k.answeredTotal : row === 'carried-out' ? k.carriedOut : outcomeRows[row].row;

export const cellKeys = {
  document: (kind: PublishedKind, measure: DocumentMeasure) => `${k.table2}-${k.documentKinds[kind]}-${k.measures[measure]}`,
  decision: (kind: DecisionKind) => `${k.table2}-${k.decisionKinds[kind]}`,
  fee: () => `${k.table2}-${k.fee}`,
  /** The 总计 column has no suffix. */
  request: (row: RequestRow, column: RequestColumn) =>
    `${k.table3}-${rowToken(row)}${column === 'total' ? '' : `/${column === 'legal-or-other' ? k.legalSubtotal : applicantLabels[column]}`}`,
  appeal: (track: AppealTrack, column: AppealColumn) => `${k.table4}-${k.tracks[track]}-${k.columns[column]}`,
  withheld: (ground: WithheldGround) => `${k.withheld}-${ground}`,
};

/** Every cell key in table order. */
export function allCellKeys(): string[] {
  return [
    ...publishedKinds.flatMap((kind) => documentMeasures.map((measure) => cellKeys.document(kind, measure))),
    ...decisionKinds.map((kind) => cellKeys.decision(kind)),
    cellKeys.fee(),
    ...requestRows.flatMap((row) => requestColumns.map((column) => cellKeys.request(row, column))),
    ...appealTracks.flatMap((track) => appealColumns.map((column) => cellKeys.appeal(track, column))),
    ...withheldGrounds.map((g) => cellKeys.withheld(g)),
  ];
}

/** One cell of a printed table: fixed text, or the value of a report cell by key. */
export interface LayoutCell {
  text?: string;
  key?: string;
  colSpan?: number;
  header?: boolean;
  /** Indentation level of a row label (table 三's sub-rows). */
  indent?: number;
}

export interface LayoutTable {
  title: string;
  columns: number;
  rows: LayoutCell[][];
}

const h = (text: string, colSpan = 1): LayoutCell => ({ text, colSpan, header: true });
const blank = (n: number): LayoutCell[] => Array.from({ length: n }, () => h(''));

/** Tables 二, 三 and 四 laid out as the template prints them, then the separate table of withheld 公文. */
export function templateLayout(): LayoutTable[] {
  const t2 = m.table2;
  const table2: LayoutTable = {
    title: t2.title,
    columns: 4,
    rows: [
      [h(t2.documentsSection, 4)],
      [h(t2.contentColumn), ...documentMeasures.map((measure) => h(t2.documentColumns[measure]))],
      ...publishedKinds.map((kind) => [{ text: t2.documentKinds[kind] }, ...documentMeasures.map((measure) => ({ key: cellKeys.document(kind, measure) }))]),
      [h(t2.licenceSection, 4)],
      [h(t2.contentColumn), h(t2.decisionColumn, 3)],
      [{ text: t2.decisionKinds.licence }, { key: cellKeys.decision('licence'), colSpan: 3 }],
      [h(t2.enforcementSection, 4)],
      [h(t2.contentColumn), h(t2.decisionColumn, 3)],
      [{ text: t2.decisionKinds.penalty }, { key: cellKeys.decision('penalty'), colSpan: 3 }],
      [{ text: t2.decisionKinds.coercion }, { key: cellKeys.decision('coercion'), colSpan: 3 }],
      [h(t2.feeSection, 4)],
      [h(t2.contentColumn), h(t2.feeColumn, 3)],
      [{ text: t2.fee }, { key: cellKeys.fee(), colSpan: 3 }],
    ],
  };

  const t3 = m.table3;
  const legal = applicantTypes.filter((t) => !isNaturalPerson(t));
  const natural = applicantTypes.filter(isNaturalPerson);
  const printed: RequestColumn[] = [...natural, ...legal, 'total'];
  const valueRow = (label: string, row: RequestRow, indent = 0): LayoutCell[] => [{ text: label, indent }, ...printed.map((column) => ({ key: cellKeys.request(row, column) }))];
  const labelRow = (label: string, indent = 0): LayoutCell[] => [{ text: label, indent }, ...printed.map(() => ({ text: '' }))];
  const groups = new Map<string, RequestOutcome[]>();
  for (const o of requestOutcomes.filter((o) => o.includes(':'))) groups.set(o.split(':')[0]!, [...(groups.get(o.split(':')[0]!) ?? []), o]);
  const table3: LayoutTable = {
    title: t3.title,
    columns: 1 + printed.length,
    rows: [
      [h(t3.corner), h(t3.applicants, printed.length)],
      [h(''), ...natural.map((t) => h(applicantLabels[t])), ...(legal.length > 0 ? [h(t3.legalGroup, legal.length)] : []), h(t3.total)],
      [h(''), ...blank(natural.length), ...legal.map((t) => h(applicantLabels[t])), h('')],
      valueRow(t3.received, 'received'),
      valueRow(t3.carriedIn, 'carried-in'),
      labelRow(t3.results),
      valueRow(t3.granted, 'granted', 1),
      valueRow(t3.partial, 'partial', 1),
      ...[...groups].flatMap(([group, outcomes]) => [
        labelRow(t3.groups[group] ?? group, 1),
        ...outcomes.map((o) => valueRow(`${outcomeRows[o].row.split('-')[1]}.${outcomeRows[o].label.split('：').slice(1).join('：')}`, o, 2)),
      ]),
      valueRow(t3.answeredTotal, 'answered-total', 1),
      valueRow(t3.carriedOut, 'carried-out'),
    ],
  };

  const t4 = m.table4;
  const table4: LayoutTable = {
    title: t4.title,
    columns: 15,
    rows: [
      [h(t4.reconsideration, 5), h(t4.litigation, 10)],
      [...appealColumns.map((c) => h(t4.columns[c])), h(t4.tracks.direct, 5), h(t4.tracks['after-reconsideration'], 5)],
      [...blank(5), ...appealColumns.map((c) => h(t4.columns[c])), ...appealColumns.map((c) => h(t4.columns[c]))],
      appealTracks.flatMap((track) => appealColumns.map((column) => ({ key: cellKeys.appeal(track, column) }))),
    ],
  };

  const w = m.withheldDocuments;
  const withheld: LayoutTable = {
    title: w.title,
    columns: 2,
    rows: [w.header.map((text) => h(text)), ...withheldGrounds.map((g) => [{ text: w.labels[g] }, { key: cellKeys.withheld(g) }])],
  };
  return [table2, table3, table4, withheld];
}

/** What a cell prints: its count, or 未记录 where nothing is recorded. */
export const cellText = (cells: Readonly<Record<string, number | null>>, key: string): string => {
  const v = cells[key];
  return v === null || v === undefined ? m.table2.notRecorded : String(v);
};
