import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { translator } from '../../../shared/i18n/catalog';
import { outcomesCsv } from '../../../shared/outcomesCsv';
import { attendanceReportCsv } from '../../../shared/reportCsv';
import type { MilestonesReport } from '../../../shared/schemas/reports';
import { publishTable } from './disclosure';
import { buildOutcomes, type RawOutcomes } from './outcomes';
import { societyOutcomes } from './outcomes.fixture';
import { buildAttendanceReport, type RawAttendance, type RawHeadcount } from './reports.service';
import { attendanceCsv, outcomesReportCsv, type CsvWords } from './reportsCsv';

const values = { program: 'Red Mug Coffee Circle', programShort: 'Red Mug', zone: 'Alberta time' };
const EN: CsvWords = { t: translator('en-CA', values), locale: 'en-CA' };
const FR: CsvWords = { t: translator('fr-CA', { ...values, program: 'Cercle café Red Mug', zone: 'heure de l’Alberta' }), locale: 'fr-CA' };

const lines = (csv: string) => csv.trimEnd().split('\r\n');
const q = { from: '2026-01-01', to: '2026-12-31' };

/** Ten lawyers and three articling students at one session, six lawyers at another; an in-person headcount of 12. */
const raw: RawAttendance = {
  daily: [
    { sessionId: 'rmcc_2026-11-23', day: '2026-11-23', topic: 'Career pivots', kind: 'lawyer', attendees: 10, timedSeconds: 10 * 45 * 60, timedAttendees: 10 },
    { sessionId: 'rmcc_2026-11-23', day: '2026-11-23', topic: 'Career pivots', kind: 'articling_student', attendees: 3, timedSeconds: 0, timedAttendees: 0 },
    { sessionId: 'rmcc_2026-11-30', day: '2026-11-30', topic: null, kind: 'lawyer', attendees: 6, timedSeconds: 6 * 30 * 60, timedAttendees: 6 },
  ],
  unique: 14,
  newcomers: 9,
};
const headcounts: RawHeadcount[] = [{ sessionId: 'p-1_2026-11-26', day: '2026-11-26', topic: null, total: 12, lawyers: 7, articlingStudents: null, volunteers: null }];
const milestones = (t: CsvWords['t']): MilestonesReport => ({
  threshold: 5,
  years: [{ year: 2026, uniqueIndividuals: 15, byKind: publishTable([{ key: 'lawyer', label: t('reports.kind.lawyer'), count: 14 }], 5) }],
  sumOfYearlyFigures: 15,
});

describe('the attendance CSV in the reader’s language', () => {
  it('reads in English exactly as the page’s own export does', () => {
    const r = buildAttendanceReport(q, raw, 5, true, headcounts, EN.t);
    expect(attendanceCsv(r, milestones(EN.t), EN)).toBe(attendanceReportCsv(r, milestones(EN.t)));
    expect(attendanceCsv(r, undefined, EN)).toBe(attendanceReportCsv(r));
  });

  it('stays the page’s export in English for any figures, withheld ones included', () => {
    const kinds = ['lawyer', 'articling_student', 'volunteer'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 28 }), fc.nat({ max: 2 }), fc.nat({ max: 14 })), { maxLength: 10 }), fc.integer({ min: 1, max: 10 }), (rows, t) => {
        const daily = rows.map(([d, k, n]) => {
          const day = `2026-02-${String(d).padStart(2, '0')}`;
          return { sessionId: `rmcc_${day}`, day, topic: null, kind: kinds[k]!, attendees: n, timedSeconds: n * 600, timedAttendees: n };
        });
        const r = buildAttendanceReport(q, { daily, unique: 0, newcomers: 0 }, t, true, [], EN.t);
        expect(attendanceCsv(r, undefined, EN)).toBe(attendanceReportCsv(r));
      }),
    );
  });

  it('gives French headers, sections, items and notes for a French reader; figures stay plain digits', () => {
    const r = buildAttendanceReport(q, raw, 5, true, headcounts, FR.t);
    const csv = lines(attendanceCsv(r, milestones(FR.t), FR));
    expect(csv[0]).toBe('"section","élément","en ligne","en personne"');
    expect(csv).toEqual(
      expect.arrayContaining([
        '"période","début","2026-01-01","2026-01-01"',
        '"sommaire","séances tenues","2","1"',
        '"sommaire","présences","15","10"',
        '"sommaire","personnes distinctes","15",""',
        '"sommaire","durée moyenne dans le cercle (minutes)","39",""',
        '"personnes présentes par catégorie","Avocats et avocates","15","5"',
        '"personnes présentes par catégorie","Stagiaires en droit","moins de 5","moins de 5"',
        '"présences par thème","Aucun thème fixé","5",""',
        '"année de déclaration 2026","personnes distinctes","15",""',
        '"année de déclaration 2026, par catégorie","Avocats et avocates","15",""',
      ]),
    );
    expect(csv.at(-1)).toMatch(/^"note","les groupes de moins de 5 personnes/);
    for (const english of ['fewer than', 'summary', 'attendance', 'withheld', 'unique individuals']) expect(csv.join('\n')).not.toContain(english);
  });

  it('says "withheld" in the reader’s language', () => {
    const r = buildAttendanceReport(q, { daily: [], unique: 0, newcomers: 0 }, 5, true, [], FR.t);
    expect(lines(attendanceCsv(r, undefined, FR))).toContain('"sommaire","durée moyenne dans le cercle (minutes)","non publié",""');
  });
});

describe('the outcomes CSV in the reader’s language', () => {
  const T = { threshold: 5, circleThreshold: 5 };
  const society: RawOutcomes = { ...societyOutcomes, requests: [{ year: 2026, requests: 24, careerRelated: 7, articlingStudents: 5 }] };

  it('reads in English exactly as the page’s own export does', () => {
    const r = buildOutcomes({ from: 2021, to: 2026 }, society, T);
    expect(outcomesReportCsv(r, EN)).toBe(outcomesCsv(r));
    const unrecorded = buildOutcomes({}, { ...society, history: [], unrecorded: 399 }, T);
    expect(outcomesReportCsv(unrecorded, EN)).toBe(outcomesCsv(unrecorded));
    const open = buildOutcomes({}, society, { threshold: 1, circleThreshold: 5 });
    expect(outcomesReportCsv(open, EN)).toBe(outcomesCsv(open));
  });

  it('gives French headers and words, shares with a decimal comma, months and ordinals in French', () => {
    const csv = lines(outcomesReportCsv(buildOutcomes({ from: 2024, to: 2026 }, society, T), FR));
    expect(csv[0]).toBe('"section","année","élément","valeur"');
    expect(csv).toEqual(
      expect.arrayContaining([
        '"jumelages","2026","jumelages faits","11"',
        '"demandes","2026","demandes de jumelage avec un pair","24"',
        '"demandes","2026","part liée à la carrière","29,2 %"',
        '"demandes","2024","part liée à la carrière","aucune demande"',
        '"cercles","2025","personnes soutenues par les cercles","105"',
        '"cercles","2026","personnes soutenues par les cercles","moins de 5"',
        '"jalons","2026","400e jumelage","mars 2026"',
        '"jalons","2022","300e jumelage","2022"',
        '"sommaire","","jumelages à ce jour","406"',
      ]),
    );
    expect(csv.filter((l) => l.startsWith('"note"'))).toHaveLength(2);
    const unrecorded = lines(outcomesReportCsv(buildOutcomes({}, { ...society, history: [], unrecorded: 399 }, T), FR));
    expect(unrecorded).toContain('"jalons","","100e jumelage","avant Red Mug (année non consignée)"');
    expect(unrecorded).toContain('"sommaire","","jumelages avant Red Mug sans année consignée","399"');
  });
});
