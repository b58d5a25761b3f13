import { useState, type FormEvent } from 'react';
import {
  LIVED_EXPERIENCE_LABELS,
  PRACTICE_AREA_LABELS,
  REGION_LABELS,
  WORK_ROLE_LABELS,
  type LivedExperience,
  type PeerProfile,
  type PracticeArea,
  type ProfileField,
  type Region,
  type WorkRole,
} from '../../../shared/schemas/matching';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { ErrorLine } from '../ui/ErrorLine';
import { Loaded } from '../ui/Loaded';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { useAction } from '../ui/useAction';
import { useLoad } from '../ui/useLoad';
import { fetchProfile, saveProfile } from './matchingApi';
import { MatchingLayout } from './MatchingLayout';
import { optional, wordsOf } from './wordsOf';

const SHOWN_LABELS: Record<ProfileField, string> = {
  practiceAreas: 'Practice areas',
  location: 'Municipality and region',
  workRole: 'Work role',
  yearOfCall: 'Year of call',
  languages: 'Languages',
  gender: 'Gender',
  diversity: 'Diversity',
  livedExperience: 'Lived experience',
};

/** /support/profile — a volunteer's own peer profile, and what of it staff may see and match on. */
export function ProfilePage() {
  const { state } = useLoad(fetchProfile);
  return (
    <MatchingLayout title="My peer profile">
      <Loaded state={state}>{(data) => <ProfileForm initial={data.profile} />}</Loaded>
    </MatchingLayout>
  );
}

function ProfileForm({ initial }: { initial: PeerProfile | null }) {
  const [practiceAreas, setPracticeAreas] = useState<PracticeArea[]>(initial?.practiceAreas ?? []);
  const [region, setRegion] = useState<Region | ''>(initial?.region ?? '');
  const [municipality, setMunicipality] = useState(initial?.municipality ?? '');
  const [workRole, setWorkRole] = useState<WorkRole | ''>(initial?.workRole ?? '');
  const [yearOfCall, setYearOfCall] = useState(initial?.yearOfCall?.toString() ?? '');
  const [languages, setLanguages] = useState((initial?.languages ?? []).join(', '));
  const [gender, setGender] = useState(initial?.gender ?? '');
  const [diversity, setDiversity] = useState((initial?.diversity ?? []).join(', '));
  const [lived, setLived] = useState<LivedExperience[]>(initial?.livedExperience ?? []);
  const [organisation, setOrganisation] = useState(initial?.organisation ?? '');
  const [capacity, setCapacity] = useState(String(initial?.capacity ?? 1));
  const [available, setAvailable] = useState<Array<'active' | 'paused'>>([initial?.available === false ? 'paused' : 'active']);
  const [shown, setShown] = useState<ProfileField[]>(initial?.shown ?? []);
  const [saved, setSaved] = useState(false);
  const { busy, error, fields, run } = useAction();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(false);
    const year = yearOfCall.trim() === '' ? undefined : Number(yearOfCall);
    const profile = {
      practiceAreas,
      region: region || undefined,
      municipality: optional(municipality),
      workRole: workRole || undefined,
      yearOfCall: year,
      languages: wordsOf(languages),
      gender: optional(gender),
      diversity: wordsOf(diversity),
      livedExperience: lived,
      organisation: optional(organisation),
      capacity: Number(capacity),
      available: available[0] === 'active',
      shown,
    } as PeerProfile;
    if (await run(() => saveProfile(profile))) setSaved(true);
  }

  return (
    <form onSubmit={submit} noValidate className="card form">
      <p>
        Staff see only the parts you tick under “Show to staff”, and only those count when they look for a match. Your
        firm or organisation is never shown; it is used only to avoid conflicts of interest.
      </p>
      <ErrorLine message={error} />
      <ChoiceGroup id="prof-available" label="Availability" options={{ active: 'Active: I can take new matches', paused: 'Paused' }} chosen={available} onChange={setAvailable} single />
      <div className="form-grid">
        <TextField id="prof-capacity" label="Capacity (active matches at once)" type="number" value={capacity} onChange={setCapacity} error={fields.capacity} />
        <TextField id="prof-organisation" label="Firm or organisation" value={organisation} onChange={setOrganisation} maxLength={120} error={fields.organisation} />
        <SelectField id="prof-region" label="Region" options={REGION_LABELS} value={region} onChange={setRegion} emptyLabel="Not given" error={fields.region} />
        <TextField id="prof-municipality" label="Municipality" value={municipality} onChange={setMunicipality} maxLength={60} error={fields.municipality} />
        <SelectField id="prof-role" label="Work role" options={WORK_ROLE_LABELS} value={workRole} onChange={setWorkRole} emptyLabel="Not given" error={fields.workRole} />
        <TextField id="prof-year" label="Year of call" type="number" value={yearOfCall} onChange={setYearOfCall} error={fields.yearOfCall} />
        <TextField id="prof-languages" label="Languages" hint="Separated by commas." value={languages} onChange={setLanguages} error={fields.languages} />
        <TextField id="prof-gender" label="Gender (optional)" value={gender} onChange={setGender} maxLength={40} error={fields.gender} />
        <TextField id="prof-diversity" label="Diversity, self-described (optional)" hint="Separated by commas." value={diversity} onChange={setDiversity} error={fields.diversity} />
      </div>
      <ChoiceGroup id="prof-practice" label="Practice areas" options={PRACTICE_AREA_LABELS} chosen={practiceAreas} onChange={setPracticeAreas} error={fields.practiceAreas} />
      <ChoiceGroup id="prof-lived" label="Lived experience (optional)" options={LIVED_EXPERIENCE_LABELS} chosen={lived} onChange={setLived} error={fields.livedExperience} />
      <ChoiceGroup id="prof-shown" label="Show to staff" options={SHOWN_LABELS} chosen={shown} onChange={setShown} error={fields.shown} />
      <button type="submit" className="button primary" disabled={busy}>
        Save my profile
      </button>
      {saved && (
        <p role="status" className="success">
          Profile saved.
        </p>
      )}
    </form>
  );
}
