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
  const t = useT();
  const [query, setQuery] = useState<AuditPageQuery>({});
  const fetcher = useCallback(() => fetchAuditLog(query), [query]);
  const { state } = useLoad(fetcher, { keepOnError: true });
  return (
    <ReportsLayout title={t('reports.audit.title')}>
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
  const go = (cursor: { before?: string; after?: string }) => onQuery({ action: query.action, ...cursor });
  return (
    <>
      <div className="report-form card">
        <label htmlFor="audit-action">{t('reports.audit.showOnly')}</label>
        <select id="audit-action" value={action} onChange={(e) => onQuery({ action: e.target.value || undefined })} aria-controls="audit-table">
          <option value="">{t('reports.audit.allActions')}</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {auditActionText(t, a)}
            </option>
          ))}
        </select>
        <p role="status" className="hint">
          {t('reports.audit.shown', { count: entries.length })}
        </p>
        <a className="button secondary" href={withQuery('/api/reports/audit.csv', { action: query.action })} download>
          {t('reports.audit.downloadCsv')}
        </a>
      </div>
      {/* Focusable, so a keyboard can scroll a table wider than a phone (the page itself never scrolls sideways). */}
      <div className="audit-scroll" role="region" aria-label={t('reports.audit.entries')} tabIndex={0}>
        <DataTable
          id="audit-table"
          caption={t('reports.audit.caption')}
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
          empty={t('reports.audit.empty')}
        />
      </div>
      {(page.newer || page.older) && (
        <nav className="pager audit-pager" aria-label={t('reports.audit.pages')}>
          {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus at either end. */}
          <button type="button" className="button secondary" aria-disabled={!page.newer} onClick={() => page.newer && go({ after: page.newer })}>
            {t('reports.audit.newer')}
          </button>
          <button type="button" className="button secondary" aria-disabled={!page.older} onClick={() => page.older && go({ before: page.older })}>
            {t('reports.audit.older')}
          </button>
        </nav>
      )}
    </>
  );
}
