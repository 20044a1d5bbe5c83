import { redactText, type Redaction } from '../../../shared/redaction.ts';
import type { DocumentMetadata, Paragraph } from '../../../shared/types.ts';

/** How a block of the public copy is laid out, read from the stored paragraph kinds and the 公文 metadata. */
type BlockRole = 'title' | 'heading' | 'centred' | 'addressee' | 'signature' | 'body';

export type Block = { role: BlockRole; text: string } | { role: 'table'; rows: string[][] };

export interface PublicCopy {
  blocks: Block[];
  /** The public text as it should read back: blocks joined by line breaks, table cells by tabs. */
  text: string;
  marks: number;
  removed: string[];
}

const same = (a: string, b: string | null) => b !== null && a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/** `inBody`: a heading or body paragraph came before, so the agency's name is the 署名, not the 版头. */
function roleOf(kind: Paragraph['kind'], original: string, meta: DocumentMetadata, inBody: boolean): BlockRole {
  if (kind === 'title' || (!inBody && same(original, meta.title))) return 'title';
  if (kind === 'heading') return 'heading';
  if (inBody && (same(original, meta.issuer) || same(original, meta.dateRaw))) return 'signature';
  if (same(original, meta.issuerMark) || same(original, meta.docNumberRaw) || same(original, meta.docNumber)) return 'centred';
  if (meta.addressee && same(original, `${meta.addressee}：`)) return 'addressee';
  if (same(original, meta.issuer) || same(original, meta.dateRaw)) return 'signature';
  return 'body';
}

/**
 * The stored paragraphs as blocks with every withheld span replaced by its mark. Table rows (cells joined by
 * tabs in the stored text) are redacted cell by cell so a mark never swallows a column; text between
 * paragraphs that no paragraph covers is kept as body text, so nothing of the original is silently dropped.
 */
export function publicCopy(text: string, paragraphs: readonly Paragraph[], redactions: readonly Redaction[], meta: DocumentMetadata): PublicCopy {
  const blocks: Block[] = [];
  let marks = 0;
  const removed: string[] = [];
  const redact = (start: number, end: number) => {
    const r = redactText(text.slice(start, end), redactions, start);
    marks += r.marks;
    removed.push(...r.removed);
    return r.text;
  };
  const loose = (start: number, end: number) => {
    let at = start;
    for (const line of text.slice(start, end).split('\n')) {
      if (line.trim() !== '') blocks.push({ role: 'body', text: redact(at, at + line.length) });
      inBody ||= line.trim() !== '';
      at += line.length + 1;
    }
  };
  let cursor = 0;
  let inBody = false;
  for (const p of [...paragraphs].sort((a, b) => a.start - b.start)) {
    const start = Math.max(p.start, cursor);
    if (p.end <= start) continue;
    loose(cursor, start);
    cursor = p.end;
    if (p.kind === 'table') {
      const cells: string[] = [];
      let at = start;
      for (const cell of text.slice(start, p.end).split('\t')) {
        cells.push(redact(at, at + cell.length));
        at += cell.length + 1;
      }
      const last = blocks.at(-1);
      inBody = true;
      if (last?.role === 'table') last.rows.push(cells);
      else blocks.push({ role: 'table', rows: [cells] });
      continue;
    }
    const role = roleOf(p.kind, text.slice(start, p.end), meta, inBody);
    inBody ||= role === 'body' || role === 'heading';
    blocks.push({ role, text: redact(start, p.end) });
  }
  loose(cursor, text.length);
  const plain = blocks.map((b) => (b.role === 'table' ? b.rows.map((r) => r.join('\t')).join('\n') : b.text)).join('\n');
  return { blocks, text: plain, marks, removed };
}
