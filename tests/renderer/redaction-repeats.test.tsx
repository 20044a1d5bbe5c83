import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding, Paragraph, Suggestion } from '../../shared/types.ts';
import { AttributePanel } from '../../renderer/src/workspace/AttributePanel.tsx';
import { decisionProblems, initialFields, publicCopyFileName, type DecisionFields } from '../../renderer/src/workspace/decision.ts';
import { withRepeats } from '../../shared/redaction.ts';

afterEach(cleanup);

const text = '关于戚明远违法行为的处罚决定\n来电人：戚明远，电话13912345678。\n经查，戚明远于三月违法经营。';
const paragraphs: Paragraph[] = text.split('\n').reduce<Paragraph[]>((acc, line) => {
  const start = acc.length === 0 ? 0 : acc.at(-1)!.end + 1;
  acc.push({ start, end: start + line.length, page: 1, zone: 'body', kind: 'paragraph' });
  return acc;
}, []);
const labelled = text.indexOf('戚明远', text.indexOf('来电人'));
// A caller's name: the scanner lists 第十四条 first among its bases, yet the mark must cite privacy.
const name: Finding = { id: `pii.name:${labelled}`, category: 1, term: '戚明远', start: labelled, end: labelled + 3, page: 1, zone: 'body', kind: 'pii', piiType: 'name', score: 0.9, negated: false, rule: 'pii.name', explanation: '来电人的姓名', basis: ['条例第十四条', '条例第十五条', '监察法第七十四条'] };
const suggestion: Suggestion = { attribute: 'partial', reasons: ['含有来电人的个人信息'], basis: ['条例第十五条', '条例第三十七条'], redactions: [], warnings: [] };

function Harness() {
  const [value, setValue] = useState<DecisionFields>({ ...initialFields(suggestion, [name]), reason: '删除个人信息后公开' });
  const problems = decisionProblems(value, {}, { suggestion, findings: [name], classification: null, text, current: null }, false, 0.8);
  return (
    <>
      <AttributePanel suggestion={suggestion} value={value} findings={[name]} text={text} paragraphs={paragraphs} localBasis={[]} readOnly={false} problems={problems} justificationNeeds={[]} onChange={(p) => setValue((v) => ({ ...v, ...p }))} />
      <output data-testid="value">{JSON.stringify(value)}</output>
    </>
  );
}

describe('repeats of a withheld value in the workspace', () => {
  it('previews the title and every later mention withheld with the finding\'s label, and lists them apart from hand-marked spans', () => {
    render(<Harness />);
    const spans = screen.getByRole('region', { name: '删除范围' });
    const repeats = within(spans).getByLabelText('同一内容的其他出现处');
    expect(repeats.textContent).toContain('戚明远');
    expect(repeats.textContent).toContain('另 2 处 · 条例第十五条');
    expect(within(spans).queryByText('手工选定')).toBeNull();
    const preview = screen.getByLabelText('公开版预览').textContent!;
    expect(preview).toContain('关于［此处不予公开：条例第十五条］违法行为的处罚决定');
    expect(preview).toContain('来电人：［此处不予公开：条例第十五条］');
    expect(preview).toContain('经查，［此处不予公开：条例第十五条］于三月');
    expect(preview).not.toContain('戚明远');
    expect(preview).not.toContain('第十四条');
  });

  it('takes the repeats away with the span they repeat', () => {
    render(<Harness />);
    const spans = screen.getByRole('region', { name: '删除范围' });
    fireEvent.click(within(spans).getByRole('checkbox', { name: /戚明远/ }));
    expect(within(spans).queryByLabelText('同一内容的其他出现处')).toBeNull();
    expect(screen.getByText('“部分公开”须至少标记一处不予公开的段落')).toBeTruthy();
  });

  it('offers a file name for the public copy that carries no withheld value, from the title or else the file name', () => {
    const signed = withRepeats(text, [{ start: name.start, end: name.end, basis: '条例第十五条', findingId: name.id }]);
    expect(publicCopyFileName({ title: '关于戚明远违法行为的处罚决定', fileName: 'x.docx', text }, signed)).toBe('关于××违法行为的处罚决定（公开版）.docx');
    expect(publicCopyFileName({ title: null, fileName: '戚明远处罚决定.docx', text }, signed)).toBe('××处罚决定（公开版）.docx');
  });
});
