import { useState } from 'react';
import { common } from '../messages/common.ts';
import { workspace as m } from '../messages/workspace.ts';
import type { SaveProblem as Problem } from '../stores/workspace.ts';

/** The one place a failed save is told: beside the form, with the core's reason and what to do; it goes when a save succeeds. */
export function SaveProblem({ problem, saving, onRetry, onDiscard }: { problem: Problem; saving: boolean; onRetry(): void; onDiscard(): void }) {
  const [discarding, setDiscarding] = useState(false);
  return (
    <section id="save-problem" className="banner banner-danger save-problem" role="alert" aria-label={m.saveFailed}>
      <h3>{m.saveFailed}</h3>
      <p>{problem.text}</p>
      <p className="small">{m.saveFailedHelp}</p>
      {discarding && <p className="small">{m.confirmDiscard}</p>}
      <div className="form-actions">
        {discarding ? (
          <>
            <button type="button" className="btn-small btn-danger" onClick={onDiscard}>{m.discardNow}</button>
            <button type="button" className="btn-small" onClick={() => setDiscarding(false)}>{common.cancel}</button>
          </>
        ) : (
          <>
            <button type="button" className="btn-small btn-primary" disabled={saving} aria-busy={saving} onClick={onRetry}>{saving ? m.saving : common.retry}</button>
            <button type="button" className="btn-small" onClick={() => setDiscarding(true)}>{m.discardUnsaved}</button>
          </>
        )}
      </div>
    </section>
  );
}
