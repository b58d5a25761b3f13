import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useT } from '../i18n/useT';
import { TextField } from '../ui/TextField';
import { useAction } from '../ui/useAction';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useLoad } from '../ui/useLoad';
import { completePasswordReset, fetchPasswordResetStatus } from './authApi';
import { AuthFormPage, SignedOutPage } from './AuthFormPage';
import type { SignInNotice } from './SignInPage';

/** /reset-password/:token — a new password from a reset link; then sign in with it (every session has ended). */
export function ResetPasswordPage() {
  const t = useT();
  useDocumentTitle(t('auth.reset.title'));
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const action = useAction({ staysBusy: true });
  const { fields } = action;
  // Said before anyone types: a link that no longer works gets no form at all.
  const { state: status } = useLoad(useCallback(() => fetchPasswordResetStatus(token), [token]));

  if (status.status === 'ready' && !status.data.usable) {
    return (
      <SignedOutPage>
        <h1>{t('auth.reset.unusable.title')}</h1>
        <div role="alert" className="notice">
          <p>{t('auth.reset.unusable.body')}</p>
        </div>
        <p>
          {t.rich('auth.reset.unusable.links', {
            ask: (chunks) => <Link to="/forgot-password">{chunks}</Link>,
            signin: (chunks) => <Link to="/signin">{chunks}</Link>,
          })}
        </p>
      </SignedOutPage>
    );
  }

  const save = () => {
    if (password !== again) {
      action.setError(t('auth.reset.mismatch'));
      return;
    }
    void action.run(async () => {
      await completePasswordReset({ token, password });
      const state: SignInNotice = { notice: 'password-changed' };
      navigate('/signin', { replace: true, state });
    });
  };

  return (
    <AuthFormPage title={t('auth.reset.title')} lede={t('auth.reset.lede')} action={action} submitLabel={t('auth.reset.submit')} onSubmit={save}>
      <TextField id="reset-password" label={t('auth.reset.newPassword')} type="password" autoComplete="new-password" value={password} onChange={setPassword} hint={t('auth.field.passwordHint')} error={fields.password} required />
      <TextField id="reset-again" label={t('auth.reset.again')} type="password" autoComplete="new-password" value={again} onChange={setAgain} required />
    </AuthFormPage>
  );
}
