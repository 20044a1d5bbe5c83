import { expect } from 'vitest';
import { parseMetadata } from '../../electron/core/metadata/index.ts';
import type { ExtractedDocument, IntakeResult, Paragraph } from '../../shared/types.ts';

export function expectDocument(result: IntakeResult): ExtractedDocument {
  if (!result.ok) throw new Error(`expected a document, got ${result.error.code}: ${result.error.message}`);
  return result.document;
}

export function expectError(result: IntakeResult, code: string): string {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.error.code).toBe(code);
  return result.error.message;
}

export const paragraphTexts = (doc: ExtractedDocument, filter: (p: Paragraph) => boolean = () => true) =>
  doc.paragraphs.filter(filter).map((p) => doc.text.slice(p.start, p.end));

/** parseMetadata over `lines`, each one body paragraph, with the zone and kind each line ended up in. */
export function parseLines(lines: string[]) {
  const paragraphs: Paragraph[] = [];
  let offset = 0;
  for (const line of lines) {
    paragraphs.push({ start: offset, end: offset + line.length, page: 1, zone: 'body', kind: 'paragraph' });
    offset += line.length + 1;
  }
  const result = parseMetadata(lines.join('\n'), paragraphs);
  const zoneOf = (line: string) => result.paragraphs[lines.indexOf(line)]!.zone;
  const kindOf = (line: string) => result.paragraphs[lines.indexOf(line)]!.kind;
  return { ...result, zoneOf, kindOf };
}
