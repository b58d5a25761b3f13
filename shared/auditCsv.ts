import type { MessageId } from './i18n/catalog';
import type { Translate } from './i18n/translate';
import { auditActionLabel } from './schemas/audit';
import type { Role } from './schemas/auth';
import type { AuditLogEntry } from './schemas/reports';
import { csvField } from './reportCsv';

/**
 * The audit log as staff and auditors read it, on the page and in its CSV alike, in the reader's language (`t`: the
 * page's translator, or the server's for the request's locale). The CSV follows the reader's locale throughout —
 * header row and words — because it is the same log the page shows; what a script would key on stays as it is in
 * every language: the action's code beside its words ("Set a session's topic (session.topic)").
 */

const ROLE_IDS: Record<Exclude<Role, 'member'>, MessageId> = {
  volunteer: 'common.role.volunteer',
  staff: 'common.role.staff',
  auditor: 'common.role.auditor',
};

/** How an actor's role reads in the log (members, who rarely act, read as the usual kind). */
export function auditRoleLabel(t: Translate, role: Role): string {
  return role === 'member' ? t('common.memberKind.lawyer') : t(ROLE_IDS[role]);
}

/** The audit log's columns, on the page and in its CSV alike: "When (Alberta time)", "Who", "What", "Target". */
export function auditColumns(t: Translate): [string, string, string, string] {
  return [t('reports.audit.col.when'), t('reports.audit.col.who'), t('reports.audit.col.what'), t('reports.audit.col.target')];
}

/** How an action reads; an action from an older version of the app reads as its code. */
export function auditActionText(t: Translate, action: string): string {
  const id = `reports.action.${action}`;
  return t.has(id) ? t(id) : auditActionLabel(action);
}

/** Who acted, as the log reads: first name and role; no actor means the command line, an e-mailed link or a removed account. */
export function auditActor(e: Pick<AuditLogEntry, 'actorName' | 'actorRole'>, t: Translate): string {
  const name = e.actorName ?? t('reports.audit.noActor');
  return e.actorRole ? t('reports.audit.actor', { name, role: auditRoleLabel(t, e.actorRole) }) : name;
}

/** One entry as the four columns' text: the page shows the same words (with the action's code beside them). */
export function auditCells(e: AuditLogEntry, t: Translate): [string, string, string, string] {
  return [e.when, auditActor(e, t), t('reports.audit.actionWithCode', { label: auditActionText(t, e.action), code: e.action }), e.targetLabel];
}

/** The CSV export of audit entries: a header row and one row per entry, every field quoted and formula-safe. */
export function auditLogCsv(entries: readonly AuditLogEntry[], t: Translate): string {
  const rows: string[][] = [auditColumns(t), ...entries.map((e) => auditCells(e, t))];
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
