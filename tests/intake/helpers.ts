import { expect } from 'vitest';
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
