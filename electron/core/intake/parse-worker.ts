import { serve } from './worker-loop.ts';

/** Worker entry that only reads files; the host's intake worker is the one that also scans. */
serve();
