import { create } from 'zustand';
import { unpackDocument, type DecisionInput, type DecisionView, type DocumentDetail, type SignStatement, type Disposition as RecordedDisposition } from '../../../shared/ipc/records.ts';
import type { Finding } from '../../../shared/types.ts';
import { errorText } from '../lib/errors.ts';
import { workspace as m } from '../messages/workspace.ts';
import { initialFields, startingRedactions, type DecisionFields, type Disposition } from '../workspace/decision.ts';
import { useNotices } from './notices.ts';
import { useQueues } from './queues.ts';

const AUTOSAVE_MS = 500;

interface WorkspaceStore {
  detail: DocumentDetail | null;
  loading: boolean;
  error: string | null;
  fields: DecisionFields | null;
  dispositions: Record<string, Disposition>;
  selectedId: string | null;
  dismissingId: string | null;
  /** Unsaved edits exist. */
  dirty: boolean;
  saving: boolean;
  /** The signer started a new decision on a signed document. */
  superseding: boolean;
  busy: boolean;
  signStatement: SignStatement | null;
  open(documentId: number): Promise<void>;
  select(id: string | null): void;
  step(delta: 1 | -1): void;
  confirm(id: string): void;
  requestDismiss(id: string): void;
  dismiss(id: string, reason: string): void;
  cancelDismiss(): void;
  undo(id: string): void;
  change(patch: Partial<DecisionFields>): void;
  save(): Promise<DecisionView | null>;
  startSupersede(): void;
  submit(): Promise<boolean>;
  approve(): Promise<boolean>;
  returnDecision(reason: string): Promise<boolean>;
  prepareSign(): Promise<boolean>;
  sign(password: string): Promise<string | null>;
  exportRedacted(path: string, format: 'docx' | 'txt'): Promise<void>;
}

/** Findings J/K walk through: the ones that need a decision, in reading order. */
export const actionable = (findings: readonly Finding[]): Finding[] => findings.filter((f) => !f.negated);

export function canEdit(detail: DocumentDetail | null, superseding: boolean): boolean {
  if (!detail) return false;
  return detail.actions.includes('edit') || (detail.actions.includes('draft') && !detail.current) || superseding;
}

function fromDecision(decision: DecisionView): { fields: DecisionFields; dispositions: Record<string, Disposition> } {
  const dispositions: Record<string, Disposition> = {};
  for (const d of decision.dispositions) {
    if (d.action === 'confirm') dispositions[d.findingId] = { kind: 'confirmed' };
    if (d.action === 'dismiss') dispositions[d.findingId] = { kind: 'dismissed', reason: d.reason };
  }
  const { attribute, reason, basis, basisText, justification, redactions } = decision;
  return { fields: { attribute, reason, basis, basisText, justification, redactions }, dispositions };
}

function toInput(documentId: number, fields: DecisionFields, dispositions: Record<string, Disposition>): DecisionInput {
  const redacted = new Set(fields.redactions.map((r) => r.findingId).filter((id) => id !== null));
  const recorded: RecordedDisposition[] = [];
  for (const [findingId, d] of Object.entries(dispositions)) {
    if (redacted.has(findingId)) continue;
    recorded.push(d.kind === 'confirmed' ? { findingId, action: 'confirm', reason: '' } : { findingId, action: 'dismiss', reason: d.reason });
  }
  for (const r of fields.redactions) if (r.findingId) recorded.push({ findingId: r.findingId, action: 'redact', reason: r.basis });
  return { documentId, ...fields, dispositions: recorded };
}

export const useWorkspace = create<WorkspaceStore>((set, get) => {
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  const scheduleSave = () => {
    set({ dirty: true });
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void get().save(), AUTOSAVE_MS);
  };
  const setDisposition = (id: string, d: Disposition | null) => {
    const dispositions = { ...get().dispositions };
    if (d) dispositions[id] = d;
    else delete dispositions[id];
    set({ dispositions, dismissingId: null });
    scheduleSave();
  };
  const refresh = async () => {
    const { detail } = get();
    if (!detail) return;
    await get().open(detail.id);
    void useQueues.getState().refresh();
  };
  /** Runs one workflow step after flushing unsaved edits; reports the outcome in Chinese. */
  const step = async (work: (decisionId: number) => Promise<unknown>, done: string): Promise<boolean> => {
    set({ busy: true });
    try {
      const { dirty, superseding, detail } = get();
      const saved = dirty || superseding || !detail?.current ? await get().save() : null;
      const decisionId = saved?.id ?? get().detail?.current?.id;
      if (!decisionId) throw { code: 'no-decision', message: m.problemReason };
      await work(decisionId);
      set({ busy: false, superseding: false });
      useNotices.getState().ok(done);
      await refresh();
      return true;
    } catch (error) {
      set({ busy: false });
      useNotices.getState().fail(error);
      return false;
    }
  };
  const editable = () => canEdit(get().detail, get().superseding);

  return {
    detail: null,
    loading: false,
    error: null,
    fields: null,
    dispositions: {},
    selectedId: null,
    dismissingId: null,
    dirty: false,
    saving: false,
    superseding: false,
    busy: false,
    signStatement: null,

    async open(documentId) {
      const sameDocument = get().detail?.id === documentId;
      set({ loading: !sameDocument, error: null, ...(sameDocument ? {} : { detail: null, selectedId: null, superseding: false }) });
      try {
        const detail = unpackDocument(await window.api.getDocument({ documentId }));
        const current = detail.current && detail.current.state !== 'signed' ? detail.current : null;
        const restored = current ? fromDecision(current) : detail.current ? fromDecision(detail.current) : null;
        set({
          detail,
          loading: false,
          fields: restored?.fields ?? initialFields(detail.suggestion, detail.findings),
          dispositions: restored?.dispositions ?? {},
          dirty: false,
          dismissingId: null,
        });
      } catch (error) {
        set({ loading: false, error: errorText(error) });
      }
    },
    select(id) {
      set({ selectedId: id, dismissingId: null });
    },
    step(delta) {
      const list = actionable(get().detail?.findings ?? []);
      if (list.length === 0) return;
      const at = list.findIndex((f) => f.id === get().selectedId);
      const next = at < 0 ? (delta > 0 ? 0 : list.length - 1) : (at + delta + list.length) % list.length;
      get().select(list[next]!.id);
    },
    confirm(id) {
      if (editable()) setDisposition(id, { kind: 'confirmed' });
    },
    requestDismiss(id) {
      if (!editable()) return;
      if (get().detail?.findings.some((f) => f.id === id && !f.negated)) set({ dismissingId: id, selectedId: id });
    },
    dismiss(id, reason) {
      if (editable()) setDisposition(id, { kind: 'dismissed', reason });
    },
    cancelDismiss() {
      set({ dismissingId: null });
    },
    undo(id) {
      if (editable()) setDisposition(id, null);
    },
    change(patch) {
      const { fields, detail } = get();
      if (!fields || !detail || !editable()) return;
      const next = { ...fields, ...patch };
      // Turning to 部分公开 with nothing chosen yet starts from the personal data found: the officer unticks what may stay.
      if (patch.attribute === 'partial' && fields.redactions.length === 0) next.redactions = startingRedactions(detail.suggestion, detail.findings);
      set({ fields: next });
      scheduleSave();
    },
    async save() {
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = null;
      const { detail, fields, dispositions } = get();
      if (!detail || !fields || !editable()) return null;
      set({ saving: true });
      try {
        const decision = await window.api.saveDecision(toInput(detail.id, fields, dispositions));
        const wasNew = !detail.current || detail.current.id !== decision.id;
        set({ saving: false, dirty: false, superseding: false });
        if (wasNew) await refresh();
        else set({ detail: { ...detail, current: decision } });
        return decision;
      } catch (error) {
        set({ saving: false });
        useNotices.getState().fail(error);
        return null;
      }
    },
    startSupersede() {
      const { detail } = get();
      if (!detail?.actions.includes('supersede')) return;
      set({ superseding: true, fields: { ...initialFields(detail.suggestion, detail.findings), ...(detail.current ? fromDecision(detail.current).fields : {}) } });
    },
    submit: () => step((decisionId) => window.api.submitDecision({ decisionId }), m.submitted),
    approve: () => step((decisionId) => window.api.approveDecision({ decisionId }), m.approved),
    returnDecision: (reason) => step((decisionId) => window.api.returnDecision({ decisionId, reason }), m.returned),
    async prepareSign() {
      const decisionId = get().detail?.current?.id;
      if (!decisionId) return false;
      try {
        set({ signStatement: await window.api.signPreview({ decisionId }) });
        return true;
      } catch (error) {
        useNotices.getState().fail(error);
        return false;
      }
    },
    async sign(password) {
      const decisionId = get().detail?.current?.id;
      if (!decisionId) return null;
      set({ busy: true });
      try {
        await window.api.signDecision({ decisionId, password });
        set({ busy: false, signStatement: null });
        useNotices.getState().ok(m.signed);
        await refresh();
        return null;
      } catch (error) {
        set({ busy: false });
        return errorText(error);
      }
    },
    async exportRedacted(path, format) {
      const decisionId = get().detail?.current?.id;
      if (!decisionId) return;
      try {
        const result = await window.api.exportRedacted({ decisionId, path, format });
        useNotices.getState().ok(m.exported(result.path));
        await refresh();
      } catch (error) {
        useNotices.getState().fail(error);
      }
    },
  };
});
