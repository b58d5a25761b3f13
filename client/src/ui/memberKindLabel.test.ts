import { describe, expect, it } from 'vitest';
import { MEMBER_KINDS } from '../../../shared/schemas/auth';
import { MEMBER_KIND_LABELS, memberKindLabel } from './memberKindLabel';
import { roleLabel } from './roleLabel';

describe('memberKindLabel', () => {
  it.each([
    ['lawyer', 'Lawyer'],
    ['articling_student', 'Articling student'],
    [null, 'Unknown'],
    ['paralegal', 'paralegal'],
    ['constructor', 'constructor'],
  ])('%s reads as %s', (kind, label) => {
    expect(memberKindLabel(kind)).toBe(label);
  });

  it('labels every member kind, in their order', () => {
    expect(Object.keys(MEMBER_KIND_LABELS)).toEqual([...MEMBER_KINDS]);
  });
});

describe('roleLabel', () => {
  it.each([
    [{ role: 'member', memberKind: 'lawyer' }, 'Lawyer'],
    [{ role: 'member', memberKind: 'articling_student' }, 'Articling student'],
    [{ role: 'volunteer', memberKind: null }, 'Peer-support volunteer'],
    [{ role: 'staff', memberKind: null }, 'Staff'],
    [{ role: 'auditor', memberKind: null }, 'Auditor'],
  ] as const)('%o reads as %s', (user, label) => {
    expect(roleLabel(user)).toBe(label);
  });
});
