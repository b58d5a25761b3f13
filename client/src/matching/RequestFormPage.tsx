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
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { ErrorLine } from '../ui/ErrorLine';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { useAction } from '../ui/useAction';
import { submitRequest } from './matchingApi';
import { MatchingLayout } from './MatchingLayout';
import { optional, wordsOf } from './wordsOf';

/** /support/request[?from=circle] — a member's confidential request for a matched peer. */
export function RequestFormPage() {
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
      <MatchingLayout title="Request sent">
        <p role="status" className="success">
          Thank you. Your request is with staff, and only staff can read it. They will contact you the way you asked.
        </p>
        <p>
          <Link to="/support">Back to peer support</Link>
        </p>
      </MatchingLayout>
    );
  }

  return (
    <MatchingLayout title="Ask for a matched peer">
      <p className="lede">
        {fromCircle ? 'You came from the circle. ' : ''}Tell us a little about what is going on and what kind of peer
        would help. Only staff read this; leave out anything you prefer not to write.
      </p>
      <p className="never-advice">
        <strong>Peer support is never advice.</strong> Your peer shares their own story and what helped them, never
        legal, financial or other advice. Not sure this is the right door? <HelpLink />
      </p>
      <form onSubmit={submit} noValidate className="card form">
        <ErrorLine message={error} />
        <ChoiceGroup id="req-category" label="What is it about?" options={CATEGORY_LABELS} chosen={category} onChange={setCategory} single error={fields.category} />
        <TextField id="req-details" label="In your own words (optional)" value={details} onChange={setDetails} maxLength={2000} multiline error={fields.details} />
        <TextField
          id="req-organisation"
          label="Your firm or organisation (optional)"
          hint="So we never suggest a peer from the same place."
          value={organisation}
          onChange={setOrganisation}
          maxLength={120}
          error={fields.organisation}
        />
        <h2>What would you like in a peer?</h2>
        <div className="form-grid">
          <SelectField id="pref-region" label="Region" options={REGION_LABELS} emptyLabel="No preference" value={region} onChange={setRegion} error={fields.region} />
          <TextField id="pref-municipality" label="Municipality" value={municipality} onChange={setMunicipality} maxLength={60} error={fields.municipality} />
          <SelectField id="pref-practice" label="Practice area" options={PRACTICE_AREA_LABELS} emptyLabel="No preference" value={practiceArea} onChange={setPracticeArea} error={fields.practiceArea} />
          <SelectField id="pref-role" label="Work role" options={WORK_ROLE_LABELS} emptyLabel="No preference" value={workRole} onChange={setWorkRole} error={fields.workRole} />
          <SelectField id="pref-seniority" label="Seniority of the peer" options={SENIORITY_LABELS} emptyLabel="No preference" value={seniority} onChange={setSeniority} error={fields.seniority} />
          <TextField id="pref-gender" label="Gender of the peer" value={gender} onChange={setGender} maxLength={40} error={fields.gender} />
          <TextField id="pref-language" label="Language" value={language} onChange={setLanguage} maxLength={40} error={fields.language} />
          <TextField
            id="pref-diversity"
            label="Shared identity or background"
            hint="Optional, separated by commas, e.g. Black, Muslim, 2SLGBTQ+."
            value={diversity}
            onChange={setDiversity}
            error={fields.diversity}
          />
        </div>
        <ChoiceGroup id="pref-lived" label="Lived experience that would help" options={LIVED_EXPERIENCE_LABELS} chosen={lived} onChange={setLived} error={fields.livedExperience} />
        <ChoiceGroup id="contact-method" label="How should staff contact you?" options={{ email: 'Email', phone: 'Phone' }} chosen={method} onChange={setMethod} single error={fields.method} />
        {method[0] === 'email' ? (
          <TextField id="contact-email" label="Email for contact" type="email" value={email} onChange={setEmail} maxLength={254} error={fields.email} />
        ) : (
          <TextField id="contact-phone" label="Phone for contact" type="tel" value={phone} onChange={setPhone} maxLength={25} error={fields.phone} />
        )}
        <TextField id="contact-times" label="Best times to reach you (optional)" value={bestTimes} onChange={setBestTimes} maxLength={200} error={fields.bestTimes} />
        <button type="submit" className="button primary" disabled={busy}>
          Send my request
        </button>
      </form>
    </MatchingLayout>
  );
}
