import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useT } from '../i18n/useT';
import { roleLabel } from '../ui/roleLabel';
import { TextField } from '../ui/TextField';
import { useAction } from '../ui/useAction';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useLoad } from '../ui/useLoad';
import { acceptInvite, fetchInviteStatus } from './authApi';
import { AuthFormPage, SignedOutPage } from './AuthFormPage';

/** /invite/:token — an invited person creates their account and is signed in. */
export function InvitePage() {
  const t = useT();
  useDocumentTitle(t('auth.invite.documentTitle'));
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [firstName, setFirstName] = useState('');
  const [password, setPassword] = useState('');
  const [yearOfCall, setYearOfCall] = useState('');
  const action = useAction({ staysBusy: true });
  const { fields } = action;
  // Said before anyone types: a link that no longer works (used, expired, mistyped) gets no form at all.
  const { state: status } = useLoad(useCallback(() => fetchInviteStatus(token), [token]));

  if (status.status === 'ready' && !status.data.usable) {
    return (
      <SignedOutPage>
        <h1>{t('auth.invite.unusable.title')}</h1>
        <div role="alert" className="notice">
          <p>{t('auth.invite.unusable.body')}</p>
        </div>
        <p>{t.rich('auth.invite.unusable.signIn', { link: (chunks) => <Link to="/signin">{chunks}</Link> })}</p>
      </SignedOutPage>
    );
  }
  const lede = [t('auth.invite.lede')];
  if (status.status === 'ready' && status.data.usable) {
    lede.push(t('auth.invite.forWhom', { role: roleLabel(status.data) }));
    if (status.data.forOneEmail) lede.push(t('auth.invite.oneEmail'));
  }

  const create = () =>
    action.run(async () => {
      await acceptInvite({ token, email, firstName, password, yearOfCall: yearOfCall ? Number(yearOfCall) : null });
      navigate('/', { replace: true });
    });

  return (
    <AuthFormPage title={t('auth.invite.title')} lede={lede.join(' ')} action={action} submitLabel={t('auth.invite.submit')} onSubmit={() => void create()}>
      <TextField id="invite-email" label={t('auth.field.email')} type="email" autoComplete="email" value={email} onChange={setEmail} error={fields.email} required />
      <TextField id="invite-firstName" label={t('auth.field.firstName')} autoComplete="given-name" maxLength={60} value={firstName} onChange={setFirstName} error={fields.firstName} required />
      <TextField id="invite-yearOfCall" label={t('auth.field.yearOfCall')} type="number" inputMode="numeric" min={1950} max={2100} value={yearOfCall} onChange={setYearOfCall} error={fields.yearOfCall} />
      <TextField id="invite-password" label={t('auth.field.password')} type="password" autoComplete="new-password" value={password} onChange={setPassword} hint={t('auth.field.passwordHint')} error={fields.password} required />
    </AuthFormPage>
  );
}
