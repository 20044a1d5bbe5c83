import { useState } from 'react';
import type { SessionStatus } from '../../../shared/ipc/records.ts';
import { common } from '../messages/common.ts';
import { session as m } from '../messages/session.ts';
import { useSession } from '../stores/session.ts';
import { Field } from '../components/Field.tsx';

export function FirstRun({ status }: { status: SessionStatus }) {
  const { setupAdmin, busy, error } = useSession();
  const [name, setName] = useState('admin');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="gate">
      <form
        className="gate-card gate-wide"
        onSubmit={(e) => {
          e.preventDefault();
          if (password.length < 8) return setProblem(m.passwordTooShort);
          if (password !== again) return setProblem(m.passwordMismatch);
          setProblem(null);
          void setupAdmin({ name: name.trim(), displayName: displayName.trim(), password });
        }}
      >
        <h1 className="gate-brand">{common.appName}</h1>
        <h2>{m.firstRunTitle}</h2>
        <p>{m.firstRunHint}</p>
        <p className="muted small">{m.dataFolder}：{status.database.path}</p>
        <Field label={m.userName} hint={m.userNameHint}>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} autoComplete="username" required />}
        </Field>
        <label className="field">
          <span className="field-label">{m.displayName}</span>
          <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} required autoFocus />
        </label>
        <Field label={m.password} hint={m.passwordHint}>
          {(p) => <input {...p} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" required />}
        </Field>
        <label className="field">
          <span className="field-label">{m.passwordAgain}</span>
          <input type="password" value={again} onChange={(e) => setAgain(e.target.value)} autoComplete="new-password" required />
        </label>
        {(problem ?? error) && <p className="field-error" role="alert">{problem ?? error}</p>}
        <button type="submit" className="btn-primary btn-block" disabled={busy}>{m.createAdmin}</button>
      </form>
    </div>
  );
}
