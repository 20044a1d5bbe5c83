import { useState } from 'react';
import type { BundleCheck } from '../../../shared/ipc/inspection.ts';
import { normaliseFingerprint } from '../../../shared/fingerprint.ts';
import { Modal } from '../components/Modal.tsx';
import { common } from '../messages/common.ts';
import { consolidation as m } from '../messages/inspection.ts';

/**
 * Asks for the fingerprint the office got from the unit by telephone or letter. The refused check never carries
 * the bundle's own fingerprint, so there is nothing to copy: the key is trusted only if what the unit said matches.
 * `onConfirm` answers with the refusal when the typed fingerprint does not match, and the dialog stays open.
 */
export function ConfirmKeyDialog({ refused, onConfirm, onClose }: { refused: BundleCheck; onConfirm(fingerprint: string): Promise<string | null>; onClose(): void }) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const unit = refused.unitName ?? '';
  return (
    <Modal title={m.confirmTitle} onClose={onClose}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (normaliseFingerprint(typed) === null) return setError(m.fingerprintInvalid);
          setBusy(true);
          try {
            setError(await onConfirm(typed));
          } finally {
            setBusy(false);
          }
        }}
      >
        <p>{refused.problem === 'pinned-key-mismatch' ? m.confirmKeyChanged(unit) : m.confirmFirstSeen(unit)}</p>
        <p className="small muted">{m.confirmWarning}</p>
        <label className="field">
          <span className="field-label">{m.fingerprint}</span>
          <input className="mono" value={typed} placeholder={m.fingerprintPlaceholder} autoComplete="off" spellCheck={false} aria-invalid={error !== null} onChange={(e) => { setTyped(e.target.value); setError(null); }} />
        </label>
        {error && <p className="field-error" role="alert">{error}</p>}
        <div className="form-actions">
          <button type="submit" className="btn-primary" disabled={typed.trim() === '' || busy} aria-busy={busy}>{busy ? common.working : m.confirmAction}</button>
          <button type="button" onClick={onClose}>{common.cancel}</button>
        </div>
      </form>
    </Modal>
  );
}
