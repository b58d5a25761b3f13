import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttendanceReport, MilestonesReport, ReportCell } from '../../../shared/schemas/reports';
import { attendanceReportCsv } from '../../../shared/reportCsv';
import { publishCount, publishTable } from './disclosure';
import { buildAttendanceReport, buildInPersonReport, type RawAttendance, type RawHeadcount } from './reports.service';

const KINDS = ['lawyer', 'articling_student', 'volunteer'];
const TOPICS = ['Career pivots', 'Articling stress', null];

/** Random raw attendance: a few sessions over a year, each with small or large counts per kind. */
const rawArb = fc
  .array(
    fc.record({
      day: fc.integer({ min: 1, max: 360 }),
      topic: fc.constantFrom(...TOPICS),
      counts: fc.tuple(fc.nat({ max: 14 }), fc.nat({ max: 14 }), fc.nat({ max: 14 })),
      minutes: fc.nat({ max: 60 }),
    }),
    { maxLength: 12 },
  )
  .chain((sessions) =>
    fc.record({
      sessions: fc.constant(sessions),
      unique: fc.nat({ max: 60 }),
      newShare: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
  )
  .map(({ sessions, unique, newShare }): RawAttendance => {
    const daily = sessions.flatMap((s, i) => {
      const day = new Date(Date.UTC(2026, 0, s.day)).toISOString().slice(0, 10);
      return KINDS.map((kind, k) => ({
        sessionId: `rmcc_${day}-${i}`,
        day,
        topic: s.topic,
        kind,
        attendees: s.counts[k]!,
        timedSeconds: s.counts[k]! * s.minutes * 60,
        timedAttendees: s.counts[k]!,
      }));
    });
    return { daily, unique, newcomers: Math.floor(unique * newShare) };
  });

/** Random in-person headcounts: a total, split by kind or not (the rest is "kind not said"). */
const part = fc.option(fc.nat({ max: 14 }), { nil: null });
const headcountArb = fc
  .array(fc.record({ day: fc.integer({ min: 1, max: 360 }), parts: fc.tuple(part, part, part), unsaid: fc.nat({ max: 14 }) }), { maxLength: 8 })
  .map((list): RawHeadcount[] =>
    list.map((h, i) => {
      const day = new Date(Date.UTC(2026, 0, h.day)).toISOString().slice(0, 10);
      const [lawyers, articlingStudents, volunteers] = h.parts;
      const total = (lawyers ?? 0) + (articlingStudents ?? 0) + (volunteers ?? 0) + h.unsaid;
      return { sessionId: `p-${i}_${day}`, day, topic: null, total, lawyers, articlingStudents, volunteers };
    }),
  );

/** Every count of people a report publishes (page, charts and CSV all render these), online and in person. */
function counts(r: AttendanceReport): Array<number | null> {
  const cells = (l: ReportCell[]) => l.map((c) => c.count);
  const ip = r.inPerson;
  return [
    r.attendance,
    r.uniqueIndividuals,
    ...cells(r.newVersusReturning),
    ...cells(r.bySession),
    ...cells(r.byKind),
    ...cells(r.byTopic),
    ip.attendance,
    ...cells(ip.byKind),
    ...cells(ip.bySession),
  ];
}

function tables(r: AttendanceReport): Array<{ total: number | null; cells: ReportCell[] }> {
  return [
    { total: r.uniqueIndividuals, cells: r.newVersusReturning },
    { total: r.attendance, cells: r.bySession },
    { total: r.attendance, cells: r.byKind },
    { total: r.attendance, cells: r.byTopic },
    { total: r.inPerson.attendance, cells: r.inPerson.bySession },
    { total: r.inPerson.attendance, cells: r.inPerson.byKind },
  ];
}

const q = { from: '2026-01-01', to: '2026-12-31' };

describe('publishing counts of people', () => {
  it.each([
    [0, 5, null],
    [1, 5, null],
    [4, 5, null],
    [5, 5, 5],
    [7, 5, 5],
    [8, 5, 10],
    [123, 5, 125],
    [2, 1, 2],
    [0, 1, 0],
    [9, 10, null],
  ])('%i with threshold %i is published as %s', (n, t, out) => {
    expect(publishCount(n, t)).toBe(out);
  });

  it('never publishes a number, or a difference of two numbers across any two reports, between 1 and threshold − 1', () => {
    fc.assert(
      fc.property(rawArb, rawArb, headcountArb, headcountArb, fc.integer({ min: 2, max: 10 }), (a, b, ha, hb, t) => {
        const published = [...counts(buildAttendanceReport(q, a, t, true, ha)), ...counts(buildAttendanceReport(q, b, t, true, hb))].filter(
          (c): c is number => c !== null,
        );
        for (const x of published) {
          expect(x >= t && x % t === 0).toBe(true);
          for (const y of published) {
            const d = Math.abs(x - y);
            expect(d === 0 || d >= t).toBe(true);
          }
        }
      }),
    );
  }, 60_000);

  it('never leaves a lone withheld cell beside a published total', () => {
    fc.assert(
      fc.property(rawArb, headcountArb, fc.integer({ min: 2, max: 10 }), (raw, heads, t) => {
        for (const { total, cells } of tables(buildAttendanceReport(q, raw, t, true, heads))) {
          const hidden = cells.filter((c) => c.count === null).length;
          // One withheld cell is only possible when it is the whole table, or the total is withheld too.
          if (hidden === 1) expect(cells.length === 1 || total === null).toBe(true);
        }
      }),
    );
  });

  it('withholds the average time when fewer than threshold people were timed', () => {
    fc.assert(
      fc.property(rawArb, fc.integer({ min: 2, max: 10 }), (raw, t) => {
        const timed = raw.daily.reduce((s, r) => s + r.timedAttendees, 0);
        const r = buildAttendanceReport(q, raw, t, true);
        if (timed < t) expect(r.averageMinutes).toBeNull();
      }),
    );
  });

  it('exports in CSV exactly the figures the report holds, withheld ones as "fewer than N"', () => {
    fc.assert(
      fc.property(rawArb, headcountArb, fc.integer({ min: 2, max: 10 }), (raw, heads, t) => {
        const r = buildAttendanceReport(q, raw, t, true, heads);
        const csv = attendanceReportCsv(r);
        const numbers = [...csv.matchAll(/"(\d+)"/g)].map((m) => Number(m[1]));
        const allowed = new Set<number>([
          ...counts(r).filter((c): c is number => c !== null),
          r.sessionsHeld,
          r.inPerson.sessionsHeld,
          r.averageMinutes ?? 0,
        ]);
        for (const n of numbers) expect(allowed.has(n)).toBe(true);
        if (counts(r).includes(null)) expect(csv).toContain(`fewer than ${t}`);
      }),
    );
  });

  it('keeps the milestones sum to the published yearly figures', () => {
    const m: MilestonesReport = {
      threshold: 5,
      years: [
        { year: 2025, uniqueIndividuals: 60, byKind: publishTable([{ key: 'lawyer', count: 58 }, { key: 'volunteer', count: 2 }], 5) },
        { year: 2026, uniqueIndividuals: 45, byKind: [] },
      ],
      sumOfYearlyFigures: 105,
    };
    expect(m.years[0]!.byKind.map((c) => c.count)).toEqual([null, null]);
    expect(attendanceReportCsv(buildAttendanceReport(q, { daily: [], unique: 0, newcomers: 0 }, 5, true), m)).toContain('"105"');
  });
});

/**
 * Issue #15, item 7: below the threshold, zero and small must look the same in every figure and the CSV, and no
 * combination of periods or tables may tell them apart. The strongest form: change every group (one kind at one
 * session) smaller than the threshold to any other size below it — zero included, which is "nobody came" — and
 * every report over every period stays byte for byte the same.
 */
describe('zero and fewer than the threshold look the same', () => {
  /** Raw attendance and a twin where each small group has another small size (zero included). */
  const twinArb = (t: number) =>
    rawArb.chain((raw) =>
      fc.array(fc.nat({ max: t - 1 }), { minLength: raw.daily.length, maxLength: raw.daily.length }).map((sizes) => {
        const daily = raw.daily.map((r, i) =>
          r.attendees >= t ? r : { ...r, attendees: sizes[i]!, timedAttendees: sizes[i]!, timedSeconds: sizes[i]! * 600 },
        );
        return [raw, { ...raw, daily }] as const;
      }),
    );
  const days = fc.tuple(fc.integer({ min: 1, max: 365 }), fc.integer({ min: 0, max: 40 })).map(([start, length]) => {
    const day = (n: number) => new Date(Date.UTC(2026, 0, n)).toISOString().slice(0, 10);
    return { from: day(start), to: day(start + length) };
  });
  const within = (raw: RawAttendance, p: { from: string; to: string }): RawAttendance => ({
    ...raw,
    daily: raw.daily.filter((r) => r.day >= p.from && r.day <= p.to),
  });

  it('gives the same report and CSV, including sessions held, over every period', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 10 }).chain((t) => fc.tuple(fc.constant(t), twinArb(t), fc.array(days, { minLength: 1, maxLength: 6 }))),
        ([t, [raw, twin], periods]) => {
          for (const p of [q, ...periods]) {
            const a = buildAttendanceReport(p, within(raw, p), t, true);
            const b = buildAttendanceReport(p, within(twin, p), t, true);
            expect(b).toEqual(a);
            expect(attendanceReportCsv(b)).toBe(attendanceReportCsv(a));
          }
        },
      ),
    );
  });

  it('shows one articling student alone at a one-day pop-up exactly as a day nobody came', () => {
    const popUp = (students: number): RawAttendance => ({
      daily: students > 0 ? [{ sessionId: 'popup_2026-09-14', day: '2026-09-14', topic: 'Articling', kind: 'articling_student', attendees: students, timedSeconds: 1800 * students, timedAttendees: students }] : [],
      unique: 0,
      newcomers: 0,
    });
    const day = { from: '2026-09-14', to: '2026-09-14' };
    const none = buildAttendanceReport(day, popUp(0), 5, true);
    for (const n of [1, 2, 4]) {
      const some = buildAttendanceReport(day, popUp(n), 5, true);
      expect(some).toEqual(none);
      expect(attendanceReportCsv(some)).toBe(attendanceReportCsv(none));
    }
    expect(none).toMatchObject({ sessionsHeld: 0, attendance: null, uniqueIndividuals: null, averageMinutes: null, bySession: [] });
    expect(none.byKind.map((c) => c.count)).toEqual([null, null, null]);
  });

  it('in person too: any group under the threshold (a kind, or the part not split by kind) may be any smaller size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 10 }).chain((t) =>
          fc.tuple(fc.constant(t), headcountArb, fc.array(fc.nat({ max: t - 1 }), { minLength: 32, maxLength: 32 })),
        ),
        ([t, heads, sizes]) => {
          let n = 0;
          const other = (v: number | null) => (v !== null && v < t ? sizes[n++ % sizes.length]! : v);
          const twin = heads.map((h) => {
            const [lawyers, articlingStudents, volunteers] = [other(h.lawyers), other(h.articlingStudents), other(h.volunteers)];
            const split = (lawyers ?? 0) + (articlingStudents ?? 0) + (volunteers ?? 0);
            const unsaid = h.total - (h.lawyers ?? 0) - (h.articlingStudents ?? 0) - (h.volunteers ?? 0);
            return { ...h, lawyers, articlingStudents, volunteers, total: split + (other(unsaid) ?? 0) };
          });
          expect(buildInPersonReport(twin, t)).toEqual(buildInPersonReport(heads, t));
          const r = (h: RawHeadcount[]) => buildAttendanceReport(q, { daily: [], unique: 0, newcomers: 0 }, t, true, h);
          expect(attendanceReportCsv(r(twin))).toBe(attendanceReportCsv(r(heads)));
        },
      ),
    );
  });

  it('publishes a table the same whatever size under the threshold any of its cells has', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 10 }).chain((t) =>
          fc.tuple(fc.constant(t), fc.array(fc.tuple(fc.nat({ max: 40 }), fc.nat({ max: t - 1 })), { minLength: 1, maxLength: 5 })),
        ),
        ([t, cells]) => {
          // Each cell: its count, and another size to swap in when the count is under the threshold.
          const rows = (swap: boolean) => cells.map(([n, other], i) => ({ key: `k${i}`, count: swap && n < t ? other : n }));
          expect(publishTable(rows(true), t)).toEqual(publishTable(rows(false), t));
          for (const [n, other] of cells) if (n < t) expect(publishCount(n, t)).toBe(publishCount(other, t));
        },
      ),
    );
  });
});
