import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { categories } from '../../../shared/categories.ts';
import type { Finding } from '../../../shared/types.ts';
import { common } from '../messages/common.ts';
import { workspace as m } from '../messages/workspace.ts';
import { isHighScore } from '../../../shared/decision-rules.ts';
import type { Dispositions } from './decision.ts';

export interface FindingListProps {
  findings: readonly Finding[];
  dispositions: Dispositions;
  /** Findings already chosen as redaction spans count as handled. */
  redactedIds: ReadonlySet<string>;
  selectedId: string | null;
  /** The finding whose dismissal is waiting for a reason. */
  dismissingId: string | null;
  readOnly: boolean;
  /** Score at or above which a dismissal needs a reason typed by the officer. */
  highScoreThreshold: number;
  onSelect(id: string): void;
  onConfirm(id: string): void;
  /** Asks to dismiss: the owner opens the reason form for that finding. */
  onRequestDismiss(id: string): void;
  onDismiss(id: string, reason: string): void;
  /** Dismissal reasons typed but not yet given, by finding: they survive moving to another finding and back. */
  dismissDrafts?: Readonly<Record<string, string>>;
  onDraftDismiss?(id: string, reason: string): void;
  onCancelDismiss(): void;
  onUndo(id: string): void;
}

const catStyle = (colour: string) => ({ '--cat': colour }) as CSSProperties;

/** Items shown per category before "show more": a 300-page draft can carry thousands of findings. */
const GROUP_PAGE = 40;

export function FindingList(props: FindingListProps) {
  const { findings } = props;
  const active = findings.filter((f) => !f.negated).length;
  const [shown, setShown] = useState<Record<number, number>>({});
  return (
    <section className="finding-list" aria-label={m.findings}>
      <header className="panel-head">
        <h2>{m.findings}</h2>
        <span className="muted small">{m.findingsSummary(active, findings.length - active)}</span>
      </header>
      {findings.length === 0 && <p className="empty">{m.noFindings}</p>}
      <div className="finding-groups">
        {categories.map((cat) => {
          const inCat = findings.filter((f) => f.category === cat.id);
          if (inCat.length === 0) return null;
          const selectedAt = inCat.findIndex((f) => f.id === props.selectedId || f.id === props.dismissingId);
          const limit = Math.max(shown[cat.id] ?? GROUP_PAGE, selectedAt + 1);
          return (
            <section key={cat.id} className="finding-group" style={catStyle(cat.colour)} aria-label={`${cat.id} ${cat.name}`}>
              <h3>
                <span className="cat-dot" aria-hidden="true" />
                <span className="cat-no">{cat.id}</span> {cat.name}
                <span className="cat-count">{inCat.length}</span>
              </h3>
              <ul>
                {inCat.slice(0, limit).map((f) => (
                  <FindingItem key={f.id} finding={f} {...props} />
                ))}
              </ul>
              {inCat.length > limit && (
                <button type="button" className="btn-link show-more" onClick={() => setShown({ ...shown, [cat.id]: limit + GROUP_PAGE * 5 })}>
                  {m.showMore(inCat.length - limit)}
                </button>
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}

function FindingItem(props: FindingListProps & { finding: Finding }) {
  const { finding: f, dispositions, redactedIds, selectedId, dismissingId, readOnly } = props;
  const ref = useRef<HTMLLIElement>(null);
  const selected = selectedId === f.id;
  const disposition = dispositions[f.id];
  const redacted = redactedIds.has(f.id);
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  const status = redacted ? 'redacted' : disposition ? (disposition.action === 'dismiss' ? 'dismissed' : 'confirmed') : f.negated ? 'negated' : 'open';
  return (
    <li ref={ref} className={`finding ${selected ? 'selected' : ''} status-${status}`} data-finding-id={f.id} aria-current={selected ? 'true' : undefined}>
      <button type="button" className="finding-main" onClick={() => props.onSelect(f.id)} aria-label={`${f.term} ${f.explanation}`}>
        <span className="finding-term">{f.term}</span>
        {f.page !== null && <span className="finding-page">{m.pageShort(f.page)}</span>}
        <span className="finding-score" title={m.score}>
          <span className="score-bar" aria-hidden="true"><span className="score-fill" style={{ width: `${Math.round(f.score * 100)}%` }} /></span>
          {f.score.toFixed(2)}
        </span>
        {f.negated && <span className="badge badge-muted" title={m.negatedHint}>{m.negated}</span>}
        {disposition?.action === 'confirm' && <span className="badge badge-confirmed">{m.confirmed}</span>}
        {disposition?.action === 'dismiss' && <span className="badge badge-dismissed">{m.dismissed}</span>}
        {redacted && <span className="badge badge-redacted">{m.redactions}</span>}
      </button>
      <p className="finding-explanation">{f.explanation}</p>
      {f.basis.length > 0 && <p className="finding-basis">{m.basis}：{f.basis.join('、')}</p>}
      {disposition?.action === 'dismiss' && disposition.reason && <p className="finding-basis">{m.dismissReasonLabel}：{disposition.reason}</p>}
      {!readOnly && !f.negated && !redacted && dismissingId !== f.id && (
        <div className="finding-actions">
          {disposition ? (
            <button type="button" className="btn-link" onClick={() => props.onUndo(f.id)}>{m.undo}</button>
          ) : (
            <>
              <button type="button" className="btn-small" title={m.confirmHint} onClick={() => props.onConfirm(f.id)}>{m.confirm}</button>
              <button type="button" className="btn-small" title={m.dismissHint} onClick={() => props.onRequestDismiss(f.id)}>{m.dismiss}</button>
            </>
          )}
        </div>
      )}
      {dismissingId === f.id && (
        <DismissForm
          finding={f}
          high={isHighScore(f, props.highScoreThreshold)}
          draft={props.dismissDrafts?.[f.id]}
          onDraft={props.onDraftDismiss}
          onDismiss={props.onDismiss}
          onCancel={props.onCancelDismiss}
        />
      )}
    </li>
  );
}

interface DismissFormProps {
  finding: Finding;
  high: boolean;
  draft: string | undefined;
  onDraft: ((id: string, reason: string) => void) | undefined;
  onDismiss(id: string, reason: string): void;
  onCancel(): void;
}

function DismissForm({ finding, high, draft, onDraft, onDismiss, onCancel }: DismissFormProps) {
  const [reason, setTyped] = useState(draft ?? (high ? '' : m.dismissLowScore));
  const setReason = (text: string) => {
    setTyped(text);
    onDraft?.(finding.id, text);
  };
  const [error, setError] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), []);
  const submit = () => {
    if (reason.trim() === '') return setError(true);
    onDismiss(finding.id, reason.trim());
  };
  return (
    <form
      className="dismiss-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <label>
        {high ? m.dismissReasonPrompt : m.dismissReasonLabel}
        <input ref={input} value={reason} onChange={(e) => { setReason(e.target.value); setError(false); }} aria-invalid={error} />
      </label>
      <div className="chips">
        {m.dismissReasonQuick.map((q) => (
          <button key={q} type="button" className="chip" onClick={() => setReason(q)}>{q}</button>
        ))}
      </div>
      {error && <p className="field-error" role="alert">{m.reasonRequired}</p>}
      <div className="form-actions">
        <button type="submit" className="btn-small btn-primary">{m.dismissSubmit}</button>
        <button type="button" className="btn-small" onClick={onCancel}>{common.cancel}</button>
      </div>
    </form>
  );
}
