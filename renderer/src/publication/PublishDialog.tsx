import { useState } from 'react';
import { publicationChannels, type PublicationChannel } from '../../../shared/publication-rules.ts';
import type { PublicationProfile } from '../../../shared/ipc/publication.ts';
import { publicationChannelLabels } from '../../../shared/messages/publication.ts';
import { Field } from '../components/Field.tsx';
import { Modal } from '../components/Modal.tsx';
import { localToday } from '../lib/years.ts';
import { common } from '../messages/common.ts';
import { publication as m } from '../messages/publication.ts';
import { useNotices } from '../stores/notices.ts';
import { usePublications } from '../stores/publications.ts';

/** Records one release of a signed public 公文: the day, the channel and where it can be found. */
export function PublishDialog({ documentId, name, due, onClose, onDone }: { documentId: number; name: string; due: string | null; onClose(): void; onDone?(profile: PublicationProfile): void }) {
  const publish = usePublications((s) => s.publish);
  const [publishedOn, setPublishedOn] = useState(localToday());
  const [channel, setChannel] = useState<PublicationChannel>('website');
  const [where, setWhere] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal title={m.dialog.title(name)} onClose={onClose}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          const result = await publish({ documentId, publishedOn, channel, ...(where.trim() ? { location: where.trim() } : {}) });
          setBusy(false);
          if (typeof result === 'string') return setError(result);
          useNotices.getState().ok(m.dialog.done(publishedOn));
          onDone?.(result);
          onClose();
        }}
      >
        {due && <p className="small muted">{m.dialog.deadline(due)}</p>}
        <div className="form-row">
          <Field label={m.dialog.date}>{(p) => <input {...p} type="date" required value={publishedOn} max={localToday()} onChange={(e) => { setPublishedOn(e.target.value); setError(null); }} />}</Field>
          <Field label={m.dialog.channel}>
            {(p) => (
              <select {...p} value={channel} onChange={(e) => setChannel(e.target.value as PublicationChannel)}>
                {publicationChannels.map((c) => <option key={c} value={c}>{publicationChannelLabels[c]}</option>)}
              </select>
            )}
          </Field>
        </div>
        <Field label={m.dialog.where} hint={m.dialog.whereHint}>{(p) => <input {...p} type="text" maxLength={500} value={where} onChange={(e) => setWhere(e.target.value)} />}</Field>
        {error && <p className="field-error" role="alert">{error}</p>}
        <div className="form-actions">
          <button type="submit" className="btn-primary" disabled={busy}>{m.publish}</button>
          <button type="button" onClick={onClose}>{common.cancel}</button>
        </div>
      </form>
    </Modal>
  );
}
