import { describe, expect, it } from 'vitest';
import { MEMBER_KINDS, type MemberKind, type Role } from '../../../shared/schemas/auth';
import { translator } from '../../../shared/i18n/catalog';
import { memberKindLabel, memberKindLabels } from './memberKindLabel';
import { roleLabel } from './roleLabel';
import { itemWords, readinessSummary } from './readinessWords';
import { formatLabel } from './formatLabel';
import { mediaErrorMessage } from './mediaErrorMessage';

const en = translator('en-CA');
const fr = translator('fr-CA');

describe('memberKindLabel', () => {
  it.each([
    ['lawyer', 'Lawyer', 'Avocat ou avocate'],
    ['articling_student', 'Articling student', 'Stagiaire en droit'],
    [null, 'Unknown', 'Inconnu'],
    ['paralegal', 'paralegal', 'paralegal'],
    ['constructor', 'constructor', 'constructor'],
  ])('%s reads as %s / %s', (kind, english, french) => {
    expect(memberKindLabel(kind, en)).toBe(english);
    expect(memberKindLabel(kind, fr)).toBe(french);
  });

  it('labels every member kind, in their order', () => {
    expect(Object.keys(memberKindLabels(en))).toEqual([...MEMBER_KINDS]);
    expect(memberKindLabels(fr)).toEqual({ lawyer: 'Avocat ou avocate', articling_student: 'Stagiaire en droit' });
  });
});

describe('roleLabel', () => {
  it('names members by their kind and everyone else by their role', () => {
    const label = (t: typeof en, role: Role, memberKind: MemberKind | null = null) => roleLabel({ role, memberKind }, t);
    const all = (t: typeof en) => [label(t, 'member', 'lawyer'), label(t, 'member', 'articling_student'), label(t, 'volunteer'), label(t, 'staff'), label(t, 'auditor')];
    expect(all(en)).toEqual(['Lawyer', 'Articling student', 'Peer-support volunteer', 'Staff', 'Auditor']);
    expect(all(fr)).toEqual(['Avocat ou avocate', 'Stagiaire en droit', 'Bénévole en soutien par les pairs', 'Personnel', 'Auditeur ou auditrice']);
  });
});

describe('readiness words', () => {
  const current = { on: '2026-10-01', validUntil: '2027-09-30', state: 'current' as const };
  it('reads each state in both languages', () => {
    expect(itemWords(current, 'completed', en)).toBe('completed 2026-10-01, valid until 2027-09-30');
    expect(itemWords(current, 'signed', fr)).toBe('signé le 2026-10-01, valide jusqu’au 2027-09-30');
    expect(itemWords({ ...current, state: 'lapsed' }, 'signed', en)).toBe('Lapsed (signed 2026-10-01, valid until 2027-09-30)');
    expect(itemWords({ ...current, state: 'due' }, 'completed', fr)).toBe('À renouveler : suivie le 2026-10-01, valide jusqu’au 2027-09-30');
    expect(itemWords({ on: null, validUntil: null, state: 'missing' }, 'completed', fr)).toBe('Rien au dossier');
    const r = { current: true, training: current, undertaking: current, missing: [], validUntil: '2027-09-30' };
    expect(readinessSummary(r, en)).toBe('Current until 2027-09-30');
    expect(readinessSummary(r, fr)).toBe('À jour jusqu’au 2027-09-30');
  });
});

describe('how a circle meets, and a device that will not start', () => {
  it('in both languages', () => {
    expect(formatLabel({ format: 'in_person', location: 'Edmonton' }, en)).toBe('In person, Edmonton');
    expect(formatLabel({ format: 'in_person', location: 'Halifax' }, fr)).toBe('En personne, Halifax');
    expect(formatLabel({ format: 'online', location: null }, fr)).toBe('En ligne');
    const denied = Object.assign(new Error('no'), { name: 'NotAllowedError' });
    expect(mediaErrorMessage('camera', denied, en)).toBe("Your browser is blocking the camera. Allow it in the address bar's site settings, then turn it on again.");
    expect(mediaErrorMessage('microphone', new Error('x'), fr)).toBe('Votre micro n’a pas pu démarrer. Vous pouvez quand même vous joindre au cercle et écouter; réessayez dans un instant.');
  });
});
