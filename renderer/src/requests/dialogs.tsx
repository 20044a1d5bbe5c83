import { useEffect, useState } from 'react';
import { appealKinds, appealResults, applicantTypes, requestChannels, requestOutcomes, type AppealKind, type AppealResult, type AppealView, type ApplicantType, type RequestChannel, type RequestOutcome, type RequestView } from '../../../shared/ipc/inspection.ts';
import { answerNeedsReason } from '../../../shared/request-rules.ts';
import type { DocumentRow } from '../../../shared/ipc/records.ts';
import { appealKindLabels, appealResultLabels, applicantLabels, channelLabels, deadlineLabels, organisationApplicants, outcomeRows } from '../../../shared/messages/inspection.ts';
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
                <option value={applicantTypes[0]}>{applicantLabels[applicantTypes[0]]}</option>
                <optgroup label={organisationApplicants}>
                  {applicantTypes.slice(1).map((a) => <option key={a} value={a}>{applicantLabels[a]}</option>)}
                </optgroup>
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
  const [bases, setBases] = useState<string[]>([]);
  const [basis, setBasis] = useState('');
  const [reason, setReason] = useState('');
  const [fee, setFee] = useState('');
  const [feeWaived, setFeeWaived] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    window.api.answerBasisChoices().then(setBases, (e: unknown) => useNotices.getState().fail(e));
  }, []);
  const needsReason = answerNeedsReason(outcome);
  return (
    <Modal title={m.answerTitle(request.id)} onClose={onClose} wide>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (needsReason && (basis === '' || reason.trim() === '')) return setError(m.basisAndReasonRequired);
          const amount = fee.trim() === '' ? undefined : Number(fee);
          if (amount !== undefined && (!Number.isFinite(amount) || amount < 0)) return setError(m.feeInvalid);
          setBusy(true);
          const result = await answer({
            requestId: request.id,
            outcome,
            answeredOn,
            ...(basis ? { basis } : {}),
            ...(reason.trim() ? { reason: reason.trim() } : {}),
            ...(amount !== undefined ? { fee: amount } : {}),
            ...(feeWaived ? { feeWaived: true } : {}),
            ...(note.trim() ? { note: note.trim() } : {}),
          });
          setBusy(false);
          if (typeof result === 'string') return setError(result);
          useNotices.getState().ok(result.answerState === 'awaiting-review' ? m.prepared(result.id) : m.answered(result.id, deadlineLabels[result.deadline.status]));
          onClose();
        }}
      >
        <p className="small">{request.subject}</p>
        {request.answerState === 'returned' && request.reviewNote && <p className="banner banner-warn">{m.returnedLine(request.reviewNote)}</p>}
        <p className="small muted">{m.reviewHint}</p>
        <Field label={m.outcome}>
          {(p) => (
            <select {...p} value={outcome} onChange={(e) => { setOutcome(e.target.value as RequestOutcome); setError(null); }}>
              {requestOutcomes.map((o) => <option key={o} value={o}>{outcomeRows[o].label}</option>)}
            </select>
          )}
        </Field>
        <div className="form-row">
          <Field label={m.answerBasis} hint={needsReason ? m.answerReasonHint : undefined}>
            {(p) => (
              <select {...p} value={basis} aria-invalid={needsReason && error === m.basisAndReasonRequired && basis === ''} onChange={(e) => { setBasis(e.target.value); setError(null); }}>
                <option value="">{m.answerBasisPick}</option>
                {bases.map((b) => <option key={b} value={b}>{b}</option>)}
              </select>
            )}
          </Field>
          <Field label={m.answeredOnLabel}>{(p) => <input {...p} type="date" value={answeredOn} onChange={(e) => { setAnsweredOn(e.target.value); setError(null); }} />}</Field>
        </div>
        <Field label={m.answerReason}>{(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => { setReason(e.target.value); setError(null); }} />}</Field>
        <div className="form-row">
          <Field label={m.fee}>{(p) => <input {...p} inputMode="decimal" value={fee} onChange={(e) => { setFee(e.target.value); setError(null); }} />}</Field>
          <label className="checkbox"><input type="checkbox" checked={feeWaived} onChange={(e) => setFeeWaived(e.target.checked)} /> {m.feeWaived}</label>
        </div>
        <Field label={m.note}>{(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} />}</Field>
        {error && <p className="field-error" role="alert">{error}</p>}
        <Actions label={m.answerButton} busy={busy} onClose={onClose} />
      </form>
    </Modal>
  );
}

/** The reviewer's side of 第五十一条: confirm the prepared answer (with a justification when it releases withheld information) or return it. */
export function ReviewDialog({ request, onClose }: { request: RequestView; onClose(): void }) {
  const review = useRequests((s) => s.review);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const decide = async (decision: 'approve' | 'return') => {
    const text = note.trim();
    if (decision === 'approve' && request.reviewRequired && text === '') return setError(m.justificationRequired);
    if (decision === 'return' && text === '') return setError(m.returnReasonRequired);
    setBusy(true);
    const result = await review(decision === 'approve' ? { requestId: request.id, decision, ...(text ? { justification: text } : {}) } : { requestId: request.id, decision, reason: text });
    setBusy(false);
    if (typeof result === 'string') return setError(result);
    useNotices.getState().ok(decision === 'approve' ? m.approved(result.id) : m.returnedNotice(result.id));
    onClose();
  };
  return (
    <Modal title={m.reviewTitle(request.id)} onClose={onClose} wide>
      <form noValidate onSubmit={(e) => { e.preventDefault(); void decide('approve'); }}>
        <p className="small">{request.subject}</p>
        <dl className="review-answer">
          <dt>{m.proposed}</dt>
          <dd>{request.proposedOutcome ? outcomeRows[request.proposedOutcome].label : '—'}</dd>
          <dd className="small muted">{m.preparedByLine(request.preparedBy ?? '', request.proposedOn ?? '')}</dd>
          {request.answerBasis && <><dt>{m.answerBasis}</dt><dd>{request.answerBasis}</dd></>}
          {request.answerReason && <><dt>{m.answerReason}</dt><dd>{request.answerReason}</dd></>}
          {request.fee !== null && <dd className="small">{m.feeLine(request.fee, request.feeWaived)}</dd>}
        </dl>
        {request.reviewRequired && <p className="banner banner-warn" role="note">{m.reviewRequiredNote}</p>}
        <Field label={m.justification} hint={m.reviewNoteHint}>{(p) => <textarea {...p} rows={3} value={note} onChange={(e) => { setNote(e.target.value); setError(null); }} />}</Field>
        {error && <p className="field-error" role="alert">{error}</p>}
        <div className="form-actions">
          <button type="submit" className="btn-primary" disabled={busy}>{m.approve}</button>
          <button type="button" disabled={busy} onClick={() => void decide('return')}>{m.giveBack}</button>
          <button type="button" onClick={onClose}>{common.cancel}</button>
        </div>
      </form>
    </Modal>
  );
}

export function AppealDialog({ request, onClose }: { request: RequestView; onClose(): void }) {
  const appeal = useRequests((s) => s.appeal);
  const [kind, setKind] = useState<AppealKind>('reconsideration');
  const [filedOn, setFiledOn] = useState(localToday());
  const [body, setBody] = useState('');
  const [after, setAfter] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal title={m.appealTitle(request.id)} onClose={onClose}>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (body.trim() === '') return setError(m.appealBodyRequired);
          setBusy(true);
          const result = await appeal({ requestId: request.id, kind, filedOn, body: body.trim(), afterReconsideration: kind === 'litigation' && after });
          setBusy(false);
          if (typeof result === 'string') return setError(result);
          useNotices.getState().ok(m.appealAdded(result.id));
          onClose();
        }}
      >
        <div className="form-row">
          <Field label={m.appealKind}>
            {(p) => (
              <select {...p} value={kind} onChange={(e) => setKind(e.target.value as AppealKind)}>
                {appealKinds.map((k) => <option key={k} value={k}>{appealKindLabels[k]}</option>)}
              </select>
            )}
          </Field>
          <Field label={m.appealFiled}>{(p) => <input {...p} type="date" value={filedOn} onChange={(e) => { setFiledOn(e.target.value); setError(null); }} />}</Field>
        </div>
        <Field label={m.appealBody}>{(p) => <input {...p} value={body} onChange={(e) => { setBody(e.target.value); setError(null); }} />}</Field>
        {kind === 'litigation' && <label className="checkbox"><input type="checkbox" checked={after} onChange={(e) => setAfter(e.target.checked)} /> {m.afterReconsideration}</label>}
        {error && <p className="field-error" role="alert">{error}</p>}
        <Actions label={m.appealSave} busy={busy} onClose={onClose} />
      </form>
    </Modal>
  );
}

export function AppealResultDialog({ request, appeal, onClose }: { request: RequestView; appeal: AppealView; onClose(): void }) {
  const record = useRequests((s) => s.appealResult);
  const [result, setResult] = useState<AppealResult>('upheld');
  const [decidedOn, setDecidedOn] = useState(localToday());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal title={m.appealResultTitle(appeal.id)} onClose={onClose}>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          const saved = await record({ requestId: request.id, appealId: appeal.id, result, decidedOn });
          setBusy(false);
          if (typeof saved === 'string') return setError(saved);
          useNotices.getState().ok(m.appealResultSaved(appeal.id));
          onClose();
        }}
      >
        <p className="small">{`${appealKindLabels[appeal.kind]} · ${appeal.body} · ${appeal.filedOn}`}</p>
        <div className="form-row">
          <Field label={m.appealResultLabel}>
            {(p) => (
              <select {...p} value={result} onChange={(e) => setResult(e.target.value as AppealResult)}>
                {appealResults.map((r) => <option key={r} value={r}>{appealResultLabels[r]}</option>)}
              </select>
            )}
          </Field>
          <Field label={m.appealDecided}>{(p) => <input {...p} type="date" value={decidedOn} onChange={(e) => { setDecidedOn(e.target.value); setError(null); }} />}</Field>
        </div>
        {error && <p className="field-error" role="alert">{error}</p>}
        <Actions label={m.appealSave} busy={busy} onClose={onClose} />
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
