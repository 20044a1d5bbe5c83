import { useState } from 'react';
import type { InspectionExportFormat, InspectionStatus } from '../../../shared/ipc/inspection.ts';
import { Modal } from '../components/Modal.tsx';
import { useBusy } from '../lib/busy.ts';
import { errorText } from '../lib/errors.ts';
import { common } from '../messages/common.ts';
import { inspection as m } from '../messages/inspection.ts';
import { useInspection } from '../stores/inspection.ts';
import { useNotices } from '../stores/notices.ts';
import { useSession } from '../stores/session.ts';
import { mayWrite } from '../../../shared/write-roles.ts';
import { formatFingerprint } from '../../../shared/fingerprint.ts';

const filters: Record<InspectionExportFormat, { name: string; extensions: string[] }> = {
  xlsx: { name: 'Excel', extensions: ['xlsx'] },
  docx: { name: 'Word', extensions: ['docx'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  bundle: { name: 'JSON', extensions: ['json'] },
};

/** The four exports of an opened inspection; the signed bundle needs a closed inspection and the signer's password. */
export function ExportBar({ status }: { status: InspectionStatus }) {
  const user = useSession((s) => s.user);
  const exportTo = useInspection((s) => s.exportTo);
  const [bundlePath, setBundlePath] = useState<string | null>(null);
  const [exporting, run] = useBusy<InspectionExportFormat>();
  const closed = status.state === 'closed';
  const signer = mayWrite(user?.roles ?? [], 'inspectionBundle');

  const choose = async (format: InspectionExportFormat) => {
    const defaultName = `${status.config.unitName}${status.year}年度${m.exportNames[format]}`;
    const path = await window.api.chooseSavePath({ defaultName, filters: [filters[format]], ...(format === 'bundle' ? { companion: 'checkpoint' as const } : {}) });
    if (!path) return;
    if (format === 'bundle') return setBundlePath(path);
    await run(format, async () => {
      try {
        const file = await exportTo(format, path);
        useNotices.getState().ok(m.exported(m.exportLabels[format], file.path, file.sha256));
      } catch (error) {
        useNotices.getState().fail(error);
      }
    });
  };
  const bundleBlocked = !closed ? m.bundleNeedsClose : !signer ? m.bundleNeedsSigner : null;

  return (
    <div className="export-bar" role="group" aria-label={m.exports}>
      <span className="muted small">{m.exports}</span>
      {(['xlsx', 'docx', 'csv'] as const).map((f) => (
        <button key={f} type="button" className="btn-small" disabled={exporting !== null} aria-busy={exporting === f} onClick={() => void choose(f)}>{exporting === f ? m.exporting : m.exportLabels[f]}</button>
      ))}
      <button type="button" className="btn-small" disabled={bundleBlocked !== null || exporting !== null} title={bundleBlocked ?? undefined} onClick={() => void choose('bundle')}>{m.exportLabels.bundle}</button>
      {bundleBlocked && <span className="small muted">{bundleBlocked}</span>}
      {bundlePath && <BundleDialog path={bundlePath} onClose={() => setBundlePath(null)} />}
    </div>
  );
}

function BundleDialog({ path, onClose }: { path: string; onClose(): void }) {
  const exportTo = useInspection((s) => s.exportTo);
  const fingerprint = useSession((s) => s.user?.keyFingerprint ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal title={m.bundleTitle} onClose={onClose}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          try {
            const file = await exportTo('bundle', path, password);
            useNotices.getState().ok(m.exported(m.exportLabels.bundle, file.path, file.sha256));
            onClose();
          } catch (err) {
            setError(errorText(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        <p>{m.bundleHint}</p>
        <p className="mono small">{path}</p>
        <p className="small muted">{m.bundleCompanion}</p>
        <p className="small">{m.yourFingerprint}<br /><span className="mono">{formatFingerprint(fingerprint)}</span></p>
        <label className="field">
          <span className="field-label">{m.password}</span>
          <input type="password" value={password} onChange={(e) => { setPassword(e.target.value); setError(null); }} />
        </label>
        {error && <p className="field-error" role="alert">{error}</p>}
        <div className="form-actions">
          <button type="submit" className="btn-primary" disabled={password === '' || busy} aria-busy={busy}>{busy ? m.exporting : m.bundleButton}</button>
          <button type="button" onClick={onClose}>{common.cancel}</button>
        </div>
      </form>
    </Modal>
  );
}
