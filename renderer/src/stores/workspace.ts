import { create } from 'zustand';
import { unpackDocument, type AuditPage, type DecisionView, type Disposition, type DocumentDetail, type SignStatement } from '../../../shared/ipc/records.ts';
import { startingRedactions } from '../../../shared/decision-rules.ts';
import type { Redaction } from '../../../shared/redaction.ts';
import type { Finding } from '../../../shared/types.ts';
import { errorCode, errorText } from '../lib/errors.ts';
import { workspace as m } from '../messages/workspace.ts';
import type { ReturnGround } from '../../../shared/return-grounds.ts';
import { initialFields, toInput, withDecision, withNewerHistory, type DecisionFields } from '../workspace/decision.ts';
import { useSession } from './session.ts';
import { useNotices } from './notices.ts';
import { formsMessages } from '../../../shared/messages/forms.ts';
import { useQueues } from './queues.ts';

const AUTOSAVE_MS = 500;
const HISTORY_PAGE = 100;

/** Why the last save of the open document did not go through; shown beside the form until a save succeeds. */
export interface SaveProblem {
  code: string | null;
  text: string;
}

/** What the officer had typed into one document, as it was when a save was asked for. */
interface Snapshot {
  documentId: number;
  title: string;
  fields: DecisionFields;
  dispositions: Record<string, Disposition>;
  aside: Redaction[] | null;
  rev: number;
}

/** Left behind when the officer leaves a document: the marks set aside there, and edits whose save failed. */
interface Kept {
  aside: Redaction[] | null;
  unsaved: Snapshot | null;
}

type SaveResult = { ok: true; decision: DecisionView } | { ok: false; error: unknown; input: string };

interface WorkspaceStore {
  detail: DocumentDetail | null;
  loading: boolean;
  error: string | null;
  fields: DecisionFields | null;
  dispositions: Record<string, Disposition>;
  /** Redaction marks kept out of the decision while the attribute is not 部分公开; they come back with it. */
  aside: Redaction[] | null;
  /** Dismissal reasons being typed, by finding, so moving to another finding does not wipe them. */
  dismissDrafts: Record<string, string>;
  selectedId: string | null;
  dismissingId: string | null;
  /** Unsaved edits exist. */
  dirty: boolean;
  saving: boolean;
  saveProblem: SaveProblem | null;
  /** The signer started a new decision on a signed document. */
  superseding: boolean;
  busy: boolean;
  signStatement: SignStatement | null;
  open(documentId: number): Promise<void>;
  /** Saves what is unsaved in the document being left; what cannot be saved is kept for its next opening. */
  leave(documentId: number): Promise<void>;
  /** Saves anything unsaved now; true when nothing typed is left unsaved. */
  flush(): Promise<boolean>;
  /** The window is closing: what is unsaved is sent at once, without waiting for the save before it. */
  saveBeforeUnload(): void;
  /** Before sign-out: everything typed is saved, or sign-out waits and the officer is told why. */
  release(): Promise<boolean>;
  /** Puts the form back to the last saved decision, on the officer's request. */
  discard(): void;
  select(id: string | null): void;
  step(delta: 1 | -1): void;
  confirm(id: string): void;
  requestDismiss(id: string): void;
  draftDismiss(id: string, reason: string): void;
  dismiss(id: string, reason: string): void;
  cancelDismiss(): void;
  undo(id: string): void;
  change(patch: Partial<DecisionFields>): void;
  save(): Promise<DecisionView | null>;
  startSupersede(): void;
  submit(): Promise<boolean>;
  approve(): Promise<boolean>;
  returnDecision(grounds: ReturnGround[], reason: string): Promise<boolean>;
  prepareSign(): Promise<boolean>;
  sign(password: string): Promise<string | null>;
  exportRedacted(path: string, format: 'docx' | 'txt'): Promise<void>;
  exportReviewForm(path: string): Promise<void>;
  exportStamped(sourcePath: string, path: string): Promise<void>;
}

/** Findings J/K walk through: the ones that need a decision, in reading order. */
const actionable = (findings: readonly Finding[]): Finding[] => findings.filter((f) => !f.negated);

export function canEdit(detail: DocumentDetail | null, superseding: boolean): boolean {
  if (!detail) return false;
  return detail.actions.includes('edit') || (detail.actions.includes('draft') && !detail.current) || superseding;
}

function fromDecision(decision: DecisionView): { fields: DecisionFields; dispositions: Record<string, Disposition> } {
  // A redact disposition lives on as its span among the redactions.
  const dispositions = Object.fromEntries(decision.dispositions.filter((d) => d.action !== 'redact').map((d) => [d.findingId, d]));
  const { attribute, reason, basis, basisText, justification, redactions, channels, channelText } = decision;
  return { fields: { attribute, reason, basis, basisText, justification, redactions, channels, channelText }, dispositions };
}

/** The form as the document's saved decision has it: the open draft, else the signed one, else the suggestion. */
function restored(detail: DocumentDetail): { fields: DecisionFields; dispositions: Record<string, Disposition> } {
  if (detail.current) return fromDecision(detail.current);
  return { fields: initialFields(detail.suggestion, detail.findings), dispositions: {} };
}

const detached = {
  detail: null,
  fields: null,
  dispositions: {},
  aside: null,
  dismissDrafts: {},
  selectedId: null,
  dismissingId: null,
  dirty: false,
  saving: false,
  saveProblem: null,
  superseding: false,
  signStatement: null,
} satisfies Partial<WorkspaceStore>;

export const useWorkspace = create<WorkspaceStore>((set, get) => {
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  /** Every edit gets a number; the form is saved when the last one sent and answered is the last one made. */
  let rev = 0;
  let savedRev = 0;
  /** Saves go one at a time, in the order they were asked for, so an older one never lands on a newer one. */
  let chain: Promise<unknown> = Promise.resolve();
  let sending: { key: string; result: Promise<SaveResult> } | null = null;
  /** The last save asked for each document: opening it again waits for that one only. */
  const lastSave = new Map<number, Promise<SaveResult>>();
  let pendingSaves = 0;
  /** The input the core last refused: autosave does not send it again until something changes or 重试 is pressed. */
  let refused: string | null = null;
  /** Counts open() calls; one that answers after a later one started is ignored. */
  let openings = 0;
  const kept = new Map<number, Kept>();

  const clearTimer = () => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = null;
  };
  const editable = () => canEdit(get().detail, get().superseding);
  const snapshot = (): Snapshot | null => {
    const { detail, fields, dispositions, aside } = get();
    if (!detail || !fields || !editable()) return null;
    return { documentId: detail.id, title: detail.title ?? detail.fileName, fields, dispositions, aside, rev };
  };
  /** Something must go to the core: unsaved edits, a first decision, or a new one replacing the signed one. */
  const needsSave = (s: Snapshot) => s.rev !== savedRev || get().superseding || !get().detail?.current;

  const send = (s: Snapshot): Promise<SaveResult> => {
    const body = toInput(s.documentId, s.fields, s.dispositions);
    const key = `${s.rev}:${JSON.stringify(body)}`;
    if (sending?.key === key) return sending.result;
    const result = chain.then(async (): Promise<SaveResult> => {
      try {
        return { ok: true, decision: await window.api.saveDecision(body) };
      } catch (error) {
        return { ok: false, error, input: JSON.stringify(body) };
      }
    });
    chain = result;
    lastSave.set(s.documentId, result);
    const entry = { key, result };
    sending = entry;
    // Only a save still on its way is shared; once answered, asking again (重试) sends again.
    void result.then(() => {
      if (sending === entry) sending = null;
    });
    return result;
  };

  const edited = (patch: Partial<WorkspaceStore>) => {
    rev++;
    set({ ...patch, dirty: true });
    clearTimer();
    saveTimer = setTimeout(autosave, AUTOSAVE_MS);
  };
  const autosave = () => {
    saveTimer = null;
    const s = snapshot();
    if (!s) return;
    if (refused !== null && JSON.stringify(toInput(s.documentId, s.fields, s.dispositions)) === refused) return;
    void get().save();
  };
  const setDisposition = (id: string, d: Disposition | null) => {
    const dispositions = { ...get().dispositions };
    if (d) dispositions[id] = d;
    else delete dispositions[id];
    const { [id]: _typed, ...dismissDrafts } = get().dismissDrafts;
    edited({ dispositions, dismissDrafts, dismissingId: null });
  };
  /**
   * After a step: the decision the core answered with goes into the open document, and only the audit
   * entries written since it was read are fetched, never the whole document again.
   */
  const catchUp = async (decision: DecisionView | null, form: boolean) => {
    void useQueues.getState().refresh();
    const detail = get().detail;
    if (!detail) return;
    // After a step the form shows the decision as stored (trimmed, with its repeats), unless the officer typed on meanwhile.
    if (decision && decision.documentId === detail.id) set({ detail: withDecision(detail, decision, useSession.getState().user), ...(form && rev === savedRev ? fromDecision(decision) : {}) });
    const known = detail.history.at(-1)?.seq ?? 0;
    const pages: AuditPage[] = [];
    try {
      for (let offset = 0; ; offset += HISTORY_PAGE) {
        const page = await window.api.listAudit({ documentSha256: detail.sha256, offset, limit: HISTORY_PAGE });
        pages.push(page);
        if (page.entries.length < HISTORY_PAGE || page.entries.some((e) => e.seq <= known)) break;
      }
    } catch {
      // The step is done and shown; the history catches up at the next opening.
      return;
    }
    const now = get().detail;
    if (now?.id === detail.id) set({ detail: { ...now, ...withNewerHistory(now, pages) } });
  };
  /** Runs one workflow step after saving what is unsaved; a failed save stops it and is shown beside the form. */
  const step = async (work: (decisionId: number) => Promise<DecisionView>, done: string): Promise<boolean> => {
    set({ busy: true });
    try {
      const s = snapshot();
      let decisionId = get().detail?.current?.id;
      if (s && needsSave(s)) {
        const saved = await get().save();
        if (!saved) {
          set({ busy: false });
          return false;
        }
        decisionId = saved.id;
      }
      if (!decisionId) throw { code: 'no-decision', message: m.reasonRequired };
      const decision = await work(decisionId);
      set({ busy: false, superseding: false });
      useNotices.getState().ok(done);
      await catchUp(decision, true);
      return true;
    } catch (error) {
      set({ busy: false });
      useNotices.getState().fail(error);
      return false;
    }
  };

  return {
    ...detached,
    loading: false,
    error: null,
    busy: false,

    async open(documentId) {
      const sameDocument = get().detail?.id === documentId;
      const token = ++openings;
      if (!sameDocument) {
        clearTimer();
        set({ ...detached, loading: true, error: null });
      }
      // A save of this document still on its way lands before the document is read back.
      await lastSave.get(documentId);
      try {
        const detail = unpackDocument(await window.api.getDocument({ documentId }));
        if (token !== openings) return;
        if (sameDocument && get().detail?.id === documentId && rev !== savedRev) {
          set({ detail, loading: false });
          return;
        }
        const stored = kept.get(documentId);
        kept.delete(documentId);
        const base = restored(detail);
        const unsaved = stored?.unsaved && canEdit(detail, false) ? stored.unsaved : null;
        if (stored?.unsaved && !unsaved) useNotices.getState().fail({ code: 'unsaved-stale', message: m.unsavedStale(stored.unsaved.title) });
        const fields = unsaved?.fields ?? base.fields;
        const aside = unsaved ? unsaved.aside : fields.attribute !== 'partial' ? (stored?.aside ?? null) : null;
        savedRev = rev;
        set({ detail, loading: false, fields, dispositions: unsaved?.dispositions ?? base.dispositions, aside, dirty: false, dismissingId: null, ...(sameDocument ? {} : { dismissDrafts: {} }) });
        if (unsaved) {
          rev++;
          set({ dirty: true });
          void get().save();
        }
      } catch (error) {
        if (token !== openings) return;
        // A failed refresh never takes the form (and what is typed in it) off the screen.
        if (sameDocument && get().detail?.id === documentId) {
          set({ loading: false });
          useNotices.getState().fail(error);
        } else set({ loading: false, error: errorText(error) });
      }
    },
    async leave(documentId) {
      if (get().detail?.id !== documentId) return;
      clearTimer();
      const s = snapshot();
      kept.set(documentId, { aside: get().aside, unsaved: null });
      const unsaved = s !== null && s.rev !== savedRev;
      set({ ...detached });
      if (!s || !unsaved) return;
      const result = await send(s);
      if (result.ok) return;
      kept.set(documentId, { aside: s.aside, unsaved: s });
      useNotices.getState().fail({ code: 'unsaved', message: m.leftUnsaved(s.title, errorText(result.error)) });
    },
    async flush() {
      // Edits typed while a save is on its way need one more; a refusal ends the attempt.
      for (let s = snapshot(); s && s.rev !== savedRev; s = snapshot()) {
        if (!(await get().save())) return false;
      }
      return true;
    },
    saveBeforeUnload() {
      const s = snapshot();
      if (s && s.rev !== savedRev) window.api.saveDecision(toInput(s.documentId, s.fields, s.dispositions)).catch(() => undefined);
    },
    async release() {
      const title = get().detail ? (get().detail!.title ?? get().detail!.fileName) : null;
      const blocked: string[] = [];
      if (!(await get().flush()) && title) blocked.push(title);
      for (const [documentId, k] of kept) {
        if (!k.unsaved) continue;
        const result = await send(k.unsaved);
        if (result.ok) kept.set(documentId, { ...k, unsaved: null });
        else blocked.push(k.unsaved.title);
      }
      if (blocked.length > 0) {
        useNotices.getState().fail({ code: 'unsaved', message: m.signOutBlocked(blocked) });
        return false;
      }
      clearTimer();
      kept.clear();
      set({ ...detached });
      return true;
    },
    discard() {
      const { detail, aside } = get();
      if (!detail) return;
      clearTimer();
      refused = null;
      const base = restored(detail);
      savedRev = rev;
      set({ ...base, aside: base.fields.attribute === 'partial' ? null : aside, dismissDrafts: {}, dirty: false, saveProblem: null, superseding: false });
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
      if (editable()) setDisposition(id, { findingId: id, action: 'confirm', reason: '' });
    },
    requestDismiss(id) {
      if (!editable()) return;
      if (get().detail?.findings.some((f) => f.id === id && !f.negated)) set({ dismissingId: id, selectedId: id });
    },
    draftDismiss(id, reason) {
      set({ dismissDrafts: { ...get().dismissDrafts, [id]: reason } });
    },
    dismiss(id, reason) {
      if (editable()) setDisposition(id, { findingId: id, action: 'dismiss', reason });
    },
    cancelDismiss() {
      set({ dismissingId: null });
    },
    undo(id) {
      if (editable()) setDisposition(id, null);
    },
    change(patch) {
      const { fields, detail, aside } = get();
      if (!fields || !detail || !editable()) return;
      const next = { ...fields, ...patch };
      let nextAside = aside;
      if (patch.attribute !== undefined && patch.attribute !== fields.attribute) {
        if (fields.attribute === 'partial') {
          nextAside = fields.redactions;
          next.redactions = [];
        }
        // Back to 部分公开: the marks set aside return; with none, start from the personal data found (the officer unticks what may stay).
        if (patch.attribute === 'partial') {
          next.redactions = aside && aside.length > 0 ? aside : startingRedactions(detail.suggestion, detail.findings);
          nextAside = null;
        }
      }
      edited({ fields: next, aside: nextAside });
    },
    async save() {
      clearTimer();
      const s = snapshot();
      if (!s) return null;
      pendingSaves++;
      set({ saving: true });
      const result = await send(s);
      pendingSaves--;
      const here = get().detail?.id === s.documentId;
      if (here) set({ saving: pendingSaves > 0 });
      if (!result.ok) {
        refused = result.input;
        if (here) set({ saveProblem: { code: errorCode(result.error), text: errorText(result.error) } });
        return null;
      }
      refused = null;
      if (!here) return result.decision;
      savedRev = Math.max(savedRev, s.rev);
      const detail = get().detail!;
      const wasNew = !detail.current || detail.current.id !== result.decision.id;
      set({ detail: { ...detail, current: result.decision }, dirty: rev !== savedRev, saveProblem: null, superseding: false });
      if (wasNew) await catchUp(result.decision, false);
      return result.decision;
    },
    startSupersede() {
      const { detail } = get();
      if (!detail?.actions.includes('supersede')) return;
      set({ superseding: true, aside: null, fields: { ...initialFields(detail.suggestion, detail.findings), ...(detail.current ? fromDecision(detail.current).fields : {}) } });
    },
    submit: () => step((decisionId) => window.api.submitDecision({ decisionId }), m.submitted),
    approve: () => step((decisionId) => window.api.approveDecision({ decisionId }), m.approved),
    returnDecision: (grounds, reason) => step((decisionId) => window.api.returnDecision({ decisionId, grounds, reason }), m.returned),
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
        const signOff = await window.api.signDecision({ decisionId, password });
        set({ busy: false, signStatement: null });
        useNotices.getState().ok(m.signed);
        await catchUp(signOff.decision, true);
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
        await catchUp(null, false);
      } catch (error) {
        useNotices.getState().fail(error);
      }
    },
    async exportReviewForm(path) {
      const decisionId = get().detail?.current?.id;
      if (!decisionId) return;
      try {
        const result = await window.api.exportReviewForm({ decisionId, path });
        useNotices.getState().ok(m.formExported(result.path));
        await catchUp(null, false);
      } catch (error) {
        useNotices.getState().fail(error);
      }
    },
    async exportStamped(sourcePath, path) {
      const decisionId = get().detail?.current?.id;
      if (!decisionId) return;
      try {
        const result = await window.api.exportStamped({ decisionId, sourcePath, path });
        useNotices.getState().ok(m.stampExported(result.path, formsMessages.stampActions[result.action]));
        await catchUp(null, false);
      } catch (error) {
        useNotices.getState().fail(error);
      }
    },
  };
});
