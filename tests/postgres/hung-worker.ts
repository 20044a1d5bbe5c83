// A connection worker that has hung: it takes requests and never answers (facade.test.ts points connectPostgres at it).
import { workerData } from 'node:worker_threads';
import type { WorkerData } from '../../electron/core/db/postgres/protocol.ts';

(workerData as WorkerData).port.on('message', () => {});
