import { Loaded } from '../matching/Loaded';
import { useLoad } from '../matching/useLoad';
import { roleLabel } from '../ui/roleLabel';
import { fetchAuditLog } from './reportsApi';
import { ReportsLayout } from './ReportsLayout';

/** /staff/audit — who (staff or host) did what, when, to which session: never chat, never who was present. */
export function AuditLogPage() {
  const { state } = useLoad(fetchAuditLog);
  return (
    <ReportsLayout title="Audit log">
      <Loaded state={state}>
        {({ entries }) => (
          <table className="data-table">
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
              {entries.length === 0 && (
                <tr>
                  <td colSpan={4}>No actions recorded yet.</td>
                </tr>
              )}
              {entries.map((e, i) => (
                <tr key={`${e.at}-${i}`}>
                  <td>{new Date(e.at).toLocaleString()}</td>
                  <td>
                    {e.actorName ?? 'Removed account'}
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
        )}
      </Loaded>
    </ReportsLayout>
  );
}
