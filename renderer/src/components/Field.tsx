import { useId, type ReactNode } from 'react';

interface ControlProps {
  id: string;
  'aria-describedby'?: string;
}

/** A labelled control whose hint is its description, not part of its name. */
export function Field({ label, hint, children }: { label: string; hint?: string | undefined; children(props: ControlProps): ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>{label}</label>
      {children(hint ? { id, 'aria-describedby': hintId } : { id })}
      {hint && <span className="field-hint" id={hintId}>{hint}</span>}
    </div>
  );
}
