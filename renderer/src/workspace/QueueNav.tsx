import { useEffect, useRef } from 'react';
import { queues as m, queueTitles } from '../messages/queues.ts';
import { useNotices } from '../stores/notices.ts';
import { useQueues } from '../stores/queues.ts';
import { useRoute, type QueueName } from '../stores/route.ts';
import { useWorkspace } from '../stores/workspace.ts';
import { nextInRun, runPosition } from './queue-run.ts';

/** "第 n / m 件" and 下一件 for a document opened from a 待办 queue; Alt+→ does the same from anywhere in the workspace. */
export function QueueNav({ queue, documentId }: { queue: QueueName; documentId: number }) {
  const run = useRoute((s) => s.run);
  const { go } = useRoute();
  const live = useQueues((s) => s.queues?.[queue]);
  const nextRef = useRef<HTMLButtonElement>(null);
  const liveIds = live?.map((i) => i.documentId) ?? [];
  const position = run ? runPosition(run, documentId) : null;
  const next = run ? nextInRun(run, documentId, liveIds) : null;
  const done = live !== undefined && !liveIds.includes(documentId);

  const goNext = async () => {
    // A refused save keeps the officer here, with the reason beside the form.
    const ws = useWorkspace.getState();
    if (ws.dirty && !(await ws.flush())) return;
    if (next === null) {
      useNotices.getState().ok(m.queueFinished(queueTitles[queue]));
      go({ view: 'queue', queue });
      return;
    }
    go({ view: 'document', documentId: next, queue });
  };
  const goNextRef = useRef(goNext);
  goNextRef.current = goNext;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.key !== 'ArrowRight') return;
      if (document.querySelector('[role="dialog"]')) return;
      e.preventDefault();
      void goNextRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Once this document has left the queue (submitted, approved, returned or signed), Enter goes on to the next.
  useEffect(() => {
    if (done) nextRef.current?.focus();
  }, [done, documentId]);

  if (!position) return null;
  return (
    <div className={`queue-nav ${done ? 'queue-nav-done' : ''}`} role="group" aria-label={m.position(queueTitles[queue], position.index, position.total)}>
      {done && <span className="queue-nav-done-text">{m.done}</span>}
      <span className="queue-nav-position small">{m.position(queueTitles[queue], position.index, position.total)}</span>
      <button ref={nextRef} type="button" className={done ? 'btn-primary' : ''} title={m.nextHint} aria-keyshortcuts="Alt+ArrowRight" onClick={() => void goNext()}>
        {next === null ? m.backToQueue(queueTitles[queue]) : `${m.next} →`}
      </button>
    </div>
  );
}
