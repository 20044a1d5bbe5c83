import { useMemo, useState } from 'react';
import { attributes, attribute as attributeInfo } from '../../../shared/attributes.ts';
import { basisOptions, redactionBasis } from '../../../shared/basis.ts';
import { categories } from '../../../shared/categories.ts';
import { normaliseRedactions, redactText, withRepeats, type Redaction } from '../../../shared/redaction.ts';
import type { Attribute, CategoryId, Finding, Paragraph, Suggestion } from '../../../shared/types.ts';
import { Field } from '../components/Field.tsx';
import { workspace as m, reasonTemplates } from '../messages/workspace.ts';
import type { DecisionFields } from './decision.ts';
import type { JustificationNeed } from '../../../shared/ipc/records.ts';
import { needText } from '../../../shared/messages/records.ts';
import { spansByParagraph } from './highlight.ts';
import { channels, channelsRequired, orderedChannels, type Channel } from '../../../shared/channels.ts';
import { channelLabels, channelMessages } from '../../../shared/messages/channels.ts';

interface AttributePanelProps {
  suggestion: Suggestion;
  value: DecisionFields;
  findings: readonly Finding[];
  /** Null when the text was not kept (classified document on an unapproved machine). */
  text: string | null;
  paragraphs: readonly Paragraph[];
  localBasis: readonly string[];
  readOnly: boolean;
  problems: readonly string[];
  /** Why this decision must record a justification (shared/decision-rules.ts); empty when it need not. */
  justificationNeeds: readonly JustificationNeed[];
  /** Redaction marks set aside while the attribute is not 部分公开. */
  aside?: number;
  onChange(patch: Partial<DecisionFields>): void;
  /** Adds the text currently selected in the document as a manual redaction span. */
  onAddSelection?(): void;
}

const PREVIEW_PARAGRAPHS = 6;

export function AttributePanel(props: AttributePanelProps) {
  const { suggestion, value, readOnly, onChange } = props;
  const needed = props.justificationNeeds.length > 0;
  const info = attributeInfo(value.attribute);
  const templateCategories = useMemo(() => {
    const ids = new Set<CategoryId>();
    for (const f of props.findings) if (!f.negated) ids.add(f.category);
    return categories.filter((c) => ids.has(c.id));
  }, [props.findings]);
  const options = useMemo(() => basisOptions(props.localBasis), [props.localBasis]);

  const choose = (key: Attribute) => onChange({ attribute: key });
  const toggleBasis = (label: string) =>
    onChange({ basis: value.basis.includes(label) ? value.basis.filter((b) => b !== label) : [...value.basis, label] });

  return (
    <section className="attribute-panel" aria-label={m.attribute}>
      <h2>{m.attribute}</h2>
      <fieldset className="attribute-choices" disabled={readOnly}>
        <legend className="sr-only">{m.attribute}</legend>
        {attributes.map((a) => (
          <label key={a.key} className={`attribute-choice ${value.attribute === a.key ? 'chosen' : ''} ${suggestion.attribute === a.key ? 'is-suggested' : ''}`}>
            <input type="radio" name="attribute" value={a.key} checked={value.attribute === a.key} disabled={readOnly} onChange={() => choose(a.key)} />
            <span className="attribute-label">{a.label}</span>
            <span className="attribute-anchor">{a.anchor}</span>
            {suggestion.attribute === a.key && <span className="badge badge-suggested">{m.suggested}</span>}
          </label>
        ))}
      </fieldset>

      <div className="suggestion-box" aria-label={m.suggestionReasons}>
        <h3>{m.suggested}：{attributeInfo(suggestion.attribute).label}</h3>
        <ul>
          {suggestion.reasons.map((r) => <li key={r}>{r}</li>)}
        </ul>
        {suggestion.basis.length > 0 && <p className="small muted">{m.basis}：{suggestion.basis.join('、')}</p>}
        {suggestion.warnings.map((w) => <p key={w} className="warning small">{w}</p>)}
      </div>

      {/* Text typed under another attribute stays in view while it is kept: nothing is saved that the officer cannot see. */}
      {(needed || value.justification !== '') && (
        <Field label={m.justification} hint={needed ? m.justificationHint(props.justificationNeeds.map(needText)) : m.justificationNotRequired}>
          {(p) => <textarea {...p} rows={2} value={value.justification} readOnly={readOnly} onChange={(e) => onChange({ justification: e.target.value })} aria-required={needed} />}
        </Field>
      )}

      {(info.reasonRequired || value.reason !== '') && (
        <>
          <Field label={m.reason} hint={info.reasonRequired ? undefined : m.reasonNotRequired(info.label)}>
            {(p) => <textarea {...p} rows={3} value={value.reason} placeholder={m.reasonPlaceholder} readOnly={readOnly} onChange={(e) => onChange({ reason: e.target.value })} aria-required={info.reasonRequired} />}
          </Field>
          {!readOnly && templateCategories.length > 0 && (
            <div className="templates">
              <span className="field-hint">{m.templates}：</span>
              {templateCategories.map((c) => (
                <button key={c.id} type="button" className="chip" onClick={() => onChange({ reason: value.reason ? `${value.reason}\n${reasonTemplates[c.id]}` : reasonTemplates[c.id] })}>
                  {c.short}
                </button>
              ))}
            </div>
          )}
        </>
      )}

      <fieldset className="field basis-list" disabled={readOnly}>
        <legend className="field-label">{m.legalBasis}</legend>
        {options.map((o) => (
          <label key={o.label} className="basis-option" title={o.summary}>
            <input type="checkbox" checked={value.basis.includes(o.label)} disabled={readOnly} onChange={() => toggleBasis(o.label)} />
            <span>{o.label}</span>
            {o.summary && <span className="muted small"> {o.summary}</span>}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span className="field-label">{m.basisText}</span>
        <input value={value.basisText} placeholder={m.basisTextPlaceholder} readOnly={readOnly} onChange={(e) => onChange({ basisText: e.target.value })} />
      </label>

      {channelsRequired(value.attribute) && <ChannelChoices value={value} readOnly={readOnly} onChange={onChange} />}

      {value.attribute === 'partial' && <RedactionEditor {...props} />}
      {value.attribute !== 'partial' && (props.aside ?? 0) > 0 && <p className="banner small aside-note">{m.asideNote(props.aside!)}</p>}

      {!readOnly && props.problems.length > 0 && (
        <div className="problems" role="status">
          <h3>{m.problems}</h3>
          <ul>
            {props.problems.map((p) => <li key={p}>{p}</li>)}
          </ul>
        </div>
      )}
    </section>
  );
}

/** 公开方式 of a release (seed 004 第四十六条): at least one, and `other` written out. */
function ChannelChoices({ value, readOnly, onChange }: Pick<AttributePanelProps, 'value' | 'readOnly' | 'onChange'>) {
  const toggle = (c: Channel) => onChange({ channels: value.channels.includes(c) ? value.channels.filter((x) => x !== c) : orderedChannels([...value.channels, c]) });
  return (
    <fieldset className="field channel-list" disabled={readOnly}>
      <legend className="field-label">{channelMessages.channelsLegend}</legend>
      {channels.map((c) => (
        <label key={c} className="basis-option">
          <input type="checkbox" name="channel" value={c} checked={value.channels.includes(c)} disabled={readOnly} onChange={() => toggle(c)} aria-required />
          <span>{channelLabels[c]}</span>
        </label>
      ))}
      {value.channels.includes('other') && (
        <label className="field">
          <span className="field-label">{channelMessages.channelTextLabel}</span>
          <input value={value.channelText} placeholder={channelMessages.channelTextPlaceholder} readOnly={readOnly} onChange={(e) => onChange({ channelText: e.target.value })} aria-required />
        </label>
      )}
    </fieldset>
  );
}

const CANDIDATE_PAGE = 40;

function RedactionEditor({ value, findings, text, paragraphs, readOnly, onChange, onAddSelection }: AttributePanelProps) {
  const [limit, setLimit] = useState(CANDIDATE_PAGE);
  const candidates = findings.filter((f) => !f.negated);
  const chosen = new Set(value.redactions.map((r) => r.findingId).filter((id): id is string => id !== null));
  const toggle = (f: Finding) => {
    if (chosen.has(f.id)) onChange({ redactions: value.redactions.filter((r) => r.findingId !== f.id) });
    else onChange({ redactions: [...value.redactions, { start: f.start, end: f.end, basis: redactionBasis(f), findingId: f.id }] });
  };
  const spans = useMemo(() => (text === null ? value.redactions : withRepeats(text, value.redactions)), [text, value.redactions]);
  const manual = value.redactions.filter((r) => r.findingId === null && r.origin !== 'repeat');
  const repeats = useMemo(() => repeatGroups(text, spans), [text, spans]);
  return (
    <section className="redactions" aria-label={m.redactions}>
      <h3>{m.redactions}</h3>
      <p className="field-hint">{m.redactionsHint}</p>
      <ul className="redaction-list">
        {candidates.slice(0, limit).map((f) => (
          <li key={f.id}>
            <label>
              <input type="checkbox" checked={chosen.has(f.id)} disabled={readOnly} onChange={() => toggle(f)} />
              <span className="redaction-term">{f.term}</span>
              <span className="muted small">{categories[f.category - 1]!.short}</span>
            </label>
          </li>
        ))}
        {manual.map((r) => (
          <li key={`${r.start}:${r.end}`}>
            <span className="redaction-term">{text ? text.slice(r.start, r.end) : `${r.start}–${r.end}`}</span>
            <span className="muted small">{m.manualSpan}</span>
            {!readOnly && (
              <button type="button" className="btn-link" onClick={() => onChange({ redactions: value.redactions.filter((x) => x !== r) })}>{m.removeSpan}</button>
            )}
          </li>
        ))}
      </ul>
      {candidates.length > limit && (
        <button type="button" className="btn-link show-more" onClick={() => setLimit(limit + CANDIDATE_PAGE * 5)}>{m.showMore(candidates.length - limit)}</button>
      )}
      {!readOnly && onAddSelection && <button type="button" className="btn-small" onClick={onAddSelection}>{m.addSelection}</button>}
      {repeats.length > 0 && (
        <div className="redaction-repeats" aria-label={m.repeatSpans}>
          <h4>{m.repeatSpans}</h4>
          <p className="field-hint">{m.repeatSpansHint}</p>
          <ul className="redaction-list">
            {repeats.map((g) => (
              <li key={g.text}>
                <span className="redaction-term">{g.text}</span>
                <span className="muted small">{m.repeatCount(g.count, g.basis)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <Preview text={text} paragraphs={paragraphs} redactions={spans} />
    </section>
  );
}

/** The spans added because they repeat a withheld value, one line per distinct text. */
function repeatGroups(text: string | null, spans: readonly Redaction[]): { text: string; count: number; basis: string }[] {
  if (text === null) return [];
  const groups = new Map<string, { text: string; count: number; basis: string }>();
  for (const r of spans) {
    if (r.origin !== 'repeat') continue;
    const piece = text.slice(r.start, r.end);
    const group = groups.get(piece) ?? { text: piece, count: 0, basis: r.basis };
    group.count++;
    groups.set(piece, group);
  }
  return [...groups.values()];
}

function Preview({ text, paragraphs, redactions }: { text: string | null; paragraphs: readonly Paragraph[]; redactions: readonly Redaction[] }) {
  if (text === null) return null;
  const spans = normaliseRedactions(redactions, text.length);
  const perParagraph = spansByParagraph(paragraphs, spans);
  const touched = paragraphs.filter((_, i) => perParagraph[i]!.length > 0);
  return (
    <div className="preview" aria-label={m.preview}>
      <h3>{m.preview}</h3>
      {touched.length === 0 && <p className="muted small">{m.previewEmpty}</p>}
      {touched.slice(0, PREVIEW_PARAGRAPHS).map((p) => (
        <p key={p.start} className="preview-paragraph">{redactText(text.slice(p.start, p.end), spans, p.start).text}</p>
      ))}
      {touched.length > PREVIEW_PARAGRAPHS && <p className="muted small">{m.previewMore(touched.length - PREVIEW_PARAGRAPHS)}</p>}
    </div>
  );
}
