import { useEffect } from 'react';
import { AttributeBadge, StateBadge } from '../components/Badges.tsx';
import { formatTime } from '../lib/format.ts';
import { personLabel } from '../lib/people.ts';
import { common } from '../messages/common.ts';
import { queueEmpty, queues as m, queueTitles } from '../messages/queues.ts';
import { useQueues } from '../stores/queues.ts';
import { returnGroundLabels } from '../../../shared/messages/channels.ts';
import { useRoute, type QueueName } from '../stores/route.ts';

export function QueueView({ queue }: { queue: QueueName }) {
  const { queues, refresh } = useQueues();
  const openFromQueue = useRoute((s) => s.openFromQueue);
  useEffect(() => {
    void refresh();
  }, [refresh, queue]);
  const items = queues?.[queue] ?? [];
  return (
    <div className="view queue-view">
      <header className="view-head">
        <h1>{queueTitles[queue]}</h1>
        <span className="muted">{common.count(items.length)}</span>
        <span className="spacer" />
        <span className="muted small one-by-one" title={m.oneByOne}>{m.oneByOneShort}</span>
      </header>
      {queues === null ? (
        <p className="empty-state">{common.loading}</p>
      ) : items.length === 0 ? (
        <div className="empty-state">{queueEmpty[queue]}</div>
      ) : (
        <ul className="queue-list">
          {items.map((item) => (
            <li key={item.decisionId}>
              <button type="button" className="queue-item" onClick={() => openFromQueue(queue, item.documentId, items.map((i) => i.documentId))}>
                <span className="queue-title">{item.title ?? item.fileName}</span>
                <span className="queue-number muted">{item.docNumber ?? ''}</span>
                <AttributeBadge attribute={item.attribute} />
                <StateBadge state={item.state} />
                <span className="muted small">{m.drafter}：{personLabel(item.draftedBy, queues.people)}</span>
                <span className="muted small">{formatTime(item.updatedAt)}</span>
                {item.returnReason || item.returnGrounds?.length ? (
                  <span className="queue-return">{m.returnReason}：{[...(item.returnGrounds ?? []).map((g) => returnGroundLabels[g]), item.returnReason ?? ''].filter(Boolean).join('；')}</span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
