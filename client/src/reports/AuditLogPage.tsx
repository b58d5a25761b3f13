import { useState } from 'react';
import { auditActionLabel } from '../../../shared/schemas/audit';
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

/** Times in the reader's own zone, which the column names. */
const WHEN = new Intl.DateTimeFormat('en-CA', { dateStyle: 'medium', timeStyle: 'short' });

/** The reader's zone as an offset ("UTC−6"), never a name like "MST" that the rules may have made wrong. */
function localZoneLabel(): string {
  const minutes = -new Date().getTimezoneOffset();
  const sign = minutes < 0 ? '−' : '+';
  const h = Math.floor(Math.abs(minutes) / 60);
  const m = Math.abs(minutes) % 60;
  return minutes === 0 ? 'UTC' : `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
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
              {auditActionLabel(a)}
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
        headers={[`When (${localZoneLabel()})`, 'Who', 'What', 'Target']}
        rows={shown}
        rowKey={(e, i) => `${e.at}-${i}`}
        cells={(e) => [
          <time dateTime={e.at}>{WHEN.format(new Date(e.at))}</time>,
          <>
            {/* No actor: the command line (npm run admin), or an account since removed. */}
            {e.actorName ?? 'Command line or removed account'}
            {e.actorRole && ` (${roleLabel({ role: e.actorRole, memberKind: null })})`}
          </>,
          <>
            {auditActionLabel(e.action)} <code className="audit-code">{e.action}</code>
          </>,
          <>
            {e.targetType} {e.targetId}
          </>,
        ]}
        empty="No actions recorded yet."
      />
    </>
  );
}
