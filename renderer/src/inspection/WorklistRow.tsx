import { useState } from 'react';
import { inspectionOutcomes, type InspectionOutcome, type WorklistItem } from '../../../shared/ipc/inspection.ts';
import { inspectionOutcomeLabels, progressLabels, ruleLabels } from '../../../shared/messages/inspection.ts';
import type { DecisionState } from '../../../shared/types.ts';
import { AttributeBadge, StateBadge } from '../components/Badges.tsx';
import { stateLabels } from '../messages/common.ts';
import { inspection as m } from '../messages/inspection.ts';

export interface WorklistRowProps {
  item: WorklistItem;
  selected: boolean;
  /** The signed-in user may propose outcomes (a drafter) and the inspection is open. */
  canPropose: boolean;
  onToggle(): void;
  onPropose(outcome: InspectionOutcome): void;
  onOpen(): void;
}

export const itemName = (item: Pick<WorklistItem, 'docNumber' | 'title' | 'fileName'>): string => item.title ?? item.docNumber ?? item.fileName;

/** An outcome that would re-decide the attribute already in force is not a conversion: "keep" is. */
const sameAsCurrent = (item: WorklistItem, outcome: InspectionOutcome) => outcome !== 'keep' && outcome === item.attribute;

/** One worklist item: what is in force and why, why it is listed, what the system suggests, and the outcome. */
export function WorklistRow({ item, selected, canPropose, onToggle, onPropose, onOpen }: WorklistRowProps) {
  const [choice, setChoice] = useState<InspectionOutcome>(item.suggested);
  const name = itemName(item);
  const pending = item.progress === 'pending';
  const newState = item.newDecisionState ?? 'draft';
  return (
    <tr className={`worklist-row row-${item.progress} ${selected ? 'selected' : ''}`}>
      <td className="wl-select">
        {pending && canPropose && <input type="checkbox" checked={selected} onChange={onToggle} aria-label={m.selectItem(name)} />}
      </td>
      <td className="wl-document">
        <button type="button" className="row-open wl-title" onClick={onOpen} title={m.openDocument}>{item.title ?? item.fileName}</button>
        <span className="muted small">{item.docNumber ?? m.noDocNumber}{item.date ? ` · ${item.date}` : ''}</span>
        {item.classification && <span className="classified-tag">{item.classification}</span>}
      </td>
      <td className="wl-current">
        <AttributeBadge attribute={item.attribute} />
        {item.reason && <p className="small"><span className="muted">{m.reason}：</span>{item.reason}</p>}
        {item.basis.length > 0 && <p className="small"><span className="muted">{m.basis}：</span>{item.basis.join('、')}</p>}
      </td>
      <td className="wl-facts small">
        <span className={item.requestCount > 0 ? 'wl-requests has' : 'wl-requests'}>{m.requests(item.requestCount)}</span>
        <span className={item.rules.includes('secrecy-lapsed') ? 'warning' : 'muted'}>{item.secrecyEnds ? m.secrecyEnds(item.secrecyEnds) : m.noSecrecy}</span>
      </td>
      <td className="wl-rules">
        {item.rules.map((r) => <span key={r} className={`rule-chip rule-${r}`}>{ruleLabels[r]}</span>)}
      </td>
      <td className="wl-suggestion">
        <strong className={`outcome outcome-${item.suggested}`}>{inspectionOutcomeLabels[item.suggested]}</strong>
        <p className="small muted">{item.suggestionReason}</p>
      </td>
      <td className="wl-outcome">
        {pending ? (
          canPropose ? (
            <div className="outcome-control">
              <select value={choice} onChange={(e) => setChoice(e.target.value as InspectionOutcome)} aria-label={m.outcomeFor(name)}>
                {inspectionOutcomes.map((o) => (
                  <option key={o} value={o} disabled={sameAsCurrent(item, o)}>
                    {inspectionOutcomeLabels[o]}{o === item.suggested ? '（建议）' : ''}
                  </option>
                ))}
              </select>
              <button type="button" className="btn-small" disabled={sameAsCurrent(item, choice)} onClick={() => onPropose(choice)}>{m.propose}</button>
            </div>
          ) : (
            <span className="progress-badge progress-pending">{progressLabels.pending}</span>
          )
        ) : (
          <div className="outcome-result">
            <strong className={`outcome outcome-${item.outcome}`}>{item.outcome ? inspectionOutcomeLabels[item.outcome] : ''}</strong>
            <span className={`progress-badge progress-${item.progress}`}>{progressLabels[item.progress]}</span>
            {item.newDecisionId !== null && (
              <button type="button" className="btn-link small" onClick={onOpen}>
                {m.newDecision(item.newDecisionId)}
                {Object.hasOwn(stateLabels, newState) ? <StateBadge state={newState as DecisionState} /> : newState}
              </button>
            )}
            {item.justification && <span className="small muted">{m.justificationShown}：{item.justification}</span>}
          </div>
        )}
      </td>
    </tr>
  );
}
