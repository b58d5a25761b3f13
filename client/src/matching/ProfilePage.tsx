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
import type { MessageId } from '../../../shared/i18n/catalog';
import { useT } from '../i18n/useT';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { ErrorLine } from '../ui/ErrorLine';
import { Loaded } from '../ui/Loaded';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { useAction } from '../ui/useAction';
import { useLoad } from '../ui/useLoad';
import { fetchProfile, saveProfile } from './matchingApi';
import { labelsIn } from './labels';
import { MatchingLayout } from './MatchingLayout';
import { optional, wordsOf } from './wordsOf';

const SHOWN_LABELS: Record<ProfileField, MessageId> = {
  practiceAreas: 'matching.profileField.practiceAreas',
  location: 'matching.profileField.location',
  workRole: 'matching.profileField.workRole',
  yearOfCall: 'matching.profileField.yearOfCall',
  languages: 'matching.profileField.languages',
  gender: 'matching.profileField.gender',
  diversity: 'matching.profileField.diversity',
  livedExperience: 'matching.profileField.livedExperience',
};

/** /support/profile — a volunteer's own peer profile, and what of it staff may see and match on. */
export function ProfilePage() {
  const t = useT();
  const { state } = useLoad(fetchProfile);
  return (
    <MatchingLayout title={t('matching.profile.title')}>
      <Loaded state={state}>{(data) => <ProfileForm initial={data.profile} />}</Loaded>
    </MatchingLayout>
  );
}

function ProfileForm({ initial }: { initial: PeerProfile | null }) {
  const t = useT();
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

  const notGiven = t('matching.profile.notGiven');
  const commas = t('matching.profile.commas');
  return (
    <form onSubmit={submit} noValidate className="card form">
      <p>{t('matching.profile.intro')}</p>
      <ErrorLine message={error} />
      <ChoiceGroup
        id="prof-available"
        label={t('matching.profile.availability')}
        options={{ active: t('matching.profile.active'), paused: t('matching.profile.paused') }}
        chosen={available}
        onChange={setAvailable}
        single
      />
      <div className="form-grid">
        <TextField id="prof-capacity" label={t('matching.profile.capacity')} type="number" value={capacity} onChange={setCapacity} error={fields.capacity} />
        <TextField id="prof-organisation" label={t('matching.field.organisation')} value={organisation} onChange={setOrganisation} maxLength={120} error={fields.organisation} />
        <SelectField id="prof-region" label={t('matching.field.region')} options={labelsIn(t, REGION_LABELS)} value={region} onChange={setRegion} emptyLabel={notGiven} error={fields.region} />
        <TextField id="prof-municipality" label={t('matching.field.municipality')} value={municipality} onChange={setMunicipality} maxLength={60} error={fields.municipality} />
        <SelectField id="prof-role" label={t('matching.field.workRole')} options={labelsIn(t, WORK_ROLE_LABELS)} value={workRole} onChange={setWorkRole} emptyLabel={notGiven} error={fields.workRole} />
        <TextField id="prof-year" label={t('matching.profile.yearOfCall')} type="number" value={yearOfCall} onChange={setYearOfCall} error={fields.yearOfCall} />
        <TextField id="prof-languages" label={t('matching.profile.languages')} hint={commas} value={languages} onChange={setLanguages} error={fields.languages} />
        <TextField id="prof-gender" label={t('matching.profile.gender')} value={gender} onChange={setGender} maxLength={40} error={fields.gender} />
        <TextField id="prof-diversity" label={t('matching.profile.diversity')} hint={commas} value={diversity} onChange={setDiversity} error={fields.diversity} />
      </div>
      <ChoiceGroup id="prof-practice" label={t('matching.profile.practiceAreas')} options={labelsIn(t, PRACTICE_AREA_LABELS)} chosen={practiceAreas} onChange={setPracticeAreas} error={fields.practiceAreas} />
      <ChoiceGroup id="prof-lived" label={t('matching.profile.lived')} options={labelsIn(t, LIVED_EXPERIENCE_LABELS)} chosen={lived} onChange={setLived} error={fields.livedExperience} />
      <ChoiceGroup id="prof-shown" label={t('matching.profile.shown')} options={labelsIn(t, SHOWN_LABELS)} chosen={shown} onChange={setShown} error={fields.shown} />
      <button type="submit" className="button primary" disabled={busy}>
        {t('matching.profile.save')}
      </button>
      {saved && (
        <p role="status" className="success">
          {t('matching.profile.saved')}
        </p>
      )}
    </form>
  );
}
