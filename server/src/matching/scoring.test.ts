import { describe, expect, it } from 'vitest';
import { translator } from '../../../shared/i18n/catalog';
import {
  DEFAULT_WEIGHTS,
  PROFILE_FIELDS,
  type MatchPreferences,
  type PeerProfile,
  type Weights,
} from '../../../shared/schemas/matching';
import {
  exclusionsFor,
  normaliseOrganisation,
  rankCandidates,
  reasonsFor,
  seniorityOf,
  type Candidate,
  type CallerSide,
} from './scoring';

const YEAR = 2026;
const EN = translator('en-CA');
const FR = translator('fr-CA');

const profile = (p: Partial<PeerProfile> = {}): PeerProfile => ({
  practiceAreas: ['family'],
  region: 'edmonton',
  municipality: 'Edmonton',
  workRole: 'firm',
  yearOfCall: 2005,
  languages: ['English', 'French'],
  gender: 'Woman',
  diversity: ['Black'],
  livedExperience: ['career_pivot', 'returning_from_leave'],
  organisation: 'Smith & Jones LLP',
  capacity: 2,
  available: true,
  shown: [...PROFILE_FIELDS],
  ...p,
});

const prefs = (p: Partial<MatchPreferences> = {}): MatchPreferences => ({ livedExperience: [], diversity: [], ...p });

const candidate = (id: string, c: Partial<Candidate> = {}): Candidate => ({
  volunteerId: id,
  firstName: id,
  profile: profile(),
  activeMatches: 0,
  lastMatchedAt: null,
  declinedThisRequest: false,
  ...c,
});

describe('normaliseOrganisation', () => {
  it.each([
    ['Smith & Jones LLP', 'smith and jones', true],
    ['SMITH JONES', 'Smith & Jones LLP', true],
    ['The Law Office of A. Chen', 'a chen', true],
    ['Alberta Justice', 'Alberta Energy Regulator', false],
    ['', '', false],
  ])('%s vs %s → same: %s', (a, b, same) => {
    const na = normaliseOrganisation(a);
    expect(na !== '' && na === normaliseOrganisation(b)).toBe(same);
  });
});

describe('seniorityOf', () => {
  it.each([
    [2026, 'junior'],
    [2022, 'junior'],
    [2021, 'mid'],
    [2012, 'mid'],
    [2011, 'senior'],
    [1980, 'senior'],
  ] as const)('called %i is %s in 2026', (year, band) => {
    expect(seniorityOf(year, YEAR)).toBe(band);
  });
});

describe('exclusions', () => {
  const caller: CallerSide = { organisation: 'smith and jones', preferences: prefs() };
  it.each<[string, Partial<Candidate>, string[]]>([
    ['eligible', { profile: profile({ organisation: 'Other LLP' }) }, []],
    ['paused', { profile: profile({ organisation: 'Other', available: false }) }, ['paused']],
    ['at capacity (equal)', { profile: profile({ organisation: 'Other', capacity: 2 }), activeMatches: 2 }, ['at_capacity']],
    ['over capacity', { profile: profile({ organisation: 'Other', capacity: 1 }), activeMatches: 3 }, ['at_capacity']],
    ['below capacity', { profile: profile({ organisation: 'Other', capacity: 3 }), activeMatches: 2 }, []],
    ['capacity 0', { profile: profile({ organisation: 'Other', capacity: 0 }) }, ['at_capacity']],
    ['same firm, spelled differently', {}, ['same_organisation']],
    ['no organisation given', { profile: profile({ organisation: undefined }) }, []],
    ['declined this request', { profile: profile({ organisation: 'Other' }), declinedThisRequest: true }, ['already_declined']],
    [
      'everything at once',
      { profile: profile({ available: false, capacity: 1 }), activeMatches: 1, declinedThisRequest: true },
      ['paused', 'at_capacity', 'same_organisation', 'already_declined'],
    ],
  ])('%s', (_name, c, expected) => {
    expect(exclusionsFor(caller, candidate('v', c))).toEqual(expected);
  });

  it('a caller with no organisation never conflicts', () => {
    expect(exclusionsFor({ preferences: prefs() }, candidate('v'))).toEqual([]);
  });
});

describe('reasons and points', () => {
  it.each<[string, Partial<MatchPreferences>, Partial<PeerProfile>, Array<[string, string, number]>]>([
    ['no preferences: nothing counts', {}, {}, []],
    ['same municipality', { municipality: ' edmonton ', region: 'edmonton' }, {}, [['location', 'match', 2]]],
    ['same region, other municipality', { municipality: 'St. Albert', region: 'edmonton' }, {}, [['location', 'partial', 1]]],
    ['other region', { region: 'calgary' }, {}, [['location', 'mismatch', 0]]],
    ['practice area', { practiceArea: 'family' }, {}, [['practiceArea', 'match', 3]]],
    ['practice area missing', { practiceArea: 'tax' }, {}, [['practiceArea', 'mismatch', 0]]],
    ['work role', { workRole: 'government' }, {}, [['workRole', 'mismatch', 0]]],
    ['seniority', { seniority: 'senior' }, {}, [['seniority', 'match', 2]]],
    ['seniority off', { seniority: 'junior' }, {}, [['seniority', 'mismatch', 0]]],
    ['gender, any case', { gender: 'woman' }, {}, [['gender', 'match', 1]]],
    ['language', { language: 'french' }, {}, [['language', 'match', 3]]],
    ['lived experience, all', { livedExperience: ['career_pivot'] }, {}, [['livedExperience', 'match', 3]]],
    ['lived experience, half', { livedExperience: ['career_pivot', 'grief'] }, {}, [['livedExperience', 'partial', 1.5]]],
    ['diversity, none', { diversity: ['Muslim'] }, {}, [['diversity', 'mismatch', 0]]],
    ['hidden field never counts', { language: 'French' }, { shown: ['practiceAreas'] }, [['language', 'not_shared', 0]]],
    [
      'hidden location even when it would match',
      { municipality: 'Edmonton' },
      { shown: [] },
      [['location', 'not_shared', 0]],
    ],
  ])('%s', (_name, pref, prof, expected) => {
    const reasons = reasonsFor({ preferences: prefs(pref) }, profile(prof), DEFAULT_WEIGHTS, YEAR, EN);
    expect(reasons.map((r) => [r.criterion, r.outcome, r.points])).toEqual(expected);
  });

  it('a field the volunteer keeps private never appears in the text', () => {
    const [reason] = reasonsFor({ preferences: prefs({ gender: 'Man' }) }, profile({ shown: [] }), DEFAULT_WEIGHTS, YEAR, EN);
    expect(reason?.text).toBe('Not shared with staff');
  });

  it('reads in the reader\'s language, labels from the catalogs', () => {
    const caller = { preferences: prefs({ region: 'edmonton', seniority: 'senior', livedExperience: ['career_pivot', 'grief'] }) };
    const texts = (t: typeof EN) => reasonsFor(caller, profile(), DEFAULT_WEIGHTS, YEAR, t).map((r) => r.text);
    expect(texts(EN)).toEqual(['Same region (Edmonton area)', 'Called 2005: 15 or more years of call', 'Shares a career pivot (1 of 2)']);
    expect(texts(FR)).toEqual(['Même région (Région d’Edmonton)', 'Admission au barreau en 2005 : 15 ans ou plus au barreau', 'A en commun : une réorientation de carrière (1 sur 2)']);
  });
});

describe('ranking', () => {
  const caller: CallerSide = {
    organisation: 'Acme Energy Inc.',
    preferences: prefs({ practiceArea: 'family', language: 'French', livedExperience: ['returning_from_leave'] }),
  };
  const ids = (weights: Weights, cs: Candidate[]) => rankCandidates(caller, cs, weights, YEAR, EN).map((s) => s.volunteerId);
  const frenchOnly = profile({ practiceAreas: ['tax'], livedExperience: [], languages: ['French'] });
  const familyOnly = profile({ practiceAreas: ['family'], livedExperience: [], languages: ['English'] });

  it.each<[string, Weights, Candidate[], string[]]>([
    [
      'higher score first',
      DEFAULT_WEIGHTS,
      [candidate('b', { profile: profile({ languages: [] }) }), candidate('a', { profile: profile() })],
      ['a', 'b'],
    ],
    [
      'weights change the order',
      { ...DEFAULT_WEIGHTS, language: 10, practiceArea: 1 },
      [candidate('fam', { profile: familyOnly }), candidate('fr', { profile: frenchOnly })],
      ['fr', 'fam'],
    ],
    [
      'and back with other weights',
      { ...DEFAULT_WEIGHTS, language: 1, practiceArea: 10 },
      [candidate('fam', { profile: familyOnly }), candidate('fr', { profile: frenchOnly })],
      ['fam', 'fr'],
    ],
    [
      'ties: never matched before matched',
      DEFAULT_WEIGHTS,
      [candidate('a', { lastMatchedAt: new Date('2025-01-01') }), candidate('b')],
      ['b', 'a'],
    ],
    [
      'ties: longest since last match first',
      DEFAULT_WEIGHTS,
      [candidate('a', { lastMatchedAt: new Date('2026-01-01') }), candidate('b', { lastMatchedAt: new Date('2024-06-01') })],
      ['b', 'a'],
    ],
    ['ties: then id', DEFAULT_WEIGHTS, [candidate('b'), candidate('a')], ['a', 'b']],
    [
      'excluded last whatever their score',
      DEFAULT_WEIGHTS,
      [
        candidate('top-but-paused', { profile: profile({ available: false }) }),
        candidate('low', { profile: profile({ languages: [], practiceAreas: [], livedExperience: [] }) }),
      ],
      ['low', 'top-but-paused'],
    ],
    [
      'same organisation excluded',
      DEFAULT_WEIGHTS,
      [candidate('conflict', { profile: profile({ organisation: 'ACME ENERGY' }) }), candidate('ok', { profile: familyOnly })],
      ['ok', 'conflict'],
    ],
  ])('%s', (_name, weights, cs, expected) => {
    expect(ids(weights, cs)).toEqual(expected);
  });

  it('is deterministic: any input order gives the same ranking', () => {
    const cs = [
      candidate('c', { lastMatchedAt: new Date('2025-01-01') }),
      candidate('a'),
      candidate('b', { profile: frenchOnly }),
      candidate('d', { activeMatches: 5 }),
    ];
    const first = ids(DEFAULT_WEIGHTS, cs);
    expect(ids(DEFAULT_WEIGHTS, [...cs].reverse())).toEqual(first);
    expect(first).toEqual(['a', 'c', 'b', 'd']);
  });

  it('reports score out of the weights the caller asked about', () => {
    const [top] = rankCandidates(caller, [candidate('a')], DEFAULT_WEIGHTS, YEAR, EN);
    expect(top).toMatchObject({ score: 9, maxScore: 9, excluded: [] });
  });

  it('a zero weight ignores the criterion', () => {
    const [top] = rankCandidates(caller, [candidate('a')], { ...DEFAULT_WEIGHTS, language: 0 }, YEAR, EN);
    expect(top).toMatchObject({ score: 6, maxScore: 6 });
  });
});
