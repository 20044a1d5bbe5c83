import { useState } from 'react';
import type { InspectionOutcome, ProposeResult, WorklistItem } from '../../../shared/ipc/inspection.ts';
import { inspectionOutcomeLabels } from '../../../shared/messages/inspection.ts';
import { Modal } from '../components/Modal.tsx';
import { common } from '../messages/common.ts';
import { inspection as m, inspectionGuards as guards } from '../messages/inspection.ts';
import { itemName } from './WorklistRow.tsx';

interface ProposeDialogProps {
  items: WorklistItem[];
  /** Absent: each item takes its own suggestion (采纳建议). */
  outcome?: InspectionOutcome | undefined;
  busy: boolean;
  onPropose(justification: string, sameJustification: boolean): Promise<ProposeResult | string>;
  onClose(): void;
}

/** Asks the justification every new decision will carry; items the core skips are listed with its reason. */
export function ProposeDialog({ items, outcome, busy, onPropose, onClose }: ProposeDialogProps) {
  const [justification, setJustification] = useState('');
  const [sameJustification, setSameJustification] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [skipped, setSkipped] = useState<ProposeResult['skipped'] | null>(null);
  const names = new Map(items.map((i) => [i.documentId, itemName(i)]));
  const breakdown = (['keep', 'proactive', 'partial'] as const)
    .map((o) => ({ o, n: items.filter((i) => i.suggested === o).length }))
    .filter((x) => x.n > 0);
  const single = items.length === 1 && outcome ? items[0]! : null;

  return (
    <Modal title={outcome ? m.proposeTitle : m.adoptTitle} onClose={onClose} wide>
      {skipped ? (
        <div>
          <h3 className="field-error">{m.skippedTitle}</h3>
          <ul className="skipped-list">
            {skipped.map((s) => <li key={s.documentId}>{m.skippedLine(names.get(s.documentId) ?? String(s.documentId), s.message)}</li>)}
          </ul>
          <div className="form-actions">
            <button type="button" className="btn-primary" onClick={onClose}>{common.close}</button>
          </div>
        </div>
      ) : (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            if (justification.trim() === '') return setError(m.justificationRequired);
            const result = await onPropose(justification.trim(), sameJustification);
            if (typeof result === 'string') return setError(result);
            if (result.skipped.length > 0) setSkipped(result.skipped);
            else onClose();
          }}
        >
          <p>{single ? m.proposeIntro(itemName(single), inspectionOutcomeLabels[outcome!]) : m.adoptIntro(items.length)}</p>
          {!outcome && (
            <p className="small muted">
              {m.adoptBreakdown}：{breakdown.map((b) => `${inspectionOutcomeLabels[b.o]} ${b.n} 项`).join('，')}
            </p>
          )}
          <label className="field">
            <span className="field-label">{m.justification}</span>
            <textarea rows={3} value={justification} placeholder={m.justificationPlaceholder} aria-invalid={error !== null} onChange={(e) => { setJustification(e.target.value); setError(null); }} />
          </label>
          {!outcome && breakdown.length > 1 && (
            <label className="radio-line check-line">
              <input type="checkbox" checked={sameJustification} onChange={(e) => { setSameJustification(e.target.checked); setError(null); }} /> {guards.sameJustification}
            </label>
          )}
          {error && <p className="field-error" role="alert">{error}</p>}
          <div className="form-actions">
            <button type="submit" className="btn-primary" disabled={busy}>{m.proposeButton}</button>
            <button type="button" onClick={onClose}>{common.cancel}</button>
          </div>
        </form>
      )}
    </Modal>
  );
}
