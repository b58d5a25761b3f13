import { useCallback, useState } from 'react';
import { auditActionText, auditActor, auditColumns } from '../../../shared/auditCsv';
import { useT } from '../i18n/useT';
import type { AuditLogEntry, AuditLogResponse } from '../../../shared/schemas/reports';
import { withQuery } from '../api/apiPath';
import { DataTable } from '../ui/DataTable';
import { Loaded } from '../ui/Loaded';
import { useLoad } from '../ui/useLoad';
import { fetchAuditLog, type AuditPageQuery } from './reportsApi';
import { ReportsLayout } from './ReportsLayout';

/**
 * /staff/audit — who (staff or host) did what, when, to which session: never chat, never who was present. In
 * pages, newest first, with times in Alberta time as the server reads them, and as a CSV file with the same
 * columns. Staff and auditors read it; an auditor reads nothing else.
 */
export function AuditLogPage() {
  const [query, setQuery] = useState<AuditPageQuery>({});
  const fetcher = useCallback(() => fetchAuditLog(query), [query]);
  const { state } = useLoad(fetcher, { keepOnError: true });
  return (
    <ReportsLayout title="Audit log">
      <Loaded state={state}>{(page) => <AuditLog page={page} query={query} onQuery={setQuery} />}</Loaded>
    </ReportsLayout>
  );
}

function AuditLog({ page, query, onQuery }: { page: AuditLogResponse; query: AuditPageQuery; onQuery: (q: AuditPageQuery) => void }) {
  const t = useT();
  const { entries } = page;
  const action = query.action ?? '';
  // The filter offers every action in the log, and the one chosen even if its entries have gone.
  const actions = action && !page.actions.includes(action) ? [...page.actions, action].sort() : page.actions;
  const shown = entries.length === 1 ? '1 action shown' : `${entries.length} actions shown`;
  const go = (cursor: { before?: string; after?: string }) => onQuery({ action: query.action, ...cursor });
  return (
    <>
      <div className="report-form card">
        <label htmlFor="audit-action">Show only</label>
        <select id="audit-action" value={action} onChange={(e) => onQuery({ action: e.target.value || undefined })} aria-controls="audit-table">
          <option value="">All actions</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {auditActionText(t, a)}
            </option>
          ))}
        </select>
        <p role="status" className="hint">
          {shown}
        </p>
        <a className="button secondary" href={withQuery('/api/reports/audit.csv', { action: query.action })} download>
          Download CSV
        </a>
      </div>
      {/* Focusable, so a keyboard can scroll a table wider than a phone (the page itself never scrolls sideways). */}
      <div className="audit-scroll" role="region" aria-label="Audit log entries" tabIndex={0}>
        <DataTable
          id="audit-table"
          caption="The latest staff and host actions"
          headers={auditColumns(t)}
          rows={entries}
          rowKey={(e, i) => `${e.at}-${i}`}
          cells={(e: AuditLogEntry) => [
            <time dateTime={e.at}>{e.when}</time>,
            auditActor(e, t),
            <>
              {auditActionText(t, e.action)} <code className="audit-code">{e.action}</code>
            </>,
            e.targetLabel,
          ]}
          empty="No actions recorded yet."
        />
      </div>
      {(page.newer || page.older) && (
        <nav className="pager audit-pager" aria-label="Pages of the audit log">
          {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus at either end. */}
          <button type="button" className="button secondary" aria-disabled={!page.newer} onClick={() => page.newer && go({ after: page.newer })}>
            Newer
          </button>
          <button type="button" className="button secondary" aria-disabled={!page.older} onClick={() => page.older && go({ before: page.older })}>
            Older
          </button>
        </nav>
      )}
    </>
  );
}
