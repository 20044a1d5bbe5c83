import { useEffect, useState } from 'react';
import { applicantTypes, requestChannels, requestOutcomes, type ApplicantType, type RequestChannel, type RequestOutcome, type RequestView } from '../../../shared/ipc/inspection.ts';
import type { DocumentRow } from '../../../shared/ipc/records.ts';
import { applicantLabels, channelLabels, deadlineLabels, outcomeRows } from '../../../shared/messages/inspection.ts';
import { Field } from '../components/Field.tsx';
import { Modal } from '../components/Modal.tsx';
import { AttributeBadge } from '../components/Badges.tsx';
import { localToday } from '../lib/years.ts';
import { common } from '../messages/common.ts';
import { requests as m } from '../messages/requests.ts';
import { useNotices } from '../stores/notices.ts';
import { useRequests } from '../stores/requests.ts';

function Actions({ label, busy, onClose }: { label: string; busy: boolean; onClose(): void }) {
  return (
    <div className="form-actions">
      <button type="submit" className="btn-primary" disabled={busy}>{label}</button>
      <button type="button" onClick={onClose}>{common.cancel}</button>
    </div>
  );
}

/** Finds the requested document in the register by 发文字号, title or text. */
export function DocumentPicker({ picked, onPick }: { picked: DocumentRow | null; onPick(row: DocumentRow | null): void }) {
  const [query, setQuery] = useState('');
  const [rows, setRows] = useState<DocumentRow[] | null>(null);
  useEffect(() => {
    const q = query.trim();
    if (q === '') return setRows(null);
    const t = setTimeout(() => {
      window.api.listDocuments({ query: q, limit: 8 }).then((page) => setRows(page.rows), (e: unknown) => useNotices.getState().fail(e));
    }, 200);
    return () => clearTimeout(t);
  }, [query]);

  if (picked) {
    return (
      <div className="picked-document" role="status">
        <span className="muted small">{m.picked}</span>
        <strong>{picked.title ?? picked.fileName}</strong>
        <span className="muted small">{picked.docNumber ?? ''}</span>
        {picked.signedAttribute && <AttributeBadge attribute={picked.signedAttribute} />}
        <button type="button" className="btn-link small" onClick={() => onPick(null)}>{m.unpick}</button>
      </div>
    );
  }
  return (
    <div className="document-picker">
      <Field label={m.documentSearch} hint={m.noDocument}>
        {(p) => <input {...p} type="search" value={query} placeholder={m.documentSearchPlaceholder} onChange={(e) => setQuery(e.target.value)} />}
      </Field>
      {rows && rows.length === 0 && <p className="small muted">{m.noResults}</p>}
      {rows && rows.length > 0 && (
        <ul className="picker-results">
          {rows.map((r) => (
            <li key={r.id}>
              <span className="picker-name">{r.title ?? r.fileName}</span>
              <span className="muted small">{r.docNumber ?? ''}</span>
              {r.signedAttribute && <AttributeBadge attribute={r.signedAttribute} />}
              <button type="button" className="btn-small" aria-label={`${m.pick}：${r.title ?? r.fileName}`} onClick={() => onPick(r)}>{m.pick}</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function AddRequestDialog({ onClose }: { onClose(): void }) {
  const add = useRequests((s) => s.add);
  const [doc, setDoc] = useState<DocumentRow | null>(null);
  const [subject, setSubject] = useState('');
  const [applicantType, setApplicantType] = useState<ApplicantType>('natural-person');
  const [channel, setChannel] = useState<RequestChannel>('online');
  const [receivedOn, setReceivedOn] = useState(localToday());
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal title={m.addTitle} onClose={onClose} wide>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (subject.trim() === '') return setError(m.subjectRequired);
          setBusy(true);
          const result = await add({ documentId: doc?.id ?? null, subject: subject.trim(), applicantType, channel, receivedOn, ...(note.trim() ? { note: note.trim() } : {}) });
          setBusy(false);
          if (typeof result === 'string') return setError(result);
          useNotices.getState().ok(m.added(result.id, result.deadline.finalDue));
          onClose();
        }}
      >
        <h3>{m.document}</h3>
        <DocumentPicker picked={doc} onPick={(row) => { setDoc(row); if (row && subject === '') setSubject(row.title ?? row.docNumber ?? ''); }} />
        <Field label={m.subject}>{(p) => <textarea {...p} rows={2} value={subject} aria-invalid={error === m.subjectRequired} onChange={(e) => { setSubject(e.target.value); setError(null); }} />}</Field>
        <div className="form-row">
          <Field label={m.applicantType}>
            {(p) => (
              <select {...p} value={applicantType} onChange={(e) => setApplicantType(e.target.value as ApplicantType)}>
                {applicantTypes.map((a) => <option key={a} value={a}>{applicantLabels[a]}</option>)}
              </select>
            )}
          </Field>
          <Field label={m.channel}>
            {(p) => (
              <select {...p} value={channel} onChange={(e) => setChannel(e.target.value as RequestChannel)}>
                {requestChannels.map((c) => <option key={c} value={c}>{channelLabels[c]}</option>)}
              </select>
            )}
          </Field>
          <Field label={m.receivedOn}>{(p) => <input {...p} type="date" value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} />}</Field>
        </div>
        <Field label={m.note}>{(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} />}</Field>
        {error && <p className="field-error" role="alert">{error}</p>}
        <Actions label={m.save} busy={busy} onClose={onClose} />
      </form>
    </Modal>
  );
}

export function AnswerDialog({ request, onClose }: { request: RequestView; onClose(): void }) {
  const answer = useRequests((s) => s.answer);
  const [outcome, setOutcome] = useState<RequestOutcome>('granted');
  const [answeredOn, setAnsweredOn] = useState(localToday());
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal title={m.answerTitle(request.id)} onClose={onClose} wide>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          const result = await answer({ requestId: request.id, outcome, answeredOn, ...(note.trim() ? { note: note.trim() } : {}) });
          setBusy(false);
          if (typeof result === 'string') return setError(result);
          useNotices.getState().ok(m.answered(result.id, deadlineLabels[result.deadline.status]));
          onClose();
        }}
      >
        <p className="small">{request.subject}</p>
        <Field label={m.outcome}>
          {(p) => (
            <select {...p} value={outcome} onChange={(e) => setOutcome(e.target.value as RequestOutcome)}>
              {requestOutcomes.map((o) => <option key={o} value={o}>{outcomeRows[o].label}</option>)}
            </select>
          )}
        </Field>
        <Field label={m.answeredOnLabel}>{(p) => <input {...p} type="date" value={answeredOn} onChange={(e) => { setAnsweredOn(e.target.value); setError(null); }} />}</Field>
        <Field label={m.note}>{(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} />}</Field>
        {error && <p className="field-error" role="alert">{error}</p>}
        <Actions label={m.answerButton} busy={busy} onClose={onClose} />
      </form>
    </Modal>
  );
}

export function ExtendDialog({ request, onClose }: { request: RequestView; onClose(): void }) {
  const extend = useRequests((s) => s.extend);
  const [days, setDays] = useState('20');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal title={m.extendTitle(request.id)} onClose={onClose}>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const n = Number(days);
          if (!Number.isInteger(n) || n < 1 || n > 20) return setError(m.daysInvalid);
          if (reason.trim() === '') return setError(m.reasonRequired);
          setBusy(true);
          const result = await extend({ requestId: request.id, extensionDays: n, reason: reason.trim() });
          setBusy(false);
          if (typeof result === 'string') return setError(result);
          useNotices.getState().ok(m.extendedNotice(result.id, result.deadline.finalDue));
          onClose();
        }}
      >
        <p className="small muted">{m.extendHint}</p>
        <Field label={m.extensionDays}>{(p) => <input {...p} type="number" min={1} max={20} value={days} onChange={(e) => { setDays(e.target.value); setError(null); }} />}</Field>
        <Field label={m.extensionReason}>{(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => { setReason(e.target.value); setError(null); }} />}</Field>
        {error && <p className="field-error" role="alert">{error}</p>}
        <Actions label={m.extendButton} busy={busy} onClose={onClose} />
      </form>
    </Modal>
  );
}
