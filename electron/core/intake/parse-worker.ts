import { parentPort } from 'node:worker_threads';
import { parseJob, type ParseJob } from './parse.ts';

/** Worker entry: one job at a time, answered with an IntakeResult. */
parentPort?.on('message', (message: { id: number; job: ParseJob }) => {
  void parseJob(message.job).then((result) => parentPort?.postMessage({ id: message.id, result }));
});
