import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  CATEGORY_LABELS,
  LIVED_EXPERIENCE_LABELS,
  PRACTICE_AREA_LABELS,
  REGION_LABELS,
  SENIORITY_LABELS,
  WORK_ROLE_LABELS,
  type CreateRequestBody,
  type LivedExperience,
  type PracticeArea,
  type Region,
  type RequestCategory,
  type Seniority,
  type WorkRole,
} from '../../../shared/schemas/matching';
import { HelpLink } from '../help/HelpLink';
import { useT } from '../i18n/useT';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { ErrorLine } from '../ui/ErrorLine';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { useAction } from '../ui/useAction';
import { submitRequest } from './matchingApi';
import { labelsIn } from './labels';
import { MatchingLayout } from './MatchingLayout';
import { optional, wordsOf } from './wordsOf';

/** /support/request[?from=circle] — a member's confidential request for a matched peer. */
export function RequestFormPage() {
  const t = useT();
  const [params] = useSearchParams();
  const fromCircle = params.get('from') === 'circle';
  const [category, setCategory] = useState<RequestCategory[]>([]);
  const [details, setDetails] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [region, setRegion] = useState<Region | ''>('');
  const [municipality, setMunicipality] = useState('');
  const [practiceArea, setPracticeArea] = useState<PracticeArea | ''>('');
  const [workRole, setWorkRole] = useState<WorkRole | ''>('');
  const [seniority, setSeniority] = useState<Seniority | ''>('');
  const [gender, setGender] = useState('');
  const [language, setLanguage] = useState('');
  const [lived, setLived] = useState<LivedExperience[]>([]);
  const [diversity, setDiversity] = useState('');
  const [method, setMethod] = useState<Array<'email' | 'phone'>>(['email']);
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [bestTimes, setBestTimes] = useState('');
  const [sent, setSent] = useState(false);
  // Nested paths ("contact.email", "preferences.language") are laid out flat here: show each under its last segment.
  const { busy, error, fields, run } = useAction({ fieldsBy: 'last' });

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const body = {
      category: category[0],
      details,
      organisation: optional(organisation),
      preferences: {
        region: region || undefined,
        municipality: optional(municipality),
        practiceArea: practiceArea || undefined,
        workRole: workRole || undefined,
        seniority: seniority || undefined,
        gender: optional(gender),
        language: optional(language),
        livedExperience: lived,
        diversity: wordsOf(diversity),
      },
      contact: {
        method: method[0],
        email: method[0] === 'email' ? optional(email) : undefined,
        phone: method[0] === 'phone' ? optional(phone) : undefined,
        bestTimes: optional(bestTimes),
      },
      fromCircle,
    } as CreateRequestBody;
    if (await run(() => submitRequest(body))) setSent(true);
  }

  if (sent) {
    return (
      <MatchingLayout title={t('matching.request.sentTitle')}>
        <p role="status" className="success">
          {t('matching.request.sentBody')}
        </p>
        <p>
          <Link to="/support">{t('matching.back')}</Link>
        </p>
      </MatchingLayout>
    );
  }

  const noPreference = t('matching.noPreference');
  return (
    <MatchingLayout title={t('matching.request.title')}>
      <p className="lede">{t('matching.request.lede', { fromCircle: fromCircle ? 'yes' : 'no' })}</p>
      <p className="never-advice">
        {t.rich('matching.request.neverAdvice', { strong: (chunks) => <strong>{chunks}</strong> })} <HelpLink />
      </p>
      <form onSubmit={submit} noValidate className="card form">
        <ErrorLine message={error} />
        <ChoiceGroup id="req-category" label={t('matching.request.category')} options={labelsIn(t, CATEGORY_LABELS)} chosen={category} onChange={setCategory} single error={fields.category} />
        <TextField id="req-details" label={t('matching.request.details')} value={details} onChange={setDetails} maxLength={2000} multiline error={fields.details} />
        <TextField
          id="req-organisation"
          label={t('matching.request.organisation')}
          hint={t('matching.request.organisationHint')}
          value={organisation}
          onChange={setOrganisation}
          maxLength={120}
          error={fields.organisation}
        />
        <h2>{t('matching.request.peerHeading')}</h2>
        <div className="form-grid">
          <SelectField id="pref-region" label={t('matching.field.region')} options={labelsIn(t, REGION_LABELS)} emptyLabel={noPreference} value={region} onChange={setRegion} error={fields.region} />
          <TextField id="pref-municipality" label={t('matching.field.municipality')} value={municipality} onChange={setMunicipality} maxLength={60} error={fields.municipality} />
          <SelectField id="pref-practice" label={t('matching.field.practiceArea')} options={labelsIn(t, PRACTICE_AREA_LABELS)} emptyLabel={noPreference} value={practiceArea} onChange={setPracticeArea} error={fields.practiceArea} />
          <SelectField id="pref-role" label={t('matching.field.workRole')} options={labelsIn(t, WORK_ROLE_LABELS)} emptyLabel={noPreference} value={workRole} onChange={setWorkRole} error={fields.workRole} />
          <SelectField id="pref-seniority" label={t('matching.request.seniority')} options={labelsIn(t, SENIORITY_LABELS)} emptyLabel={noPreference} value={seniority} onChange={setSeniority} error={fields.seniority} />
          <TextField id="pref-gender" label={t('matching.request.gender')} value={gender} onChange={setGender} maxLength={40} error={fields.gender} />
          <TextField id="pref-language" label={t('matching.field.language')} value={language} onChange={setLanguage} maxLength={40} error={fields.language} />
          <TextField
            id="pref-diversity"
            label={t('matching.request.diversity')}
            hint={t('matching.request.diversityHint')}
            value={diversity}
            onChange={setDiversity}
            error={fields.diversity}
          />
        </div>
        <ChoiceGroup id="pref-lived" label={t('matching.request.lived')} options={labelsIn(t, LIVED_EXPERIENCE_LABELS)} chosen={lived} onChange={setLived} error={fields.livedExperience} />
        <ChoiceGroup
          id="contact-method"
          label={t('matching.request.contactMethod')}
          options={{ email: t('matching.request.methodEmail'), phone: t('matching.request.methodPhone') }}
          chosen={method}
          onChange={setMethod}
          single
          error={fields.method}
        />
        {method[0] === 'email' ? (
          <TextField id="contact-email" label={t('matching.request.email')} type="email" value={email} onChange={setEmail} maxLength={254} error={fields.email} />
        ) : (
          <TextField id="contact-phone" label={t('matching.request.phone')} type="tel" value={phone} onChange={setPhone} maxLength={25} error={fields.phone} />
        )}
        <TextField id="contact-times" label={t('matching.request.bestTimes')} value={bestTimes} onChange={setBestTimes} maxLength={200} error={fields.bestTimes} />
        <button type="submit" className="button primary" disabled={busy}>
          {t('matching.request.send')}
        </button>
      </form>
    </MatchingLayout>
  );
}
