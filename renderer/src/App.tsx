import { useEffect } from 'react';
import { common } from './messages/common.ts';
import { useSession } from './stores/session.ts';
import { FirstRun } from './views/FirstRun.tsx';
import { Notices } from './components/Notices.tsx';
import { Shell } from './views/Shell.tsx';
import { SignIn } from './views/SignIn.tsx';

export function App() {
  const { status, user, error, load } = useSession();
  useEffect(() => {
    void load();
  }, [load]);
  if (!status) return <div className="gate"><p className={error ? 'field-error' : 'muted'}>{error ?? common.starting}</p></div>;
  if (user) return <Shell />;
  // Notices also speak before sign-in (e.g. a database restored from backup).
  return (
    <>
      {status.firstRun ? <FirstRun status={status} /> : <SignIn status={status} />}
      <Notices />
    </>
  );
}
