import { useState } from 'react';
import type { SessionStatus } from '../../../shared/ipc/records.ts';
import { common } from '../messages/common.ts';
import { session as m } from '../messages/session.ts';
import { useSession } from '../stores/session.ts';
import { AuditStatusLine } from './AuditStatusLine.tsx';

export function SignIn({ status }: { status: SessionStatus }) {
  const { login, busy, error } = useSession();
  const [chosen, setName] = useState('');
  // The account list can arrive or change after the first render (e.g. a database restored from backup).
  const name = status.accounts.some((a) => a.name === chosen) ? chosen : (status.accounts[0]?.name ?? '');
  const [password, setPassword] = useState('');
  return (
    <div className="gate">
      <form
        className="gate-card"
        onSubmit={(e) => {
          e.preventDefault();
          void login(name, password);
        }}
      >
        <h1 className="gate-brand">{common.appName}</h1>
        <p className="muted">{common.appSubtitle}</p>
        <h2>{m.signInTitle}</h2>
        {status.accounts.length === 0 ? (
          <p>{m.noAccounts}</p>
        ) : (
          <>
            <label className="field">
              <span className="field-label">{m.account}</span>
              <select value={name} onChange={(e) => setName(e.target.value)}>
                {status.accounts.map((a) => (
                  <option key={a.name} value={a.name}>{a.displayName}（{a.name}）</option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field-label">{m.password}</span>
              <input type="password" autoComplete="current-password" autoFocus value={password} onChange={(e) => setPassword(e.target.value)} />
            </label>
            {error && <p className="field-error" role="alert">{error}</p>}
            <button type="submit" className="btn-primary btn-block" disabled={busy || password === ''}>{busy ? m.signingIn : m.signIn}</button>
          </>
        )}
        <AuditStatusLine status={status} />
      </form>
    </div>
  );
}
