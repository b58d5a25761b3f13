import { DateTime } from 'luxon';
import { auditRoleLabel } from '../../../shared/auditCsv';
import { timeIn } from '../../../shared/i18n/formatTime';
import type { Locale } from '../../../shared/i18n/locales';
import type { Translate } from '../../../shared/i18n/translate';
import { ROLES, type Role } from '../../../shared/schemas/auth';
import type { AuditCursor, AuditLogEntry } from '../../../shared/schemas/reports';
import type { DropInWindow } from '../scheduling/schedule';
import { schedulingRepository } from '../scheduling/scheduling.repository';
import { parseSessionId } from '../scheduling/sessionId';
import { loadSession } from '../scheduling/sessions';
import type { Queryable } from '../store/db';
import type { AuditLine, AuditPlace } from './audit.repository';

/**
 * How the log is read: in the reader's language (`t` has the program's zone label as `{zone}`) and in the program's
 * own zone, whatever the reader's browser says.
 */
export interface AuditReading {
  locale: Locale;
  t: Translate;
  zone: string;
}

const MINUS = '\u2212';

/** "UTC−6" for an offset in minutes. */
function offsetLabel(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const h = Math.floor(Math.abs(minutes) / 60);
  const m = Math.abs(minutes) % 60;
  return `UTC${minutes < 0 ? MINUS : '+'}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

/** "Mon 7 Dec 2026" / "lun. 7 déc. 2026" for a moment as it reads in a zone. */
const dayOf = (t: DateTime, locale: Locale) => (locale === 'en-CA' ? t : t.setLocale(locale)).toFormat('ccc d LLL yyyy');

/** "12:00" / "12 h" (French typography, as everywhere in French) for a moment as it reads in a zone. */
const clockOf = (t: DateTime, locale: Locale) => (locale === 'en-CA' ? t.toFormat('HH:mm') : timeIn(locale, t.toJSDate(), t.zoneName ?? 'UTC'));

/** "Mon 7 Dec 2026, 12:00" / "lun. 7 déc. 2026, 12 h" */
const stampOf = (t: DateTime, locale: Locale) => `${dayOf(t, locale)}, ${clockOf(t, locale)}`;

/**
 * "Mon 7 Dec 2026, 12:00 Alberta time (UTC−6)" / "lun. 7 déc. 2026, 12 h (heure de l’Alberta, UTC−6)": in the program's
 * zone (`r.zone`) by the server's zone data, not the reader's, with the program's label for it. The offset, not an
 * abbreviation: Alberta has kept UTC−6 all year since 1 November 2026, so "MST" would now be wrong and "MDT" reads
 * as a summer time.
 */
export function auditWhen(at: Date, r: AuditReading): string {
  const t = DateTime.fromJSDate(at, { zone: r.zone });
  return r.t('reports.audit.when', { date: dayOf(t, r.locale), time: clockOf(t, r.locale), offset: offsetLabel(t.offset) });
}

const day = (localDate: string, locale: Locale) => dayOf(DateTime.fromISO(localDate, { zone: 'UTC' }), locale);

/** A short reference to an account or a request: enough to tell entries about the same one apart, no name. */
const ref = (id: string) => id.replace(/-/g, '').slice(0, 8);

/**
 * The targets of these lines in words. A session reads as its circle's title and when it starts (never its topic,
 * which is staff's and hosts' own words about what people talk of); a series as its title; an account or a
 * peer-support request only by a short reference.
 */
async function targetLabels(db: Queryable, lines: readonly AuditLine[], window: DropInWindow, r: AuditReading): Promise<Map<string, string>> {
  const { t, locale } = r;
  const key = (type: string, id: string) => `${type} ${id}`;
  const out = new Map<string, string>();
  const repo = schedulingRepository(db);
  const sessions = new Set(lines.filter((l) => l.target_type === 'session').map((l) => l.target_id));
  for (const id of sessions) {
    const s = await loadSession(db, id, window);
    const parsed = parseSessionId(id);
    if (s) {
      const start = DateTime.fromJSDate(s.planned.occurrence.startsAt, { zone: s.series.timezone });
      out.set(key('session', id), `${s.series.title}, ${stampOf(start, locale)}`);
    } else if (parsed) {
      const series = await repo.seriesById(parsed.seriesId);
      out.set(key('session', id), `${series?.title ?? t('reports.audit.target.aCircle')}, ${day(parsed.localDate, locale)}`);
    }
  }
  const series = new Set(lines.filter((l) => l.target_type === 'series').map((l) => l.target_id));
  for (const id of series) {
    const s = await repo.seriesById(id);
    if (s) out.set(key('series', id), t('reports.audit.target.series', { title: s.title }));
  }
  for (const l of lines) {
    const k = key(l.target_type, l.target_id);
    if (out.has(k)) continue;
    if (l.target_type === 'role' && (ROLES as readonly string[]).includes(l.target_id)) {
      const role = l.target_id as Role;
      out.set(k, t('reports.audit.target.role', { role: role === 'member' ? t('common.role.member') : auditRoleLabel(t, role) }));
    } else if (l.target_type === 'user') out.set(k, t('reports.audit.target.account', { ref: ref(l.target_id) }));
    else if (l.target_type === 'support_request') out.set(k, t('reports.audit.target.request', { ref: ref(l.target_id) }));
    else if (l.target_type === 'match_history_year') out.set(k, t('reports.audit.target.history', { year: l.target_id }));
    else out.set(k, `${l.target_type} ${l.target_id}`);
  }
  return out;
}

/**
 * Audit lines as staff and auditors read them, in the reader's language: who by first name and role, what, when in
 * the program's zone, which target in words.
 */
export async function auditEntries(db: Queryable, lines: readonly AuditLine[], window: DropInWindow, reading: AuditReading): Promise<AuditLogEntry[]> {
  const labels = await targetLabels(db, lines, window, reading);
  return lines.map((r) => {
    const at = new Date(r.at);
    return {
      at: at.toISOString(),
      when: auditWhen(at, reading),
      actorName: r.first_name,
      actorRole: r.role,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      targetLabel: labels.get(`${r.target_type} ${r.target_id}`) ?? `${r.target_type} ${r.target_id}`,
    };
  });
}

/** A cursor as clients see it ("<epoch ms>.<seq>") and back. */
export function cursorOf(p: AuditPlace): AuditCursor {
  return `${p.atMs}.${p.seq}`;
}
export function placeFromCursor(c: AuditCursor): AuditPlace {
  const [ms, seq] = c.split('.');
  return { atMs: Number(ms), seq: seq! };
}
