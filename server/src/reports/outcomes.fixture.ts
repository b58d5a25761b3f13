import type { RawOutcomes } from './outcomes';

/** `n` accepted matches in one month. */
export const times = (n: number, year: number, month: number) => Array.from({ length: n }, () => ({ year, month }));

/** The society's shape, for tests: history before the platform (395 matches), then matches made here in 2026. */
export const societyOutcomes: RawOutcomes = {
  thisYear: 2026,
  history: [
    { year: 2021, matches: 150, requests: 160, careerRelated: 70, articlingStudents: 20 },
    { year: 2022, matches: 160, requests: 170, careerRelated: 68, articlingStudents: 17 },
    { year: 2023, matches: 85, requests: 70, careerRelated: 30, articlingStudents: 9 },
  ],
  unrecorded: 0,
  accepted: [...times(3, 2026, 2), ...times(6, 2026, 3), ...times(2, 2026, 4)],
  requests: [{ year: 2026, requests: 25, careerRelated: 10, articlingStudents: 5 }],
  reach: [
    { year: 2025, people: 103 },
    { year: 2026, people: 3 },
  ],
};
