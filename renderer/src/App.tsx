import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/ipc/app.ts';
import { ui } from './messages.ts';

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void window.api.getAppInfo().then(setInfo);
  }, []);
  return (
    <div className="app">
      <header className="app-header">
        <h1>{ui.appName}</h1>
        <span className="subtitle">{ui.appSubtitle}</span>
      </header>
      <main>
        {info ? (
          <dl className="app-info">
            <dt>{ui.version}</dt>
            <dd>{info.version}（{info.shell === 'electron' ? ui.shellElectron : ui.shellTwin}）</dd>
            <dt>{ui.dataDir}</dt>
            <dd>{info.dataDir}</dd>
          </dl>
        ) : (
          <p>{ui.loading}</p>
        )}
      </main>
    </div>
  );
}
