import { describe, expect, it } from 'vitest';
import type { PublicUser } from '../../../shared/schemas/auth';
import { mayAttend } from './sessions';

const person = (role: PublicUser['role'], memberKind: PublicUser['memberKind'], yearOfCall: number | null = null): PublicUser => ({
  id: '00000000-0000-4000-8000-000000000000',
  email: 'x@example.ca',
  firstName: 'X',
  role,
  memberKind,
  yearOfCall,
  locale: null,
});
const now = new Date('2026-11-30T19:00:00Z');
const everyone = { audience: 'everyone', audience_max_years: null } as const;
const students = { audience: 'articling_students', audience_max_years: null } as const;
const early = { audience: 'early_career', audience_max_years: 5 } as const;
const volunteers = { audience: 'volunteers', audience_max_years: null } as const;

describe('who may attend a series', () => {
  it.each([
    ['a lawyer, everyone circle', person('member', 'lawyer', 1995), everyone, true],
    ['a student, students circle', person('member', 'articling_student'), students, true],
    ['a lawyer, students circle', person('member', 'lawyer', 2025), students, false],
    ['a volunteer, students circle', person('volunteer', null), students, true],
    ['staff, students circle', person('staff', null), students, true],
    ['a student, early-career circle', person('member', 'articling_student'), early, true],
    ['a lawyer called 5 years ago, early-career (≤ 5)', person('member', 'lawyer', 2021), early, true],
    ['a lawyer called 6 years ago, early-career (≤ 5)', person('member', 'lawyer', 2020), early, false],
    ['a lawyer with no year of call, early-career', person('member', 'lawyer', null), early, true],
    ['a volunteer, early-career circle', person('volunteer', null), early, true],
    ['an auditor, everyone circle', person('auditor', null), everyone, false],
    ['an auditor, students circle', person('auditor', null), students, false],
    ['an auditor, early-career circle', person('auditor', null), early, false],
    ['a volunteer, volunteer meeting', person('volunteer', null), volunteers, true],
    ['staff, volunteer meeting', person('staff', null), volunteers, true],
    ['a lawyer, volunteer meeting', person('member', 'lawyer', 1995), volunteers, false],
    ['a student, volunteer meeting', person('member', 'articling_student'), volunteers, false],
    ['an auditor, volunteer meeting', person('auditor', null), volunteers, false],
  ] as const)('%s: %s', (_label, user, series, expected) => {
    expect(mayAttend(user, series, now)).toBe(expected);
  });
});
