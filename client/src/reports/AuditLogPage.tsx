import { useState } from 'react';
import type { AuditLogEntry } from '../../../shared/schemas/reports';
import { DataTable } from '../ui/DataTable';
import { Loaded } from '../ui/Loaded';
import { roleLabel } from '../ui/roleLabel';
import { useLoad } from '../ui/useLoad';
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
      <DataTable
        id="audit-table"
        caption="The latest staff and host actions"
        headers={['When', 'Who', 'What', 'Target']}
        rows={shown}
        rowKey={(e, i) => `${e.at}-${i}`}
        cells={(e) => [
          new Date(e.at).toLocaleString(),
          <>
            {/* No actor: the command line (npm run admin), or an account since removed. */}
            {e.actorName ?? 'Command line or removed account'}
            {e.actorRole && ` (${roleLabel({ role: e.actorRole, memberKind: null })})`}
          </>,
          e.action,
          <>
            {e.targetType} {e.targetId}
          </>,
        ]}
        empty="No actions recorded yet."
      />
    </>
  );
}
