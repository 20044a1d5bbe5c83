import { useEffect, useMemo, useState } from 'react';
import { spanBasis } from '../../../shared/basis.ts';
import { withRepeats } from '../../../shared/redaction.ts';
import { AttributeBadge, StateBadge } from '../components/Badges.tsx';
import { useBusy } from '../lib/busy.ts';
import { common } from '../messages/common.ts';
import { workspace as m } from '../messages/workspace.ts';
import { useNotices } from '../stores/notices.ts';
import { useRoute, type QueueName, type Route } from '../stores/route.ts';
import { queues as queueText, queueTitles } from '../messages/queues.ts';
import { useSession } from '../stores/session.ts';
import { useSettings } from '../stores/settings.ts';
import { canEdit, useWorkspace } from '../stores/workspace.ts';
import { AttributePanel } from '../workspace/AttributePanel.tsx';
import { decisionProblems, needsFor, publicCopyFileName } from '../workspace/decision.ts';
import { defaultHighScoreThreshold, noteNeed } from '../../../shared/decision-rules.ts';
import { ConfirmDialog, ReturnDialog, SignDialog } from '../workspace/dialogs.tsx';
import { suggestedReturnGrounds } from '../../../shared/return-grounds.ts';
import { returnGroundLabels } from '../../../shared/messages/channels.ts';
import { DocumentText, selectedSpan } from '../workspace/DocumentText.tsx';
import { FindingList } from '../workspace/FindingList.tsx';
import { HistoryPanel } from '../workspace/HistoryPanel.tsx';
import { MetadataCard } from '../workspace/MetadataCard.tsx';
import { PublicationCard } from '../publication/PublicationCard.tsx';
import { QueueNav } from '../workspace/QueueNav.tsx';
import { SaveProblem } from '../workspace/SaveProblem.tsx';
import { mayWrite } from '../../../shared/write-roles.ts';

const noLocalBasis: string[] = [];

type Dialog = 'submit' | 'approve' | 'return' | 'sign' | null;

const typing = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

const backLabel = (previous: Route): string =>
  previous.view === 'queue' ? queueText.backToQueue(queueTitles[previous.queue]) : previous.view === 'register' ? m.backToRegister : m.back;

export function WorkspaceView({ documentId, queue }: { documentId: number; queue?: QueueName }) {
  const ws = useWorkspace();
  const { back, previous } = useRoute();
  const user = useSession((s) => s.user);
  const localBasis = useSettings((s) => s.settings?.localBasis ?? noLocalBasis);
  const threshold = useSettings((s) => s.settings?.highScoreThreshold ?? defaultHighScoreThreshold);
  const [dialog, setDialog] = useState<Dialog>(null);
  /** The publication stage's verdict on the 解读, read when the return dialog opens (the card may have changed it). */
  const [lacksInterpretation, setLacksInterpretation] = useState(false);
  const [exporting, runExport] = useBusy<'copy' | 'form' | 'stamp'>();
  const { detail, fields } = ws;

  const { open, leave } = ws;
  // Leaving the document (any link, 下一件, another document) saves what is unsaved; what cannot be saved is kept for its next opening.
  useEffect(() => {
    void open(documentId);
    return () => void leave(documentId);
  }, [open, leave, documentId]);
  useEffect(() => {
    const onUnload = () => useWorkspace.getState().saveBeforeUnload();
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, []);

  const editable = canEdit(detail, ws.superseding);
  const problems = useMemo(
    () => (detail && fields ? decisionProblems(fields, ws.dispositions, detail, ws.superseding, threshold) : []),
    [detail, fields, ws.dispositions, ws.superseding, threshold],
  );
  const needs = useMemo(() => (detail && fields ? needsFor(fields, ws.dispositions, detail, ws.superseding, threshold) : []), [detail, fields, ws.dispositions, ws.superseding, threshold]);
  const previewSpans = useMemo(() => (detail?.text && fields ? withRepeats(detail.text, fields.redactions) : (fields?.redactions ?? [])), [detail?.text, fields?.redactions]);
  const redactedIds = useMemo(() => new Set((fields?.redactions ?? []).map((r) => r.findingId).filter((id): id is string => id !== null)), [fields]);
  const actions = detail?.actions ?? [];
  const canSubmit = editable && problems.length === 0;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (dialog) return;
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
        e.preventDefault();
        if (canSubmit) setDialog('submit');
        return;
      }
      if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const s = useWorkspace.getState();
      const key = e.key.toLowerCase();
      if (key === 'j') s.step(1);
      else if (key === 'k') s.step(-1);
      else if (key === 'c' && s.selectedId) s.confirm(s.selectedId);
      else if (key === 'd' && s.selectedId) {
        e.preventDefault();
        s.requestDismiss(s.selectedId);
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dialog, canSubmit]);

  if (ws.error) return <div className="view"><p className="field-error" role="alert">{ws.error}</p></div>;
  if (!detail || !fields || detail.id !== documentId) return <div className="view"><p className="muted">{common.loading}</p></div>;

  const current = detail.current;
  const ownDecision = current && user && current.draftedBy === user.name;
  const waitingForOthers = current && (current.state === 'submitted' || current.state === 'approved');
  const addSelection = () => {
    const span = selectedSpan();
    if (!span) return useNotices.getState().fail({ code: 'no-selection', message: m.noSelection });
    ws.change({ redactions: [...fields.redactions, { ...span, basis: spanBasis(span, detail.findings, fields.basis), findingId: null }] });
  };
  const exportCopy = async () => {
    const path = await window.api.chooseSavePath({ defaultName: publicCopyFileName(detail, current?.redactions ?? []), filters: [{ name: 'Word 文档', extensions: ['docx'] }, { name: '纯文本', extensions: ['txt'] }] });
    if (path) await runExport('copy', () => ws.exportRedacted(path, path.toLowerCase().endsWith('.txt') ? 'txt' : 'docx'));
  };
  const docxOnly = [{ name: 'Word 文档', extensions: ['docx'] }];
  const exportForm = async () => {
    const path = await window.api.chooseSavePath({ defaultName: m.formFileName(publicCopyFileName(detail, current?.redactions ?? []).replace(/\.[a-z]+$/i, '')), filters: docxOnly });
    if (path) await runExport('form', () => ws.exportReviewForm(path));
  };
  const exportStamp = async () => {
    // The record keeps the text, not the file: the person points at the original the register read.
    const [source] = await window.api.chooseFiles({});
    if (!source) return;
    const path = await window.api.chooseSavePath({ defaultName: m.stampFileName((detail.title ?? detail.fileName).replace(/\.[a-z]+$/i, '')), filters: docxOnly });
    if (path) await runExport('stamp', () => ws.exportStamped(source, path));
  };
  const openReturn = async () => {
    try {
      setLacksInterpretation((await window.api.publicationProfile({ documentId: detail.id })).lacksInterpretation);
    } catch {
      // Only a suggestion is lost: the reviewer can still tick the ground.
      setLacksInterpretation(false);
    }
    setDialog('return');
  };
  const mayExportForms = current?.state === 'signed' && mayWrite(user?.roles ?? [], 'stampedCopy');

  return (
    <div className="view workspace-view">
      <header className="view-head workspace-head">
        <button type="button" className="btn-link back-link" onClick={async () => { if (!ws.dirty || (await ws.flush())) back(); }}>← {backLabel(previous)}</button>
        <div className="workspace-title">
          <h1>{detail.title ?? detail.fileName}</h1>
          <span className="muted">{detail.docNumber ?? ''}</span>
        </div>
        <StateBadge state={detail.state} />
        {current && <AttributeBadge attribute={current.attribute} />}
        <span className="save-state muted small" aria-live="polite">
          {ws.saving ? m.saving : ws.saveProblem ? <button type="button" className="btn-link save-failed" onClick={() => document.getElementById('save-problem')?.scrollIntoView({ block: 'nearest' })}>{m.saveFailedShort}</button> : ws.dirty ? '' : current && editable ? m.saved : ''}
        </span>
        <span className="spacer" />
        {queue && <QueueNav queue={queue} documentId={documentId} />}
        <div className="actions" role="group" aria-label={m.actions}>
          {editable && (
            <button type="button" className="btn-primary" disabled={!canSubmit || ws.busy} title={m.submitShortcut} onClick={() => setDialog('submit')}>{m.submit}</button>
          )}
          {actions.includes('approve') && <button type="button" className="btn-primary" disabled={ws.busy} onClick={() => setDialog('approve')}>{m.approve}</button>}
          {actions.includes('return') && <button type="button" className="btn-danger" disabled={ws.busy} onClick={() => void openReturn()}>{m.returnDoc}</button>}
          {actions.includes('sign') && (
            <button type="button" className="btn-primary" disabled={ws.busy} onClick={async () => { if (await ws.prepareSign()) setDialog('sign'); }}>{m.sign}</button>
          )}
          {actions.includes('supersede') && !ws.superseding && <button type="button" onClick={ws.startSupersede}>{m.supersede}</button>}
          {current?.state === 'signed' && current.attribute === 'partial' && mayWrite(user?.roles ?? [], 'publicCopy') && <button type="button" disabled={exporting !== null} aria-busy={exporting !== null} onClick={() => void exportCopy()}>{exporting === 'copy' ? m.exportingRedacted : m.exportRedacted}</button>}
          {mayExportForms && <button type="button" title={m.exportFormTitle} disabled={exporting !== null} aria-busy={exporting === 'form'} onClick={() => void exportForm()}>{exporting === 'form' ? m.exportingRedacted : m.exportForm}</button>}
          {mayExportForms && detail.format === 'docx' && <button type="button" title={m.exportStampTitle} disabled={exporting !== null} aria-busy={exporting === 'stamp'} onClick={() => void exportStamp()}>{exporting === 'stamp' ? m.exportingRedacted : m.exportStamp}</button>}
        </div>
      </header>

      <div className="workspace-notes">
        {detail.classifiedWarning && <p className="banner banner-danger" role="alert">{detail.classifiedWarning}</p>}
        {current?.state === 'returned' && (current.returnReason || current.returnGrounds?.length) ? (
          <p className="banner banner-warn">{m.returnedNotice([...(current.returnGrounds ?? []).map((g) => returnGroundLabels[g]), current.returnReason ?? ''].filter(Boolean).join('；'))}</p>
        ) : null}
        {ownDecision && waitingForOthers && user.roles.some((r) => r === 'reviewer' || r === 'signer') && <p className="banner">{m.ownDraftNoSign}</p>}
        {detail.warnings.map((w) => <p key={w} className="banner">{w}</p>)}
      </div>

      <div className="workspace-grid">
        <FindingList
          findings={detail.findings}
          dispositions={ws.dispositions}
          redactedIds={redactedIds}
          selectedId={ws.selectedId}
          dismissingId={ws.dismissingId}
          readOnly={!editable}
          highScoreThreshold={threshold}
          onSelect={ws.select}
          onConfirm={ws.confirm}
          onRequestDismiss={ws.requestDismiss}
          onDismiss={ws.dismiss}
          dismissDrafts={ws.dismissDrafts}
          onDraftDismiss={ws.draftDismiss}
          onCancelDismiss={ws.cancelDismiss}
          onUndo={ws.undo}
        />
        <div className="document-column">
          {detail.text === null ? (
            <p className="banner banner-danger">{m.noText}</p>
          ) : (
            <DocumentText text={detail.text} paragraphs={detail.paragraphs} findings={detail.findings} dispositions={ws.dispositions} redactions={previewSpans} selectedId={ws.selectedId} onSelect={ws.select} />
          )}
          <p className="keyboard-help small muted">{m.keyboardHelp}</p>
        </div>
        <aside className="decision-column">
          {ws.saveProblem && editable && <SaveProblem problem={ws.saveProblem} saving={ws.saving} onRetry={() => void ws.save()} onDiscard={ws.discard} />}
          <MetadataCard metadata={detail.metadata} fileName={detail.fileName} sha256={detail.sha256} pageCount={detail.pageCount} attribute={fields.attribute} />
          {!editable && <p className="banner small">{m.readOnlyNotice}</p>}
          <AttributePanel
            suggestion={detail.suggestion}
            value={fields}
            findings={detail.findings}
            text={detail.text}
            paragraphs={detail.paragraphs}
            localBasis={localBasis}
            readOnly={!editable}
            problems={problems}
            justificationNeeds={needs}
            aside={ws.aside?.length ?? 0}
            onChange={ws.change}
            onAddSelection={addSelection}
          />
          <PublicationCard documentId={detail.id} name={detail.title ?? detail.fileName} version={detail.updatedAt} />
          <HistoryPanel history={detail.history} people={detail.people} />
        </aside>
      </div>

      {dialog === 'submit' && (
        <ConfirmDialog title={m.submit} text={m.confirmSubmit} action={m.submit} busy={ws.busy} onClose={() => setDialog(null)} onConfirm={async () => { if ((await ws.submit()) || useWorkspace.getState().saveProblem) setDialog(null); }} />
      )}
      {dialog === 'approve' && (
        <ConfirmDialog title={m.approve} text={m.confirmApprove} action={m.approve} busy={ws.busy} onClose={() => setDialog(null)} onConfirm={async () => { if ((await ws.approve()) || useWorkspace.getState().saveProblem) setDialog(null); }} />
      )}
      {dialog === 'return' && current && (
        <ReturnDialog
          suggested={suggestedReturnGrounds(current, { ...detail, lacksInterpretation })}
          busy={ws.busy}
          onClose={() => setDialog(null)}
          onReturn={async (grounds, reason) => { if (await ws.returnDecision(grounds, reason)) setDialog(null); }}
        />
      )}
      {dialog === 'sign' && ws.signStatement && (
        <SignDialog
          statement={ws.signStatement}
          people={detail.people}
          noteConflict={noteNeed(ws.signStatement.attribute, detail)}
          busy={ws.busy}
          onClose={() => setDialog(null)}
          onSign={async (password) => {
            const error = await ws.sign(password);
            if (!error) setDialog(null);
            return error;
          }}
        />
      )}
    </div>
  );
}
