import {
  CRITERIA,
  LIVED_EXPERIENCE_LABELS,
  PRACTICE_AREA_LABELS,
  REGION_LABELS,
  SENIORITY_LABELS,
  WORK_ROLE_LABELS,
  type Criterion,
  type Exclusion,
  type MatchPreferences,
  type PeerProfile,
  type ProfileField,
  type Reason,
  type Seniority,
  type Suggestion,
  type Weights,
} from '../../../shared/schemas/matching';

/**
 * The matching score, in full. Deliberately simple so staff can check it by hand:
 *
 * - Only criteria the caller expressed a preference for count. Each has a weight (staff can change it, 0–10).
 * - A volunteer's field counts only if they chose to show it to staff; otherwise the reason says "not shared" and it
 *   earns nothing (never a penalty beyond missing points).
 * - Single-valued criteria earn the full weight on a match, nothing otherwise. Location earns the full weight for
 *   the same municipality, half for the same region only. Lists (lived experience, diversity) earn the weight times
 *   the share of the caller's items the volunteer has.
 * - Exclusions (paused, at capacity, same organisation, already declined this request) never hide a volunteer: they
 *   are listed after the eligible ones with the reasons, so staff can see why.
 * - Order: eligible first, then score (high first), then whoever has waited longest since their last match (never
 *   matched first), then id. No randomness, no clock beyond the year used for seniority.
 */
export interface Candidate {
  volunteerId: string;
  firstName: string;
  profile: PeerProfile;
  activeMatches: number;
  lastMatchedAt: Date | null;
  declinedThisRequest: boolean;
}

export interface CallerSide {
  organisation?: string | null;
  preferences: MatchPreferences;
}

/** Case, accents-as-typed, and spacing do not matter for self-described words. */
export function normaliseWord(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

const ORG_NOISE = new Set(['the', 'llp', 'llc', 'lp', 'inc', 'ltd', 'corp', 'pc', 'professional', 'corporation', 'law', 'office', 'offices', 'of']);

/** "Smith & Jones LLP", "smith and jones" and "SMITH JONES" compare equal; an empty result means unknown. */
export function normaliseOrganisation(s: string | null | undefined): string {
  if (!s) return '';
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((w) => w && w !== 'and' && !ORG_NOISE.has(w))
    .join(' ');
}

export function seniorityOf(yearOfCall: number, year: number): Seniority {
  const years = year - yearOfCall;
  if (years < 5) return 'junior';
  if (years < 15) return 'mid';
  return 'senior';
}

const FIELD_OF: Record<Criterion, ProfileField> = {
  location: 'location',
  practiceArea: 'practiceAreas',
  workRole: 'workRole',
  seniority: 'yearOfCall',
  gender: 'gender',
  language: 'languages',
  livedExperience: 'livedExperience',
  diversity: 'diversity',
};

const round = (n: number) => Math.round(n * 100) / 100;

type Evaluated = Omit<Reason, 'criterion' | 'points'> & { fraction: number };

function listFraction(asked: string[], has: string[], label: (s: string) => string): Evaluated {
  const mine = new Set(has.map(normaliseWord));
  const hit = asked.filter((a) => mine.has(normaliseWord(a)));
  const fraction = hit.length / asked.length;
  const outcome = hit.length === asked.length ? 'match' : hit.length > 0 ? 'partial' : 'mismatch';
  const text =
    hit.length > 0
      ? `Shares ${hit.map(label).join(', ')}${hit.length < asked.length ? ` (${hit.length} of ${asked.length})` : ''}`
      : `Does not list ${asked.map(label).join(', ')}`;
  return { outcome, text, fraction };
}

const yes = (text: string): Evaluated => ({ outcome: 'match', text, fraction: 1 });
const no = (text: string): Evaluated => ({ outcome: 'mismatch', text, fraction: 0 });

/** null when the caller expressed no preference for this criterion. */
function evaluate(c: Criterion, pref: MatchPreferences, p: PeerProfile, year: number): Evaluated | null {
  switch (c) {
    case 'location': {
      if (!pref.region && !pref.municipality) return null;
      if (pref.municipality && p.municipality && normaliseWord(pref.municipality) === normaliseWord(p.municipality)) {
        return yes(`Same municipality (${p.municipality})`);
      }
      if (pref.region && p.region === pref.region) {
        return pref.municipality
          ? { outcome: 'partial', text: `Same region (${REGION_LABELS[p.region]}), another municipality`, fraction: 0.5 }
          : yes(`Same region (${REGION_LABELS[p.region]})`);
      }
      return no(`Elsewhere${p.region ? ` (${REGION_LABELS[p.region]})` : ''}`);
    }
    case 'practiceArea':
      if (!pref.practiceArea) return null;
      return p.practiceAreas.includes(pref.practiceArea)
        ? yes(`Practises ${PRACTICE_AREA_LABELS[pref.practiceArea]}`)
        : no(`Does not practise ${PRACTICE_AREA_LABELS[pref.practiceArea]}`);
    case 'workRole':
      if (!pref.workRole) return null;
      return p.workRole === pref.workRole
        ? yes(`Same work role (${WORK_ROLE_LABELS[pref.workRole]})`)
        : no(p.workRole ? `Another work role (${WORK_ROLE_LABELS[p.workRole]})` : 'No work role given');
    case 'seniority': {
      if (!pref.seniority) return null;
      if (p.yearOfCall === undefined) return no('No year of call given');
      const band = seniorityOf(p.yearOfCall, year);
      return band === pref.seniority
        ? yes(`Called ${p.yearOfCall}: ${SENIORITY_LABELS[band].toLowerCase()}`)
        : no(`Called ${p.yearOfCall}: ${SENIORITY_LABELS[band].toLowerCase()}`);
    }
    case 'gender':
      if (!pref.gender) return null;
      return p.gender && normaliseWord(p.gender) === normaliseWord(pref.gender)
        ? yes(`Gender: ${p.gender}`)
        : no(`Gender differs from ${pref.gender}`);
    case 'language':
      if (!pref.language) return null;
      return p.languages.some((l) => normaliseWord(l) === normaliseWord(pref.language!))
        ? yes(`Speaks ${pref.language}`)
        : no(`Does not list ${pref.language}`);
    case 'livedExperience':
      if (pref.livedExperience.length === 0) return null;
      return listFraction(pref.livedExperience, p.livedExperience, (s) =>
        s in LIVED_EXPERIENCE_LABELS ? LIVED_EXPERIENCE_LABELS[s as keyof typeof LIVED_EXPERIENCE_LABELS].toLowerCase() : s,
      );
    case 'diversity':
      if (pref.diversity.length === 0) return null;
      return listFraction(pref.diversity, p.diversity, (s) => s);
  }
}

export function reasonsFor(caller: CallerSide, profile: PeerProfile, weights: Weights, year: number): Reason[] {
  const shown = new Set(profile.shown);
  const reasons: Reason[] = [];
  for (const criterion of CRITERIA) {
    const wanted = evaluate(criterion, caller.preferences, profile, year);
    if (!wanted) continue;
    if (!shown.has(FIELD_OF[criterion])) {
      reasons.push({ criterion, outcome: 'not_shared', points: 0, text: 'Not shared with staff' });
      continue;
    }
    const { fraction, ...rest } = wanted;
    reasons.push({ criterion, ...rest, points: round(weights[criterion] * fraction) });
  }
  return reasons;
}

export function exclusionsFor(caller: CallerSide, c: Candidate): Exclusion[] {
  const out: Exclusion[] = [];
  if (!c.profile.available) out.push('paused');
  if (c.activeMatches >= c.profile.capacity) out.push('at_capacity');
  const mine = normaliseOrganisation(c.profile.organisation);
  if (mine && mine === normaliseOrganisation(caller.organisation)) out.push('same_organisation');
  if (c.declinedThisRequest) out.push('already_declined');
  return out;
}

export function maxScoreFor(preferences: MatchPreferences, weights: Weights): number {
  const asked: Record<Criterion, boolean> = {
    location: !!(preferences.region || preferences.municipality),
    practiceArea: !!preferences.practiceArea,
    workRole: !!preferences.workRole,
    seniority: !!preferences.seniority,
    gender: !!preferences.gender,
    language: !!preferences.language,
    livedExperience: preferences.livedExperience.length > 0,
    diversity: preferences.diversity.length > 0,
  };
  return round(CRITERIA.reduce((sum, c) => sum + (asked[c] ? weights[c] : 0), 0));
}

/** Scores and orders every candidate; see the comment at the top of this file for the rules. */
export function rankCandidates(caller: CallerSide, candidates: Candidate[], weights: Weights, year: number): Suggestion[] {
  const maxScore = maxScoreFor(caller.preferences, weights);
  const scored = candidates.map((c) => {
    const reasons = reasonsFor(caller, c.profile, weights, year);
    return {
      volunteerId: c.volunteerId,
      firstName: c.firstName,
      score: round(reasons.reduce((s, r) => s + r.points, 0)),
      maxScore,
      reasons,
      activeMatches: c.activeMatches,
      capacity: c.profile.capacity,
      lastMatchedAt: c.lastMatchedAt ? c.lastMatchedAt.toISOString() : null,
      excluded: exclusionsFor(caller, c),
    } satisfies Suggestion;
  });
  return scored.sort(compareSuggestions);
}

function compareSuggestions(a: Suggestion, b: Suggestion): number {
  const ex = Number(a.excluded.length > 0) - Number(b.excluded.length > 0);
  if (ex !== 0) return ex;
  if (a.score !== b.score) return b.score - a.score;
  // Waited longest first: never matched (null) before anyone, then the earliest last match.
  const at = a.lastMatchedAt ?? '';
  const bt = b.lastMatchedAt ?? '';
  if (at !== bt) return at < bt ? -1 : 1;
  return a.volunteerId < b.volunteerId ? -1 : a.volunteerId > b.volunteerId ? 1 : 0;
}
