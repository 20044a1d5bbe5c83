/**
 * Walking one 待办 queue document by document. The order is the queue as it was when the officer opened it
 * (so "第 n / m 件" stays put while items are decided); documents that have since left the live queue are skipped.
 */
export interface QueueRun {
  ids: number[];
}

export function startRun(documentIds: readonly number[]): QueueRun {
  return { ids: [...new Set(documentIds)] };
}

/** 1-based place of the document in the run and the run's length, or null when it is not part of it. */
export function runPosition(run: QueueRun, documentId: number): { index: number; total: number } | null {
  const at = run.ids.indexOf(documentId);
  return at < 0 ? null : { index: at + 1, total: run.ids.length };
}

/** The next document still waiting in the live queue: first after the current one, then any skipped earlier. */
export function nextInRun(run: QueueRun, documentId: number, live: readonly number[]): number | null {
  const waiting = new Set(live);
  const at = run.ids.indexOf(documentId);
  const order = [...run.ids.slice(at + 1), ...run.ids.slice(0, Math.max(at, 0))];
  return order.find((id) => id !== documentId && waiting.has(id)) ?? null;
}
