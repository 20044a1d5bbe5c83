import { useEffect, useState } from 'react';
import type { Settings } from '../../../shared/ipc/records.ts';
import type { ReviewPolicy } from '../../../shared/workflow.ts';
import type { Role } from '../../../shared/types.ts';
import { Field } from '../components/Field.tsx';
import { useBusy } from '../lib/busy.ts';
import { ConfirmDialog } from '../workspace/dialogs.tsx';
import { roleLabels } from '../messages/common.ts';
import { settings as m, unitNameText } from '../messages/settings.ts';
import { useNotices } from '../stores/notices.ts';
import { hasRole, useSession } from '../stores/session.ts';
import { publication as publicationText } from '../messages/publication.ts';
import { publicationWorkingDaysRange } from '../../../shared/publication-rules.ts';
import { useSettings } from '../stores/settings.ts';
import { mayWrite } from '../../../shared/write-roles.ts';
import { intakeLimitRanges as ranges, MB } from '../../../shared/intake-limits.ts';
import { inspectionGuardMessages } from '../../../shared/messages/inspection.ts';

const defaultUnitName = inspectionGuardMessages.defaultUnitName;

const allRoles: Role[] = ['drafter', 'reviewer', 'signer', 'admin'];

export function SettingsView() {
  const { settings, load } = useSettings();
  const user = useSession((s) => s.user);
  const admin = hasRole(user, 'admin');
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <div className="view settings-view">
      <header className="view-head">
        <h1>{m.title}</h1>
      </header>
      <div className="settings-grid">
        <DataSection mayBackup={mayWrite(user?.roles ?? [], 'backup')} />
        <UnitSection admin={admin} />
        {settings && <PolicySection key={JSON.stringify(settings)} initial={settings} admin={admin} />}
        {admin && <UsersSection />}
      </div>
    </div>
  );
}

function DataSection({ mayBackup }: { mayBackup: boolean }) {
  const { info, status, logout, user } = useSession();
  const { backup, restore, lastBackup, settings, update } = useSettings();
  const admin = hasRole(user, 'admin');
  const chooseHeadCopy = async () => {
    const [dir] = await window.api.chooseFiles({ folders: true });
    if (dir) await update({ headCopyDir: dir }, m.headCopySaved);
  };
  const [restorePath, setRestorePath] = useState<string | null>(null);
  const [busy, run] = useBusy<'backup' | 'restore'>();
  useEffect(() => {
    if (lastBackup) useNotices.getState().ok(m.backupDone(lastBackup.path, lastBackup.entries));
  }, [lastBackup]);
  const backupNow = async () => {
    const path = await window.api.chooseSavePath({ defaultName: `审查台备份-${new Date().toISOString().slice(0, 10)}.sqlite`, filters: [{ name: 'SQLite', extensions: ['sqlite'] }] });
    if (path) await run('backup', () => backup(path));
  };
  const chooseRestore = async () => {
    const [path] = await window.api.chooseFiles({});
    if (path) setRestorePath(path);
  };
  return (
    <section className="card" aria-label={m.data}>
      <h2>{m.data}</h2>
      <dl className="kv">
        <dt>{m.dataFolder}</dt>
        <dd className="mono small">{info?.dataDir}</dd>
        <dt>{m.database}</dt>
        <dd className="mono small">{status?.database.path}</dd>
        <dt>{m.rootFingerprint}</dt>
        <dd className="mono small" title={m.rootFingerprintHint}>{status?.rootFingerprint ?? '—'}</dd>
        <dt title={m.headCopyHint}>{m.headCopy}</dt>
        <dd className="mono small">
          {settings?.headCopyDir ?? m.headCopyNone}
          {admin && (
            <span className="inline-actions">
              <button type="button" className="btn-small" onClick={() => void chooseHeadCopy()}>{m.headCopyChoose}</button>
              {settings?.headCopyDir && <button type="button" className="btn-small" onClick={() => void update({ headCopyDir: null }, m.headCopySaved)}>{m.headCopyStop}</button>}
            </span>
          )}
        </dd>
      </dl>
      <div className="form-actions">
        {mayBackup && <button type="button" className="btn-primary" disabled={busy !== null} aria-busy={busy === 'backup'} onClick={() => void backupNow()}>{busy === 'backup' ? m.backingUp : m.backupNow}</button>}
        <button type="button" disabled={busy !== null} onClick={() => void chooseRestore()}>{m.restore}</button>
      </div>
      {restorePath && (
        <ConfirmDialog
          title={m.restore}
          text={`${m.restoreConfirm}\n${restorePath}`}
          action={m.restore}
          busy={busy === 'restore'}
          onClose={() => setRestorePath(null)}
          onConfirm={() =>
            run('restore', async () => {
              const ok = await restore(restorePath, m.restored);
              setRestorePath(null);
              if (ok) await logout();
            })
          }
        />
      )}
    </section>
  );
}

/** The unit's name on its reports and bundles: one per unit, so the office can tell the bundles apart. */
function UnitSection({ admin }: { admin: boolean }) {
  const [saved, setSaved] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [isSet, setIsSet] = useState(true);
  useEffect(() => {
    window.api.getInspectionConfig().then(
      (config) => {
        setSaved(config.unitName);
        setName(config.unitName);
        setIsSet(config.unitName !== defaultUnitName);
      },
      (error: unknown) => useNotices.getState().fail(error),
    );
  }, []);
  if (saved === null) return null;
  return (
    <form
      className="card"
      aria-label={unitNameText.section}
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          const config = await window.api.setUnitName({ name: name.trim() });
          setSaved(config.unitName);
          setName(config.unitName);
          setIsSet(config.unitName !== defaultUnitName);
          useNotices.getState().ok(unitNameText.saved(config.unitName));
        } catch (error) {
          useNotices.getState().fail(error);
        }
      }}
    >
      <h2>{unitNameText.section}</h2>
      {!isSet && <p className="small warning" role="note">{unitNameText.notSet}</p>}
      <fieldset disabled={!admin}>
        <Field label={unitNameText.label} hint={unitNameText.hint}>
          {(p) => <input {...p} maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        {admin && (
          <div className="form-actions">
            <button type="submit" className="btn-primary" disabled={name.trim() === '' || name.trim() === saved}>{unitNameText.save}</button>
          </div>
        )}
      </fieldset>
    </form>
  );
}

function PolicySection({ initial, admin }: { initial: Settings; admin: boolean }) {
  const update = useSettings((s) => s.update);
  const [policy, setPolicy] = useState<ReviewPolicy>(initial.reviewPolicy);
  const [threshold, setThreshold] = useState(initial.highScoreThreshold);
  const [approved, setApproved] = useState(initial.classifiedMachineApproved);
  const [maxMb, setMaxMb] = useState(Math.round(initial.limits.maxBytes / MB));
  const [expandedMb, setExpandedMb] = useState(Math.round(initial.limits.maxExpandedBytes / MB));
  const [timeoutS, setTimeoutS] = useState(Math.round(initial.limits.timeoutMs / 1000));
  const [localBasis, setLocalBasis] = useState(initial.localBasis.join('\n'));
  const [publicationDays, setPublicationDays] = useState(initial.publicationWorkingDays);
  return (
    <form
      className="card"
      aria-label={m.policy}
      onSubmit={(e) => {
        e.preventDefault();
        void update(
          {
            reviewPolicy: policy,
            highScoreThreshold: threshold,
            classifiedMachineApproved: approved,
            limits: { maxBytes: maxMb * MB, maxExpandedBytes: expandedMb * MB, timeoutMs: timeoutS * 1000 },
            localBasis: localBasis.split('\n').map((l) => l.trim()).filter(Boolean),
            publicationWorkingDays: publicationDays,
          },
          m.saved,
        );
      }}
    >
      <h2>{m.policy}</h2>
      {!admin && <p className="muted small">{m.adminOnly}</p>}
      <fieldset disabled={!admin}>
        <label className="radio-line">
          <input type="radio" name="policy" checked={policy === 'all'} onChange={() => setPolicy('all')} /> {m.policyAll}
        </label>
        <label className="radio-line">
          <input type="radio" name="policy" checked={policy === 'on-request-withheld'} onChange={() => setPolicy('on-request-withheld')} /> {m.policyOnRequest}
        </label>
        <Field label={m.threshold} hint={m.thresholdHint}>
          {(p) => <input {...p} type="number" min={0} max={1} step={0.05} value={threshold} onChange={(e) => setThreshold(Number(e.target.value))} />}
        </Field>
        <label className="radio-line check-line">
          <input type="checkbox" checked={approved} onChange={(e) => setApproved(e.target.checked)} /> {m.classifiedMachine}
        </label>
        <h3 className="settings-subhead">{m.limits}</h3>
        <div className="limits">
          <label className="field">
            <span className="field-label">{m.maxBytes}</span>
            <input type="number" min={Math.ceil(ranges.maxBytes.min / MB)} max={ranges.maxBytes.max / MB} value={maxMb} onChange={(e) => setMaxMb(Number(e.target.value))} />
          </label>
          <label className="field">
            <span className="field-label">{m.maxExpanded}</span>
            <input type="number" min={Math.ceil(ranges.maxExpandedBytes.min / MB)} max={ranges.maxExpandedBytes.max / MB} value={expandedMb} onChange={(e) => setExpandedMb(Number(e.target.value))} />
          </label>
          <label className="field">
            <span className="field-label">{m.timeout}</span>
            <input type="number" min={Math.ceil(ranges.timeoutMs.min / 1000)} max={ranges.timeoutMs.max / 1000} value={timeoutS} onChange={(e) => setTimeoutS(Number(e.target.value))} />
          </label>
        </div>
        <Field label={m.localBasis} hint={m.localBasisHint}>
          {(p) => <textarea {...p} rows={3} value={localBasis} onChange={(e) => setLocalBasis(e.target.value)} />}
        </Field>
        <Field label={publicationText.settings.label} hint={publicationText.settings.hint}>
          {(p) => <input {...p} type="number" min={publicationWorkingDaysRange.min} max={publicationWorkingDaysRange.max} step={1} value={publicationDays} onChange={(e) => setPublicationDays(Number(e.target.value))} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="btn-primary">{m.saveSettings}</button>
        </div>
      </fieldset>
    </form>
  );
}

/** Shown on a record begun before account changes were signed, until an admin vouches for its accounts. */
function AnchorPrompt({ adminPassword, needPassword }: { adminPassword: string; needPassword: () => boolean }) {
  const status = useSession((s) => s.status);
  const load = useSession((s) => s.load);
  if (status?.audit?.state !== 'done' || status.audit.report.firstBroken?.code !== 'unanchored') return null;
  const anchor = async () => {
    if (needPassword()) return;
    try {
      await window.api.anchorAccounts({ adminPassword });
      useNotices.getState().ok(m.anchored);
      await load();
    } catch (error) {
      useNotices.getState().fail(error);
    }
  };
  return (
    <div className="callout" role="note">
      <p>{m.anchorHint}</p>
      <button type="button" className="btn-primary" onClick={() => void anchor()}>{m.anchorAccounts}</button>
    </div>
  );
}

function UsersSection() {
  const { users, loadUsers, addUser, setRoles } = useSettings();
  const [name, setName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setNewRoles] = useState<Role[]>(['drafter']);
  const [adminPassword, setAdminPassword] = useState('');
  const needPassword = () => {
    if (adminPassword) return false;
    useNotices.getState().fail({ code: 'invalid', message: m.adminPasswordFirst });
    return true;
  };
  useEffect(() => {
    void loadUsers();
  }, [loadUsers]);
  const toggle = (list: Role[], r: Role) => (list.includes(r) ? list.filter((x) => x !== r) : [...list, r]);
  return (
    <section className="card card-wide" aria-label={m.users}>
      <h2>{m.users}</h2>
      <Field label={m.adminPassword} hint={m.adminPasswordHint}>
        {(p) => <input {...p} type="password" value={adminPassword} onChange={(e) => setAdminPassword(e.target.value)} autoComplete="current-password" />}
      </Field>
      <AnchorPrompt adminPassword={adminPassword} needPassword={needPassword} />
      <table className="users-table">
        <thead>
          <tr>
            <th>{m.userName}</th>
            <th>{m.displayName}</th>
            <th>{m.roles}</th>
            <th>{m.keyFingerprint}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.name}{!u.active && <span className="badge badge-muted">{m.inactive}</span>}</td>
              <td>{u.displayName}</td>
              <td>
                {allRoles.map((r) => (
                  <label key={r} className="role-toggle">
                    <input type="checkbox" checked={u.roles.includes(r)} onChange={() => void (needPassword() || setRoles(u.name, toggle(u.roles, r), adminPassword, m.rolesSaved))} />
                    {roleLabels[r]}
                  </label>
                ))}
              </td>
              <td className="mono small">{u.keyFingerprint.slice(0, 16)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="add-user"
        onSubmit={async (e) => {
          e.preventDefault();
          if (needPassword()) return;
          if (await addUser({ name: name.trim(), displayName: displayName.trim(), password, roles, adminPassword }, m.userAdded)) {
            setName('');
            setDisplayName('');
            setPassword('');
          }
        }}
      >
        <h3>{m.addUser}</h3>
        <label className="field">
          <span className="field-label">{m.userName}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </label>
        <label className="field">
          <span className="field-label">{m.displayName}</span>
          <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} required />
        </label>
        <label className="field">
          <span className="field-label">{m.password}</span>
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} minLength={8} required />
        </label>
        <fieldset className="field">
          <legend className="field-label">{m.roles}</legend>
          {allRoles.map((r) => (
            <label key={r} className="role-toggle">
              <input type="checkbox" checked={roles.includes(r)} onChange={() => setNewRoles(toggle(roles, r))} />
              {roleLabels[r]}
            </label>
          ))}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="btn-primary">{m.addUser}</button>
        </div>
      </form>
    </section>
  );
}
