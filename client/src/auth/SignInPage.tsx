import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import type { MessageId } from '../../../shared/i18n/catalog';
import { ApiError } from '../api/ApiError';
import { useStore } from '../store';
import { HelpLink } from '../help/HelpLink';
import { useT } from '../i18n/useT';
import { TextField } from '../ui/TextField';
import { useAction } from '../ui/useAction';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { login } from './authApi';
import { AuthFormPage } from './AuthFormPage';
import type { FromState } from './RequireAuth';

/** What the page arriving here says first (a password just changed); only our own fixed words. */
export interface SignInNotice {
  notice?: 'password-changed';
}

const NOTICES: Record<NonNullable<SignInNotice['notice']>, MessageId> = {
  'password-changed': 'auth.signIn.passwordChanged',
};

/** Only same-site paths: a crafted state must not send people elsewhere after sign-in. */
function safeFrom(state: unknown): string {
  const from = (state as FromState | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/signin' ? from : '/';
}

export function SignInPage() {
  const t = useT();
  // The first thing to do here is type an email: that field has the focus.
  useDocumentTitle(t('auth.signIn.documentTitle'), { focusHeading: false });
  const signedIn = useStore((s) => s.user !== null);
  const location = useLocation();
  const navigate = useNavigate();
  const from = safeFrom(location.state);
  const noticeKey = (location.state as SignInNotice | null)?.notice;
  const notice = noticeKey && Object.hasOwn(NOTICES, noticeKey) ? t(NOTICES[noticeKey]) : null;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Busy from a successful sign-in until the next page shows, so the redirect below leaves that to navigate().
  const action = useAction({ staysBusy: true });

  if (signedIn && !action.busy) return <Navigate to={from} replace />;

  const signIn = () =>
    action.run(async () => {
      try {
        await login({ email, password });
      } catch (err) {
        if (err instanceof ApiError && err.code === 'INVALID_CREDENTIALS') setPassword('');
        throw err;
      }
      navigate(from, { replace: true });
    });

  const after = (
    <>
      <p>
        <Link to="/forgot-password">{t('auth.signIn.forgot')}</Link>
      </p>
      <p className="hint">{t('auth.signIn.newHere')}</p>
      <p>
        <HelpLink>{t('auth.signIn.helpNow')}</HelpLink>
      </p>
    </>
  );

  return (
    <AuthFormPage
      title={t('auth.signIn.title')}
      lede={t('auth.signIn.lede')}
      notice={notice}
      action={action}
      submitLabel={t('auth.signIn.submit')}
      onSubmit={() => void signIn()}
      after={after}
    >
      <TextField id="signin-email" label={t('auth.field.email')} type="email" autoComplete="username" value={email} onChange={setEmail} required autoFocus />
      <TextField id="signin-password" label={t('auth.field.password')} type="password" autoComplete="current-password" value={password} onChange={setPassword} required />
    </AuthFormPage>
  );
}
