import { describe, expect, it } from 'vitest';
import { MEMBER_KINDS, type MemberKind, type Role } from '../../../shared/schemas/auth';
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
  it('names members by their kind and everyone else by their role', () => {
    const label = (role: Role, memberKind: MemberKind | null = null) => roleLabel({ role, memberKind });
    expect([label('member', 'lawyer'), label('member', 'articling_student'), label('volunteer'), label('staff'), label('auditor')]).toEqual([
      'Lawyer',
      'Articling student',
      'Peer-support volunteer',
      'Staff',
      'Auditor',
    ]);
  });
});
