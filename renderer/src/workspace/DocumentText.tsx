import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, type CSSProperties } from 'react';
import { category } from '../../../shared/categories.ts';
import type { Redaction } from '../../../shared/redaction.ts';
import type { Finding, Paragraph, Span } from '../../../shared/types.ts';
import { workspace as m } from '../messages/workspace.ts';
import type { Dispositions } from './decision.ts';
import { paragraphAt, paragraphRuns, spansByParagraph } from './highlight.ts';

interface DocumentTextProps {
  text: string;
  paragraphs: readonly Paragraph[];
  findings: readonly Finding[];
  dispositions: Dispositions;
  redactions: readonly Redaction[];
  selectedId: string | null;
  onSelect(id: string): void;
}

/** Paragraphs are virtualised: a 300-page document keeps only the visible screenfuls in the DOM. */
export function DocumentText({ text, paragraphs, findings, dispositions, redactions, selectedId, onSelect }: DocumentTextProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const perParagraph = useMemo(() => spansByParagraph(paragraphs, findings), [paragraphs, findings]);
  const redactionsPer = useMemo(() => spansByParagraph(paragraphs, redactions), [paragraphs, redactions]);
  const virtualizer = useVirtualizer({
    count: paragraphs.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => 32 + Math.ceil((paragraphs[i]!.end - paragraphs[i]!.start) / 34) * 30,
    overscan: 6,
  });
  const selected = selectedId ? findings.find((f) => f.id === selectedId) : undefined;
  useEffect(() => {
    if (!selected || paragraphs.length === 0) return;
    virtualizer.scrollToIndex(paragraphAt(paragraphs, selected.start), { align: 'center' });
  }, [selected, paragraphs, virtualizer]);

  return (
    <div ref={scroller} className="document-text" aria-label={m.documentText} tabIndex={0}>
      <div className="document-sheet" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const p = paragraphs[item.index]!;
          const prev = item.index > 0 ? paragraphs[item.index - 1]! : null;
          const newPage = p.page !== null && p.page !== prev?.page;
          return (
            <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="paragraph-slot" style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}>
              {newPage && <div className="page-marker">{m.page(p.page!)}</div>}
              <ParagraphView
                text={text}
                paragraph={p}
                findings={perParagraph[item.index]!}
                redactions={redactionsPer[item.index]!}
                dispositions={dispositions}
                selectedId={selectedId}
                onSelect={onSelect}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}

interface ParagraphViewProps {
  text: string;
  paragraph: Paragraph;
  findings: Finding[];
  redactions: Redaction[];
  dispositions: Dispositions;
  selectedId: string | null;
  onSelect(id: string): void;
}

const ParagraphView = memo(function ParagraphView({ text, paragraph, findings, redactions, dispositions, selectedId, onSelect }: ParagraphViewProps) {
  const runs = paragraphRuns(text, paragraph, findings, redactions);
  return (
    <p className={`para para-${paragraph.kind} zone-${paragraph.zone}`} data-start={paragraph.start}>
      {runs.map((run) => {
        const top = run.findings[0];
        if (!top) {
          return (
            <span key={run.start} data-start={run.start} className={run.redacted ? 'redacted' : undefined}>
              {run.text}
            </span>
          );
        }
        const d = dispositions[top.id];
        const classes = ['hl', top.negated ? 'hl-negated' : '', d ? (d.action === 'dismiss' ? 'hl-dismissed' : 'hl-confirmed') : '', run.redacted ? 'redacted' : '', run.findings.some((f) => f.id === selectedId) ? 'hl-selected' : ''];
        return (
          <mark
            key={run.start}
            data-start={run.start}
            data-finding-id={top.id}
            className={classes.filter(Boolean).join(' ')}
            style={{ '--cat': category(top.category).colour } as CSSProperties}
            title={`${top.category} ${category(top.category).name}：${top.explanation}`}
            onClick={() => onSelect(top.id)}
          >
            {run.text}
          </mark>
        );
      })}
    </p>
  );
});

/** The document span the user has selected with the mouse, from the run offsets written into the DOM. */
export function selectedSpan(): Span | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const offsetOf = (node: Node, offset: number): number | null => {
    const el = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))?.closest<HTMLElement>('[data-start]');
    if (!el || !el.closest('.document-text')) return null;
    const base = Number(el.dataset.start);
    return node.nodeType === Node.TEXT_NODE ? base + offset : base;
  };
  const start = offsetOf(range.startContainer, range.startOffset);
  const end = offsetOf(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}
