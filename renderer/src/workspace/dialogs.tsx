import { useState } from 'react';
import { attribute as attributeInfo } from '../../../shared/attributes.ts';
import type { People, SignStatement } from '../../../shared/ipc/records.ts';
import type { NoteContradiction } from '../../../shared/publicity-note.ts';
import { needText } from '../../../shared/messages/records.ts';
import { Modal } from '../components/Modal.tsx';
import { personLabel } from '../lib/people.ts';
import { common } from '../messages/common.ts';
import { workspace as m } from '../messages/workspace.ts';
import { orderedGrounds, returnGrounds, returnProblems, type ReturnGround } from '../../../shared/return-grounds.ts';
import { channelMessages, returnGroundLabels } from '../../../shared/messages/channels.ts';

export function ConfirmDialog({ title, text, action, busy, onConfirm, onClose }: { title: string; text: string; action: string; busy: boolean; onConfirm(): void; onClose(): void }) {
  return (
    <Modal title={title} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm();
        }}
      >
        <p>{text}</p>
        <div className="form-actions">
          <button type="submit" className="btn-primary" disabled={busy} aria-busy={busy}>{busy ? common.working : action}</button>
          <button type="button" onClick={onClose}>{common.cancel}</button>
        </div>
      </form>
    </Modal>
  );
}

/** A 退文 on one or more grounds; the grounds the office can see in the draft come ticked (shared/return-grounds.ts). */
export function ReturnDialog({ suggested, busy, onReturn, onClose }: { suggested: readonly ReturnGround[]; busy: boolean; onReturn(grounds: ReturnGround[], reason: string): void; onClose(): void }) {
  const [grounds, setGrounds] = useState<ReturnGround[]>(() => orderedGrounds(suggested));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const toggle = (g: ReturnGround) => {
    setGrounds(grounds.includes(g) ? grounds.filter((x) => x !== g) : orderedGrounds([...grounds, g]));
    setError(null);
  };
  return (
    <Modal title={m.returnTitle} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const problem = returnProblems(grounds, reason)[0];
          if (problem) return setError(problem.kind === 'no-ground' ? channelMessages.returnNeedsGround : channelMessages.otherGroundNeedsReason);
          onReturn(grounds, reason.trim());
        }}
      >
        <fieldset className="field return-grounds">
          <legend className="field-label">{channelMessages.groundsLegend}</legend>
          {returnGrounds.map((g) => (
            <label key={g} className="basis-option">
              <input type="checkbox" name="ground" value={g} checked={grounds.includes(g)} onChange={() => toggle(g)} />
              <span>{returnGroundLabels[g]}</span>
              {suggested.includes(g) && <span className="muted small"> {channelMessages.suggested}</span>}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span className="field-label">{m.returnReason}</span>
          <textarea rows={3} value={reason} placeholder={m.returnReasonPlaceholder} onChange={(e) => { setReason(e.target.value); setError(null); }} aria-invalid={error !== null} aria-required={grounds.includes('other')} />
        </label>
        {error && <p className="field-error" role="alert">{error}</p>}
        <div className="form-actions">
          <button type="submit" className="btn-danger" disabled={busy} aria-busy={busy}>{busy ? common.working : m.returnDoc}</button>
          <button type="button" onClick={onClose}>{common.cancel}</button>
        </div>
      </form>
    </Modal>
  );
}

/** Shows exactly what the signature will cover before asking for the password that unlocks the key. */
/** `noteConflict`: the source's 附注 states another attribute; the signer sees the line and what it says beside the justification. */
export function SignDialog({ statement, people, busy, noteConflict, onSign, onClose }: { statement: SignStatement; people: People; busy: boolean; noteConflict: NoteContradiction | null; onSign(password: string): Promise<string | null>; onClose(): void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal title={m.signTitle} onClose={onClose} wide>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setError(await onSign(password));
        }}
      >
        <p>{m.signStatement}</p>
        <dl className="sign-statement">
          <dt>{m.title}</dt>
          <dd>{statement.title ?? '—'}（{statement.docNumber ?? '—'}）</dd>
          <dt>{m.signHash}</dt>
          <dd className="mono">{statement.documentSha256}</dd>
          <dt>{m.signAttribute}</dt>
          <dd><strong>{attributeInfo(statement.attribute).label}</strong></dd>
          <dt>{m.signReason}</dt>
          <dd>{statement.reason || '—'}</dd>
          <dt>{m.signBasis}</dt>
          <dd>{[...statement.basis, statement.basisText].filter(Boolean).join('、') || '—'}</dd>
          {noteConflict && (
            <>
              <dt>{m.signNoteConflict}</dt>
              <dd className="note-check warn" role="note">{needText(noteConflict)}</dd>
            </>
          )}
          {statement.justification && (
            <>
              <dt>{m.justification}</dt>
              <dd>{statement.justification}</dd>
            </>
          )}
          {(statement.channels ?? []).length > 0 && (
            <>
              <dt>{channelMessages.channelsLegend}</dt>
              <dd>{channelMessages.channelList(statement.channels!, statement.channelText ?? '')}</dd>
            </>
          )}
          {statement.redactions.length > 0 && (
            <>
              <dt>{m.redactions}</dt>
              <dd>{m.signRedactions(statement.redactions.length, statement.redactions.filter((r) => r.origin === 'repeat').length)}</dd>
            </>
          )}
          <dt>{m.drafter}</dt>
          <dd>{personLabel(statement.draftedBy, people)}</dd>
          {statement.reviewedBy && (
            <>
              <dt>{m.reviewer}</dt>
              <dd>{personLabel(statement.reviewedBy, people)}</dd>
            </>
          )}
          <dt>{m.signer}</dt>
          <dd>{personLabel(statement.signer, people)}</dd>
        </dl>
        <label className="field">
          <span className="field-label">{m.signPassword}</span>
          <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && <p className="field-error" role="alert">{error}</p>}
        <div className="form-actions">
          <button type="submit" className="btn-primary" disabled={busy || password === ''} aria-busy={busy}>{busy ? common.working : m.signConfirm}</button>
          <button type="button" onClick={onClose}>{common.cancel}</button>
        </div>
      </form>
    </Modal>
  );
}
