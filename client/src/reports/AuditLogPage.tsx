import { useState } from 'react';
import type { AuditLogEntry } from '../../../shared/schemas/reports';
import { Loaded } from '../ui/Loaded';
import { useLoad } from '../ui/useLoad';
import { roleLabel } from '../ui/roleLabel';
import { fetchAuditLog } from './reportsApi';
import { ReportsLayout } from './ReportsLayout';

/**
 * /staff/audit — who (staff or host) did what, when, to which session: never chat, never who was present.
 * Staff and auditors read it; an auditor reads nothing else.
 */
export function AuditLogPage() {
  const { state } = useLoad(fetchAuditLog);
  return (
    <ReportsLayout title="Audit log">
      <Loaded state={state}>{({ entries }) => <AuditTable entries={entries} />}</Loaded>
    </ReportsLayout>
  );
}

function AuditTable({ entries }: { entries: AuditLogEntry[] }) {
  const [action, setAction] = useState('');
  const actions = [...new Set(entries.map((e) => e.action))].sort();
  const shown = action ? entries.filter((e) => e.action === action) : entries;
  return (
    <>
      <div className="report-form card">
        <label htmlFor="audit-action">Show only</label>
        <select id="audit-action" value={action} onChange={(e) => setAction(e.target.value)} aria-controls="audit-table">
          <option value="">All actions</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
        <p role="status" className="hint">
          {shown.length === 1 ? '1 action shown' : `${shown.length} actions shown`}
        </p>
      </div>
      <table className="data-table" id="audit-table">
        <caption>The latest staff and host actions</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Target</th>
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 && (
            <tr>
              <td colSpan={4}>No actions recorded yet.</td>
            </tr>
          )}
          {shown.map((e, i) => (
            <tr key={`${e.at}-${i}`}>
              <td>{new Date(e.at).toLocaleString()}</td>
              <td>
                {/* No actor: the command line (npm run admin), or an account since removed. */}
                {e.actorName ?? 'Command line or removed account'}
                {e.actorRole && ` (${roleLabel({ role: e.actorRole, memberKind: null })})`}
              </td>
              <td>{e.action}</td>
              <td>
                {e.targetType} {e.targetId}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
