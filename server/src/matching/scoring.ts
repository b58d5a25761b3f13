import {
  CRITERIA,
  LIVED_EXPERIENCES,
  PRACTICE_AREA_LABELS,
  REGION_LABELS,
  WORK_ROLE_LABELS,
  type Criterion,
  type LivedExperience,
  type Exclusion,
  type MatchPreferences,
  type PeerProfile,
  type ProfileField,
  type Reason,
  type Seniority,
  type Suggestion,
  type Weights,
} from '../../../shared/schemas/matching';
import type { MessageId } from '../../../shared/i18n/catalog';
import type { Translate } from '../../../shared/i18n/translate';

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
 * - Reasons are written in the reader's locale (`t`), from the catalogs' labels and the volunteer's shown words.
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

/** Self-described words and labels in a list, as the reason reads them. */
const list = (items: string[]) => items.join(', ');

function listFraction(t: Translate, asked: string[], has: string[], label: (s: string) => string): Evaluated {
  const mine = new Set(has.map(normaliseWord));
  const hit = asked.filter((a) => mine.has(normaliseWord(a)));
  const fraction = hit.length / asked.length;
  const outcome = hit.length === asked.length ? 'match' : hit.length > 0 ? 'partial' : 'mismatch';
  const items = list(hit.map(label));
  const text =
    hit.length === 0
      ? t('matching.reason.doesNotList', { items: list(asked.map(label)) })
      : hit.length < asked.length
        ? t('matching.reason.sharesSome', { items, hit: hit.length, asked: asked.length })
        : t('matching.reason.shares', { items });
  return { outcome, text, fraction };
}

const yes = (text: string): Evaluated => ({ outcome: 'match', text, fraction: 1 });
const no = (text: string): Evaluated => ({ outcome: 'mismatch', text, fraction: 0 });

/** null when the caller expressed no preference for this criterion. Texts in the reader's words (`t`). */
function evaluate(t: Translate, c: Criterion, pref: MatchPreferences, p: PeerProfile, year: number): Evaluated | null {
  switch (c) {
    case 'location': {
      if (!pref.region && !pref.municipality) return null;
      if (pref.municipality && p.municipality && normaliseWord(pref.municipality) === normaliseWord(p.municipality)) {
        return yes(t('matching.reason.sameMunicipality', { place: p.municipality }));
      }
      if (pref.region && p.region === pref.region) {
        const region = t(REGION_LABELS[p.region]);
        return pref.municipality
          ? { outcome: 'partial', text: t('matching.reason.sameRegionOtherMunicipality', { region }), fraction: 0.5 }
          : yes(t('matching.reason.sameRegion', { region }));
      }
      return no(p.region ? t('matching.reason.elsewhereIn', { region: t(REGION_LABELS[p.region]) }) : t('matching.reason.elsewhere'));
    }
    case 'practiceArea': {
      if (!pref.practiceArea) return null;
      const area = t(PRACTICE_AREA_LABELS[pref.practiceArea]);
      return p.practiceAreas.includes(pref.practiceArea)
        ? yes(t('matching.reason.practises', { area }))
        : no(t('matching.reason.doesNotPractise', { area }));
    }
    case 'workRole':
      if (!pref.workRole) return null;
      return p.workRole === pref.workRole
        ? yes(t('matching.reason.sameWorkRole', { role: t(WORK_ROLE_LABELS[pref.workRole]) }))
        : no(p.workRole ? t('matching.reason.otherWorkRole', { role: t(WORK_ROLE_LABELS[p.workRole]) }) : t('matching.reason.noWorkRole'));
    case 'seniority': {
      if (!pref.seniority) return null;
      if (p.yearOfCall === undefined) return no(t('matching.reason.noYearOfCall'));
      const band = seniorityOf(p.yearOfCall, year);
      // The year as written ("2008"), never as a grouped number.
      const text = t('matching.reason.called', { year: String(p.yearOfCall), band: t(SENIORITY_BANDS[band]) });
      return band === pref.seniority ? yes(text) : no(text);
    }
    case 'gender':
      if (!pref.gender) return null;
      return p.gender && normaliseWord(p.gender) === normaliseWord(pref.gender)
        ? yes(t('matching.reason.gender', { gender: p.gender }))
        : no(t('matching.reason.genderDiffers', { gender: pref.gender }));
    case 'language':
      if (!pref.language) return null;
      return p.languages.some((l) => normaliseWord(l) === normaliseWord(pref.language!))
        ? yes(t('matching.reason.speaks', { language: pref.language }))
        : no(t('matching.reason.doesNotList', { items: pref.language }));
    case 'livedExperience':
      if (pref.livedExperience.length === 0) return null;
      return listFraction(t, pref.livedExperience, p.livedExperience, (s) =>
        Object.hasOwn(LIVED_EXPERIENCE_IN_TEXT, s) ? t(LIVED_EXPERIENCE_IN_TEXT[s as LivedExperience]) : s,
      );
    case 'diversity':
      if (pref.diversity.length === 0) return null;
      return listFraction(t, pref.diversity, p.diversity, (s) => s);
  }
}

/** How a seniority band and a lived experience read inside a sentence ("under 5 years of call", "a career pivot"). */
const SENIORITY_BANDS = {
  junior: 'matching.seniorityBand.junior',
  mid: 'matching.seniorityBand.mid',
  senior: 'matching.seniorityBand.senior',
} as const satisfies Record<Seniority, MessageId>;
const LIVED_EXPERIENCE_IN_TEXT = Object.fromEntries(LIVED_EXPERIENCES.map((k) => [k, `matching.livedShort.${k}`])) as Record<LivedExperience, MessageId>;

export function reasonsFor(caller: CallerSide, profile: PeerProfile, weights: Weights, year: number, t: Translate): Reason[] {
  const shown = new Set(profile.shown);
  const reasons: Reason[] = [];
  for (const criterion of CRITERIA) {
    const wanted = evaluate(t, criterion, caller.preferences, profile, year);
    if (!wanted) continue;
    if (!shown.has(FIELD_OF[criterion])) {
      reasons.push({ criterion, outcome: 'not_shared', points: 0, text: t('matching.reason.notShared') });
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
export function rankCandidates(caller: CallerSide, candidates: Candidate[], weights: Weights, year: number, t: Translate): Suggestion[] {
  const maxScore = maxScoreFor(caller.preferences, weights);
  const scored = candidates.map((c) => {
    const reasons = reasonsFor(caller, c.profile, weights, year, t);
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
