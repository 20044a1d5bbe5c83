import { common } from '../messages/common.ts';
import { useNotices } from '../stores/notices.ts';

export function Notices() {
  const { notices, dismiss } = useNotices();
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <span>{n.text}</span>
          <button type="button" className="btn-link" onClick={() => dismiss(n.id)}>{common.dismissError}</button>
        </div>
      ))}
    </div>
  );
}
