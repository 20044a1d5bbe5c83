import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Suggestion } from '../../shared/types.ts';
import { AttributePanel } from '../../renderer/src/workspace/AttributePanel.tsx';
import { decisionProblems, initialFields, needsFor, type DecisionFields } from '../../renderer/src/workspace/decision.ts';
import { idCard, mention, mobile, name, paragraphs, partialSuggestion, text, withheldSuggestion } from './fixtures.ts';

afterEach(cleanup);

const findings = [idCard, mobile, name, mention];

/** The panel as the workspace uses it: controlled, with problems recomputed on every change. */
function Harness({ suggestion, start }: { suggestion: Suggestion; start?: Partial<DecisionFields> }) {
  const [value, setValue] = useState<DecisionFields>({ ...initialFields(suggestion, findings), ...start });
  const doc = { suggestion, findings, classification: suggestion === withheldSuggestion ? ('机密' as const) : null, text, current: null };
  const dispositions = { [name.id]: { findingId: name.id, action: 'dismiss' as const, reason: '公务人员' } };
  const problems = decisionProblems(value, dispositions, doc, false, 0.8);
  const needs = needsFor(value, dispositions, doc, false, 0.8);
  return (
    <>
      <AttributePanel suggestion={suggestion} value={value} findings={findings} text={text} paragraphs={paragraphs} localBasis={['本市政府信息公开规定第十条']} readOnly={false} problems={problems} justificationNeeds={needs} onChange={(p) => setValue((v) => ({ ...v, ...p }))} />
      <output data-testid="value">{JSON.stringify(value)}</output>
    </>
  );
}

const current = () => JSON.parse(screen.getByTestId('value').textContent!) as DecisionFields;

describe('AttributePanel', () => {
  it('offers the four attributes with the suggestion marked and its reasons beside it', () => {
    render(<Harness suggestion={partialSuggestion} />);
    const radios = screen.getAllByRole('radio');
    expect(radios.map((r) => (r as HTMLInputElement).value)).toEqual(['proactive', 'partial', 'on-request', 'withheld']);
    expect((screen.getByRole('radio', { name: /部分公开/ }) as HTMLInputElement).checked).toBe(true);
    const suggested = screen.getByRole('radio', { name: /部分公开/ }).closest('label')!;
    expect(within(suggested).getByText('系统建议')).toBeTruthy();
    expect(screen.getByText('行政处罚决定书应依法公示，但含有当事人的身份证号码和手机号码')).toBeTruthy();
  });

  it('starts a partial decision with every personal-data finding as a redaction span, not the normative mention', () => {
    render(<Harness suggestion={partialSuggestion} />);
    expect(current().redactions.map((r) => r.findingId)).toEqual([idCard.id, mobile.id, name.id]);
    const spans = screen.getByRole('region', { name: '删除范围' });
    expect((within(spans).getByRole('checkbox', { name: /110105199003071234/ }) as HTMLInputElement).checked).toBe(true);
    expect(within(spans).queryByRole('checkbox', { name: /个人隐私/ })).toBeNull();
  });

  it('for partial, turns checked findings into redaction spans and previews the public copy with reasons at each removal', () => {
    render(<Harness suggestion={partialSuggestion} start={{ redactions: [] }} />);
    const spans = screen.getByRole('region', { name: '删除范围' });
    fireEvent.click(within(spans).getByRole('checkbox', { name: /110105199003071234/ }));
    fireEvent.click(within(spans).getByRole('checkbox', { name: /13812345678/ }));
    expect(current().redactions.map((r) => r.findingId)).toEqual([idCard.id, mobile.id]);
    const preview = screen.getByLabelText('公开版预览');
    expect(preview.textContent).toContain('身份证号：［此处不予公开：条例第十五条］，电话：［此处不予公开：条例第十五条］。');
    expect(preview.textContent).not.toContain('110105199003071234');
  });

  it('requires reason and redactions for partial, and the problems go away once given', () => {
    render(<Harness suggestion={partialSuggestion} start={{ redactions: [] }} />);
    expect(screen.getByText('“部分公开”须填写理由')).toBeTruthy();
    expect(screen.getByText('“部分公开”须至少标记一处不予公开的段落')).toBeTruthy();
    expect(screen.getByText('尚有 2 处标记未处理（如：110105199003071234、13812345678）')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '秘密与隐私' }));
    expect(current().reason).toMatch(/条例第十五条/);
    const spans = screen.getByRole('region', { name: '删除范围' });
    fireEvent.click(within(spans).getByRole('checkbox', { name: /110105199003071234/ }));
    fireEvent.click(within(spans).getByRole('checkbox', { name: /13812345678/ }));
    expect(screen.getByText('部分公开须选择公开方式（政府网站、政府公报、政务新媒体、公开栏或其他）')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: '政府网站' }));
    expect(current().channels).toEqual(['website']);
    expect(screen.queryByText('提交前需完成')).toBeNull();
  });

  it('asks 公开方式 only of a release, and `other` written out', () => {
    render(<Harness suggestion={withheldSuggestion} />);
    expect(screen.queryByRole('checkbox', { name: '政府网站' })).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: /主动公开/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: '其他' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '政府公报' }));
    expect(current().channels).toEqual(['gazette', 'other']);
    expect(screen.getByText('选择“其他”公开方式时须写明具体方式')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: '其他公开方式' }), { target: { value: '新闻发布会' } });
    expect(screen.queryByText('选择“其他”公开方式时须写明具体方式')).toBeNull();
  });

  it('demands a justification when a classified draft suggested withheld is made proactive', () => {
    render(<Harness suggestion={withheldSuggestion} />);
    expect(screen.queryByText('认定说明')).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: /主动公开/ }));
    expect(screen.getByText('认定说明')).toBeTruthy();
    expect(screen.getByText(/文件标有密级（机密），而所选属性为“主动公开”：须说明理由/)).toBeTruthy();
    expect(screen.getByText('须填写说明：文件标有密级（机密），而所选属性为“主动公开”')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: /认定说明/ }), { target: { value: '密级标志已由定密责任人解除' } });
    expect(screen.queryByText('须填写说明：文件标有密级（机密），而所选属性为“主动公开”')).toBeNull();
  });

  it('picks legal bases from the national list and the local rules', () => {
    render(<Harness suggestion={partialSuggestion} />);
    expect(current().basis).toEqual(['条例第三十七条', '条例第十五条']);
    fireEvent.click(screen.getByRole('checkbox', { name: /本市政府信息公开规定第十条/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /^条例第三十七条/ }));
    expect(current().basis).toEqual(['条例第十五条', '本市政府信息公开规定第十条']);
  });

  it('keeps a reason and a justification typed under another attribute in view, marked as not required, so nothing is saved unseen', () => {
    render(<Harness suggestion={partialSuggestion} start={{ attribute: 'withheld' }} />);
    fireEvent.change(screen.getByRole('textbox', { name: /^理由/ }), { target: { value: '暂缓公示' } });
    fireEvent.change(screen.getByRole('textbox', { name: '认定说明' }), { target: { value: '当事人已申请复议' } });
    fireEvent.click(screen.getByRole('radio', { name: /主动公开/ }));
    const reason = screen.getByRole('textbox', { name: /^理由/ }) as HTMLTextAreaElement;
    expect(reason.value).toBe('暂缓公示');
    expect(reason.getAttribute('aria-required')).toBe('false');
    expect(screen.getByText('“主动公开”不要求理由。已填写的文字仍随认定保存，不需要可以删去。')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /部分公开/ }));
    expect((screen.getByRole('textbox', { name: '认定说明' }) as HTMLTextAreaElement).value).toBe('当事人已申请复议');
    expect(screen.getByText(/本认定无须说明/)).toBeTruthy();
  });

  it('hides the reason under 主动公开 when none was typed', () => {
    render(<Harness suggestion={partialSuggestion} start={{ attribute: 'proactive' }} />);
    expect(screen.queryByRole('textbox', { name: /^理由/ })).toBeNull();
  });

  it('says how many redaction marks are set aside while the attribute is not 部分公开', () => {
    const value = { ...initialFields(partialSuggestion, findings), attribute: 'withheld' as const, redactions: [] };
    const { rerender } = render(<AttributePanel suggestion={partialSuggestion} value={value} findings={findings} text={text} paragraphs={paragraphs} localBasis={[]} readOnly={false} problems={[]} justificationNeeds={[]} aside={3} onChange={() => {}} />);
    expect(screen.getByText('“部分公开”时勾选的 3 处删除范围已暂存：不随本认定保存，改回“部分公开”即恢复。')).toBeTruthy();
    rerender(<AttributePanel suggestion={partialSuggestion} value={value} findings={findings} text={text} paragraphs={paragraphs} localBasis={[]} readOnly={false} problems={[]} justificationNeeds={[]} aside={0} onChange={() => {}} />);
    expect(screen.queryByText(/删除范围已暂存/)).toBeNull();
  });

  it('locks every control when read-only', () => {
    render(<AttributePanel suggestion={partialSuggestion} value={initialFields(partialSuggestion, findings)} findings={findings} text={text} paragraphs={paragraphs} localBasis={[]} readOnly problems={[]} justificationNeeds={[]} onChange={() => {}} />);
    for (const radio of screen.getAllByRole('radio')) expect((radio as HTMLInputElement).disabled).toBe(true);
  });
});
