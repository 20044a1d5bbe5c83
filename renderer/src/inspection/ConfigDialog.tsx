import { useEffect, useState } from 'react';
import type { InspectionConfig } from '../../../shared/ipc/inspection.ts';
import { Field } from '../components/Field.tsx';
import { Modal } from '../components/Modal.tsx';
import { errorText } from '../lib/errors.ts';
import { common } from '../messages/common.ts';
import { inspection as m, inspectionGuards as guards } from '../messages/inspection.ts';
import { useInspection } from '../stores/inspection.ts';
import { useNotices } from '../stores/notices.ts';

/** The unit's name and 主送机关 for the report, and the two thresholds of the worklist rules. */
export function ConfigDialog({ onClose }: { onClose(): void }) {
  const [config, setConfig] = useState<InspectionConfig | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    window.api.getInspectionConfig().then(setConfig, (e: unknown) => setError(errorText(e)));
  }, []);
  const patch = (p: Partial<InspectionConfig>) => config && setConfig({ ...config, ...p });
  return (
    <Modal title={m.settingsTitle} onClose={onClose}>
      {config && (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            try {
              await window.api.setInspectionConfig(config);
              useNotices.getState().ok(m.settingsSaved);
              await useInspection.getState().reload();
              onClose();
            } catch (err) {
              setError(errorText(err));
            }
          }}
        >
          <p className="small muted">{m.settingsHint}</p>
          <Field label={m.unitName} hint={guards.unitNameInSettings}>{(p) => <input {...p} value={config.unitName} readOnly />}</Field>
          <Field label={m.reportTo}>{(p) => <input {...p} value={config.reportTo} onChange={(e) => patch({ reportTo: e.target.value })} />}</Field>
          <Field label={m.minRequests}>{(p) => <input {...p} type="number" min={1} max={1000} value={config.minRequests} onChange={(e) => patch({ minRequests: Number(e.target.value) })} />}</Field>
          <Field label={m.processMonths}>{(p) => <input {...p} type="number" min={1} max={600} value={config.processMonths} onChange={(e) => patch({ processMonths: Number(e.target.value) })} />}</Field>
          {error && <p className="field-error" role="alert">{error}</p>}
          <div className="form-actions">
            <button type="submit" className="btn-primary">{common.save}</button>
            <button type="button" onClick={onClose}>{common.cancel}</button>
          </div>
        </form>
      )}
      {!config && error && <p className="field-error" role="alert">{error}</p>}
    </Modal>
  );
}
