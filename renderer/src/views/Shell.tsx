import { useEffect, useState } from 'react';
import type { QueueCounts } from '../../../shared/ipc/records.ts';
import { Notices } from '../components/Notices.tsx';
import { common, nav, roleLabels } from '../messages/common.ts';
import { queueTitles } from '../messages/queues.ts';
import { ImportPanel } from '../register/ImportPanel.tsx';
import { chooseAndImport } from '../register/open.ts';
import { useImports } from '../stores/imports.ts';
import { useQueues } from '../stores/queues.ts';
import { useRegister } from '../stores/register.ts';
import { useRoute, type Route } from '../stores/route.ts';
import { useSession } from '../stores/session.ts';
import { useSettings } from '../stores/settings.ts';
import { inspection as inspectionText, annual, consolidation } from '../messages/inspection.ts';
import { requests as requestsText } from '../messages/requests.ts';
import { AnnualView } from './AnnualView.tsx';
import { AuditView } from './AuditView.tsx';
import { ConsolidationView } from './ConsolidationView.tsx';
import { InspectionView } from './InspectionView.tsx';
import { RequestsView } from './RequestsView.tsx';
import { PublicationsView } from './PublicationsView.tsx';
import { publication as publicationText } from '../messages/publication.ts';
import { usePublications } from '../stores/publications.ts';
import { LexiconView } from './LexiconView.tsx';
import { QueueView } from './QueueView.tsx';
import { RegisterView } from './RegisterView.tsx';
import { SettingsView } from './SettingsView.tsx';
import { WorkspaceView } from './WorkspaceView.tsx';

const queueOrder: (keyof QueueCounts)[] = ['myDrafts', 'returnedToMe', 'awaitingReview', 'awaitingSignature'];

function Content({ route }: { route: Route }) {
  switch (route.view) {
    case 'register':
      return <RegisterView />;
    case 'queue':
      return <QueueView queue={route.queue} />;
    case 'document':
      return <WorkspaceView documentId={route.documentId} {...(route.queue ? { queue: route.queue } : {})} />;
    case 'audit':
      return <AuditView documentSha256={route.documentSha256} />;
    case 'lexicon':
      return <LexiconView />;
    case 'settings':
      return <SettingsView />;
    case 'inspection':
      return <InspectionView />;
    case 'requests':
      return <RequestsView />;
    case 'publications':
      return <PublicationsView />;
    case 'annual':
      return <AnnualView />;
    case 'consolidation':
      return <ConsolidationView />;
  }
}

export function Shell() {
  const { user, info, logout } = useSession();
  const { route, go } = useRoute();
  const counts = useQueues((s) => s.queues?.counts);
  const waitingRelease = usePublications((s) => s.waiting);
  const importStatus = useImports((s) => s.status);
  const [navOpen, setNavOpen] = useState(false);
  useEffect(() => setNavOpen(false), [route]);

  useEffect(() => {
    void useQueues.getState().refresh();
    void usePublications.getState().reload();
    void useSettings.getState().load();
    useImports.setState({
      onFinished: () => {
        const { status } = useImports.getState();
        void useRegister.getState().reload();
        void useQueues.getState().refresh();
        // One file opened with Ctrl+O goes straight to the workspace.
        if (status && status.total === 1 && status.documentIds.length === 1) {
          go({ view: 'document', documentId: status.documentIds[0]! });
          useImports.getState().clear();
        }
      },
    });
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'o') {
        e.preventDefault();
        void chooseAndImport(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  if (!user) return null;
  const is = (r: Route) => JSON.stringify(r) === JSON.stringify(route);
  const link = (target: Route, label: string, count?: number) => (
    <li>
      <button type="button" className={`nav-link ${is(target) ? 'active' : ''}`} aria-current={is(target) ? 'page' : undefined} onClick={() => go(target)}>
        <span>{label}</span>
        {count !== undefined && <span className={`nav-count ${count > 0 ? 'has' : ''}`}>{count}</span>}
      </button>
    </li>
  );

  return (
    <div className={`shell ${route.view === 'document' ? 'shell-document' : ''} ${navOpen ? 'nav-open' : ''}`}>
      <header className="topbar">
        <button type="button" className="btn-small nav-toggle" aria-expanded={navOpen} aria-controls="main-nav" onClick={() => setNavOpen(!navOpen)}>☰ {nav.menu}</button>
        <span className="brand">{common.appName}</span>
        <span className="topbar-sub">{common.appSubtitle}</span>
        {info?.shell === 'browser-twin' && <span className="badge badge-muted">{common.shellTwin}</span>}
        <span className="spacer" />
        <span className="current-user" aria-label={nav.currentUser}>
          <strong>{user.displayName}</strong>
          <span className="muted">（{user.name}）</span>
          {user.roles.map((r) => <span key={r} className={`role role-${r}`}>{roleLabels[r]}</span>)}
        </span>
        <button type="button" className="btn-small" onClick={() => void logout()}>{nav.signOut}</button>
      </header>
      <nav id="main-nav" className="sidenav" aria-label={nav.label} onKeyDown={(e) => { if (e.key === 'Escape') setNavOpen(false); }}>
        <h2>{nav.todo}</h2>
        <ul>
          {queueOrder.map((q) => link({ view: 'queue', queue: q }, queueTitles[q], counts?.[q] ?? 0))}
          {link({ view: 'publications' }, publicationText.nav, waitingRelease)}
        </ul>
        <h2>{nav.records}</h2>
        <ul>
          {link({ view: 'register' }, nav.register)}
          {link({ view: 'audit' }, nav.audit)}
        </ul>
        <h2>{inspectionText.navGroup}</h2>
        <ul>
          {link({ view: 'requests' }, requestsText.nav)}
          {link({ view: 'inspection' }, inspectionText.nav)}
          {link({ view: 'annual' }, annual.nav)}
          {link({ view: 'consolidation' }, consolidation.nav)}
        </ul>
        <h2>{nav.manage}</h2>
        <ul>
          {link({ view: 'lexicon' }, nav.lexicon)}
          {link({ view: 'settings' }, nav.settings)}
        </ul>
      </nav>
      <main className="content">
        <Content route={route} />
      </main>
      {importStatus && (
        <ImportPanel status={importStatus} onCancel={() => void useImports.getState().cancel()} onClose={() => useImports.getState().clear()} />
      )}
      <Notices />
    </div>
  );
}
