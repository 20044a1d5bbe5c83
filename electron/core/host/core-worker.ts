import { parentPort, workerData } from 'node:worker_threads';
import { createCore, type CoreOptions } from '../api.ts';
import { dispatch } from './dispatch.ts';
import type { CoreRequest, CoreReply } from './protocol.ts';

// Runs the core services off the Electron main thread; main only forwards validated calls here.
const port = parentPort;
if (!port) throw new Error('core-worker must run in a worker thread');
const core = createCore(workerData as CoreOptions);

port.on('message', (request: CoreRequest) => {
  if (request.type === 'close') {
    core.close();
    port.postMessage({ type: 'closed' } satisfies CoreReply);
    return;
  }
  void dispatch(core.api, request.channel, request.args).then((envelope) => {
    port.postMessage({ type: 'reply', id: request.id, envelope } satisfies CoreReply);
  });
});
port.postMessage({ type: 'ready' } satisfies CoreReply);
