import { randomBytes } from 'node:crypto';
import { readinessToday } from './people/readiness';
import type { ReadinessService } from './people/readiness.service';
import { DateTime } from 'luxon';
import type { MemberKind, Role } from '../../shared/schemas/auth';
import type { AuthService } from './auth/auth.service';
import type { Clock } from './clock';
import { matchHistoryRepository } from './matching/history.repository';
import type { Db } from './store/db';
import { schedulingRepository, WEEKLY_DEFAULTS, type NewSeries } from './scheduling/scheduling.repository';
import type { SchedulingService } from './scheduling/scheduling.service';
import { sessionIdOf } from './scheduling/sessionId';
import { DEFAULT_PROGRAM } from './program/program';
import { localized, type LocalizedText, type ProgramConfig } from '../../shared/schemas/program';

/** The weekly circle's internal id (its session ids and feed UIDs carry it; nobody reads it). */
export const WEEKLY_CIRCLE_ID = 'rmcc';

/** The day from which the built-in weekly circle's first date is counted (its calendar feed's first event on or after it). */
const SERIES_EPOCH = '2026-01-05';

/**
 * The weekly drop-in circle every store starts with, from the program file (`weeklyCircle`): named after the
 * program, in the program's default language (staff can change any of it afterwards).
 */
export function weeklyCircleOf(program: ProgramConfig): NewSeries {
  const w = program.weeklyCircle;
  const l = (text: LocalizedText) => localized(text, program.defaultLocale, program.defaultLocale);
  const epoch = DateTime.fromISO(SERIES_EPOCH);
  return {
    ...WEEKLY_DEFAULTS,
    id: WEEKLY_CIRCLE_ID,
    title: l(program.name),
    description: l(w.description),
    weekday: w.weekday,
    startLocal: w.start,
    durationMinutes: w.durationMinutes,
    timezone: w.zone,
    defaultTopic: l(w.topic),
    /** The first meeting as the platform runs it: the program's weekday on or after the epoch. */
    startsOn: epoch.plus({ days: (w.weekday - epoch.weekday + 7) % 7 }).toISODate()!,
  };
}

const DEMO_TOPICS = [
  'Setting boundaries with clients and colleagues',
  'Returning from leave',
  'Articling: surviving the first months',
  'Career pivots: when practice is not the right fit',
  'Sleep, stress and the billable hour',
  'Loneliness in sole practice',
];

/** The program's weekly circle exists in every store (the built-in program's without one). Idempotent. */
export async function ensureWeeklyCircle(db: Db, program: ProgramConfig = DEFAULT_PROGRAM): Promise<void> {
  await schedulingRepository(db).insertSeries(weeklyCircleOf(program), null, { ifAbsent: true });
}

/** The former name, for callers that predate programs. */
export const ensureMondayCircle = ensureWeeklyCircle;

/** The weekly circle's local dates from this week on, `count` of them. */
function comingDates(program: ProgramConfig, clock: Clock, count: number): string[] {
  const w = program.weeklyCircle;
  const first = DateTime.fromJSDate(clock.now(), { zone: w.zone }).startOf('week').plus({ days: w.weekday - 1 });
  return Array.from({ length: count }, (_, i) => first.plus({ weeks: i }).toISODate()!);
}

/** Demo topics for the coming weekly circles, only where none is set. */
export async function seedDemoTopics(db: Db, clock: Clock, program: ProgramConfig = DEFAULT_PROGRAM): Promise<void> {
  const repo = schedulingRepository(db);
  const dates = comingDates(program, clock, DEMO_TOPICS.length);
  for (const [i, topic] of DEMO_TOPICS.entries()) {
    const date = dates[i]!;
    if (!(await repo.topicOn(WEEKLY_CIRCLE_ID, date))) await repo.setTopic(WEEKLY_CIRCLE_ID, date, topic, null);
  }
}

export interface DemoAccount {
  id: string;
  email: string;
  password: string;
  role: Role;
  memberKind: MemberKind | null;
  firstName: string;
}

/**
 * CAUTION: development only. On an empty store, one clearly-labelled demo account per role, with random
 * passwords the caller prints once.
 */
export async function seedDemoAccounts(auth: AuthService): Promise<DemoAccount[]> {
  if ((await auth.countUsers()) > 0) return [];
  const accounts: Array<Omit<DemoAccount, 'password' | 'id'>> = [
    { email: 'staff@demo.redmug.test', role: 'staff', memberKind: null, firstName: 'Demo Staff' },
    { email: 'volunteer@demo.redmug.test', role: 'volunteer', memberKind: null, firstName: 'Demo Volunteer' },
    { email: 'lawyer@demo.redmug.test', role: 'member', memberKind: 'lawyer', firstName: 'Demo Lawyer' },
    { email: 'student@demo.redmug.test', role: 'member', memberKind: 'articling_student', firstName: 'Demo Student' },
    { email: 'auditor@demo.redmug.test', role: 'auditor', memberKind: null, firstName: 'Demo Auditor' },
  ];
  const created: DemoAccount[] = [];
  for (const a of accounts) {
    const password = `demo-${randomBytes(9).toString('base64url')}`;
    const user = await auth.createUser({ ...a, password });
    created.push({ ...a, id: user.id, password });
  }
  return created;
}

/**
 * CAUTION: development only. The demo volunteer's training and confidentiality undertaking are recorded as done
 * today, so they are current (red mug, host rights) on a fresh install; real volunteers start with nothing on record.
 */
export async function seedDemoReadiness(readiness: ReadinessService, demo: DemoAccount[], clock: Clock): Promise<void> {
  const staff = demo.find((a) => a.role === 'staff');
  const volunteer = demo.find((a) => a.role === 'volunteer');
  if (!staff || !volunteer) return;
  const by = { id: staff.id, email: staff.email, firstName: staff.firstName, role: staff.role, memberKind: null, yearOfCall: null, locale: null };
  const today = readinessToday(clock.now());
  await readiness.record(by, volunteer.id, { trainingCompletedOn: today, undertakingSignedOn: today });
}

/**
 * CAUTION: development only. The demo volunteer hosts the coming weekly circles, so a fresh install shows a
 * red-mug host and host controls without any setup.
 */
export async function seedDemoHosts(scheduling: SchedulingService, demo: DemoAccount[], clock: Clock, program: ProgramConfig = DEFAULT_PROGRAM): Promise<void> {
  const staff = demo.find((a) => a.role === 'staff');
  const volunteer = demo.find((a) => a.role === 'volunteer');
  if (!staff || !volunteer) return;
  const by = { id: staff.id, email: staff.email, firstName: staff.firstName, role: staff.role, memberKind: null, yearOfCall: null, locale: null };
  for (const date of comingDates(program, clock, 6)) {
    // A holiday-skipped day has nothing to host; the rest get the demo volunteer.
    await scheduling.setHosts(by, sessionIdOf(WEEKLY_CIRCLE_ID, date), volunteer.id, null).catch(() => undefined);
  }
}

/**
 * CAUTION: development only. Plausible yearly totals from before the platform (made up, in the shape of the society's
 * published figures: the 300th match in 2022, the 400th in 2024, in 2023 more than 40 % career-related requests and
 * about 13 % from articling students), so the outcomes page has a timeline on a fresh install. Only into an empty
 * history.
 */
export async function seedDemoMatchHistory(db: Db, clock: Clock): Promise<void> {
  const history = matchHistoryRepository(db);
  if ((await history.years()).length > 0) return;
  const years: Array<[number, number, number, number, number]> = [
    // year, matches, requests, career-related, articling students
    [2016, 15, 18, 6, 2],
    [2017, 25, 28, 10, 3],
    [2018, 35, 40, 15, 5],
    [2019, 40, 45, 17, 6],
    [2020, 55, 62, 22, 7],
    [2021, 60, 66, 26, 9],
    [2022, 75, 80, 31, 10],
    [2023, 55, 60, 25, 8],
    [2024, 40, 44, 19, 6],
  ];
  for (const [year, matches, requests, careerRelated, articlingStudents] of years) {
    await history.put({ year, matches, requests, careerRelated, articlingStudents }, clock.now());
  }
}
