import { auditActionLabel } from './schemas/audit';
import { roleLabelOf } from './schemas/auth';
import type { AuditLogEntry } from './schemas/reports';
import { csvField } from './reportCsv';

/** The audit log's columns, on the page and in its CSV alike. */
export const AUDIT_COLUMNS = ['When (Alberta time)', 'Who', 'What', 'Target'] as const;

/** Who acted, as the log reads: first name and role; no actor means the command line, an e-mailed link or a removed account. */
export function auditActor(e: Pick<AuditLogEntry, 'actorName' | 'actorRole'>): string {
  const name = e.actorName ?? 'No staff member (command line, e-mail, or a removed account)';
  return e.actorRole ? `${name} (${roleLabelOf({ role: e.actorRole, memberKind: null })})` : name;
}

/** One entry as the four columns' text: the page shows the same words (with the action's code beside them). */
export function auditCells(e: AuditLogEntry): [string, string, string, string] {
  return [e.when, auditActor(e), `${auditActionLabel(e.action)} (${e.action})`, e.targetLabel];
}

/** The CSV export of audit entries: a header row and one row per entry, every field quoted and formula-safe. */
export function auditLogCsv(entries: readonly AuditLogEntry[]): string {
  const rows: string[][] = [[...AUDIT_COLUMNS], ...entries.map(auditCells)];
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
