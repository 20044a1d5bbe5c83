import { attribute as attributeInfo } from '../../../shared/attributes.ts';
import { noteAttribute, noteContradicts } from '../../../shared/publicity-note.ts';
import type { Attribute, DocumentMetadata } from '../../../shared/types.ts';
import { shortHash } from '../lib/format.ts';
import { workspace as m } from '../messages/workspace.ts';

interface MetadataCardProps {
  metadata: DocumentMetadata;
  fileName: string;
  sha256: string;
  pageCount: number | null;
  /** The attribute currently chosen, to check the 附注 against. */
  attribute: Attribute;
}

/** The 附注 must state the attribute chosen (shared/publicity-note.ts); a missing one is added by the 附注 export after signing. */
function noteCheck(note: string | null, attribute: Attribute): { ok: boolean; text: string } | null {
  const noted = note === null ? null : noteAttribute(note);
  if (noted === null) return attribute === 'proactive' ? { ok: false, text: m.noteCheckMissing } : null;
  if (noteContradicts(attribute, noted)) return { ok: false, text: m.noteCheckConflict(note!, attributeInfo(attribute).noteMark) };
  return { ok: true, text: m.noteCheckOk(attributeInfo(attribute).label) };
}

export function MetadataCard({ metadata, fileName, sha256, pageCount, attribute }: MetadataCardProps) {
  const check = noteCheck(metadata.note, attribute);
  const c = metadata.classification;
  return (
    <section className="metadata-card" aria-label={m.metadata}>
      <dl>
        <dt>{m.docNumber}</dt>
        <dd>{metadata.docNumber ?? '—'}</dd>
        <dt>{m.classification}</dt>
        <dd className={c ? 'classified' : ''}>{c ? `${c.level}${c.period ? `★${c.period}` : ''}` : m.notClassified}</dd>
        <dt>{m.date}</dt>
        <dd>{metadata.date ?? metadata.dateRaw ?? '—'}</dd>
        <dt>{m.note}</dt>
        <dd>
          {metadata.note ?? m.noteMissing}
          {check && <span className={`note-check ${check.ok ? 'ok' : 'warn'}`} role="note">{check.text}</span>}
        </dd>
        {metadata.issuer && (
          <>
            <dt>{m.issuer}</dt>
            <dd>{metadata.issuer}</dd>
          </>
        )}
        <dt>{m.fileName}</dt>
        <dd className="small">{fileName}{pageCount !== null ? ` · ${pageCount} 页` : ''}</dd>
        <dt>{m.sha256}</dt>
        <dd className="mono small" title={sha256}>{shortHash(sha256)}</dd>
      </dl>
    </section>
  );
}
