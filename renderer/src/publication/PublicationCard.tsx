import { useCallback, useEffect, useState } from 'react';
import { documentKinds, type DocumentKind } from '../../../shared/publication-rules.ts';
import type { PublicationProfile } from '../../../shared/ipc/publication.ts';
import type { DocumentRow } from '../../../shared/ipc/records.ts';
import { documentKindLabels, interpretationStatusLabels, lateMark, publicationChannelLabels, publicationStatusLabels } from '../../../shared/messages/publication.ts';
import { Field } from '../components/Field.tsx';
import { errorText } from '../lib/errors.ts';
import { publication as m } from '../messages/publication.ts';
import { DocumentPicker } from '../requests/dialogs.tsx';
import { useNotices } from '../stores/notices.ts';
import { usePublications } from '../stores/publications.ts';
import { hasRole, useSession } from '../stores/session.ts';
import { PublishDialog } from './PublishDialog.tsx';

/**
 * The workspace's card for what happens after sign-off: the document's kind (recognised or corrected), its 解读
 * (linked from the register, or why none is needed) and, once signed public, its deadline and releases.
 */
export function PublicationCard({ documentId, name, version }: { documentId: number; name: string; version: string }) {
  const user = useSession((s) => s.user);
  const [profile, setProfile] = useState<PublicationProfile | null>(null);
  const [editingKind, setEditingKind] = useState(false);
  const [kind, setKind] = useState<DocumentKind | 'auto'>('auto');
  const [kindReason, setKindReason] = useState('');
  const [picked, setPicked] = useState<DocumentRow | null>(null);
  const [noneReason, setNoneReason] = useState('');
  const [publishing, setPublishing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    window.api.publicationProfile({ documentId }).then(setProfile, (e: unknown) => useNotices.getState().fail(e));
  }, [documentId]);
  useEffect(load, [load, version]);
  // A sign-off or a release seen here changes what the navigation counts as waiting.
  useEffect(() => void usePublications.getState().reload(), [version]);

  if (!profile) return null;
  const canWrite = hasRole(user, 'reviewer', 'drafter', 'admin');
  const attempt = async (work: () => Promise<PublicationProfile>) => {
    try {
      setProfile(await work());
      setError(null);
      useNotices.getState().ok(m.card.saved);
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    }
  };
  const { interpretation: i, item } = profile;
  const needs = profile.kind !== 'other';

  return (
    <section className="card publication-card" aria-label={m.card.title}>
      <h2>{m.card.title}</h2>
      <p className="small">
        <strong>{m.card.kind}：</strong>
        {profile.kindOverride
          ? m.card.overridden(documentKindLabels[profile.kindOverride.kind], profile.kindOverride.reason, profile.kindOverride.by)
          : m.card.recognised(documentKindLabels[profile.recognisedKind])}
        {canWrite && !editingKind && <button type="button" className="btn-link small" onClick={() => { setEditingKind(true); setKind(profile.kindOverride?.kind ?? 'auto'); }}>{m.card.changeKind}</button>}
      </p>
      {editingKind && (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            if (await attempt(() => window.api.setDocumentKind({ documentId, kind: kind === 'auto' ? null : kind, reason: kindReason.trim() || m.card.kindAuto }))) setEditingKind(false);
          }}
        >
          <Field label={m.card.kind}>
            {(p) => (
              <select {...p} value={kind} onChange={(e) => setKind(e.target.value as DocumentKind | 'auto')}>
                <option value="auto">{m.card.kindAuto}</option>
                {documentKinds.map((k) => <option key={k} value={k}>{documentKindLabels[k]}</option>)}
              </select>
            )}
          </Field>
          {kind !== 'auto' && <Field label={m.card.kindReason}>{(p) => <input {...p} type="text" required value={kindReason} onChange={(e) => setKindReason(e.target.value)} />}</Field>}
          <div className="form-actions">
            <button type="submit" className="btn-small btn-primary">{m.card.saveKind}</button>
            <button type="button" className="btn-small" onClick={() => setEditingKind(false)}>×</button>
          </div>
        </form>
      )}

      {needs && (
        <div className="interpretation">
          <h3>{m.card.interpretation}</h3>
          {profile.lacksInterpretation && <p className="banner banner-warn small" role="status">{m.card.lacks}</p>}
          {i.linked && <p className="small">{m.card.linked(i.linked.title ?? i.linked.docNumber ?? String(i.linked.documentId))}</p>}
          {i.reason !== null && <p className="small">{m.card.noneNeeded(i.reason)}</p>}
          {i.status !== 'missing' && i.status !== 'not-needed' && (
            <p className="small">
              {interpretationStatusLabels[i.status]}
              {i.due && ` · ${m.card.interpretationDue(i.due)}`}
            </p>
          )}
          {canWrite && (
            <>
              <DocumentPicker picked={picked} onPick={setPicked} />
              {picked && (
                <button type="button" className="btn-small btn-primary" onClick={async () => { if (await attempt(() => window.api.linkInterpretation({ documentId, interpretationId: picked.id }))) setPicked(null); }}>
                  {m.card.linkTo}
                </button>
              )}
              <form
                onSubmit={async (e) => {
                  e.preventDefault();
                  if (await attempt(() => window.api.linkInterpretation({ documentId, interpretationId: null, reason: noneReason.trim() }))) setNoneReason('');
                }}
              >
                <Field label={m.card.noneReason}>{(p) => <input {...p} type="text" required value={noneReason} onChange={(e) => setNoneReason(e.target.value)} />}</Field>
                <button type="submit" className="btn-small">{m.card.recordNone}</button>
              </form>
            </>
          )}
        </div>
      )}

      <h3>{m.card.releases}</h3>
      {item ? (
        <p className="small">
          {m.card.deadline(item.deadline.due, item.deadline.workingDays)} · {publicationStatusLabels[item.status]}
          {item.onTime === false && lateMark}
        </p>
      ) : (
        <p className="small muted">{m.card.notPublic}</p>
      )}
      {profile.releases.length === 0 && item && <p className="small muted">{m.card.noReleases}</p>}
      <ul className="release-list small">
        {profile.releases.map((r) => <li key={r.id}>{m.card.release(r.publishedOn, publicationChannelLabels[r.channel], r.location)}</li>)}
      </ul>
      {item && canWrite && <button type="button" className="btn-small" onClick={() => setPublishing(true)}>{m.publish}</button>}
      {error && <p className="field-error" role="alert">{error}</p>}
      {publishing && <PublishDialog documentId={documentId} name={name} due={item?.deadline.due ?? null} onClose={() => setPublishing(false)} onDone={setProfile} />}
    </section>
  );
}
