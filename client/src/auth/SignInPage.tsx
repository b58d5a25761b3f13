import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/ApiError';
import { useStore } from '../store';
import { HelpLink } from '../help/HelpLink';
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

const NOTICES: Record<NonNullable<SignInNotice['notice']>, string> = {
  'password-changed': 'Your password is changed, and you were signed out everywhere. Sign in with the new one.',
};

/** Only same-site paths: a crafted state must not send people elsewhere after sign-in. */
function safeFrom(state: unknown): string {
  const from = (state as FromState | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/signin' ? from : '/';
}

const LEDE = 'Drop-in peer-support circles for Alberta lawyers and articling students.';
const AFTER = (
  <>
    <p>
      <Link to="/forgot-password">Forgot password?</Link>
    </p>
    <p className="hint">New here? Ask staff for an invite link.</p>
    <p>
      <HelpLink>Looking for help now? Which kind of help fits</HelpLink>
    </p>
  </>
);

export function SignInPage() {
  // The first thing to do here is type an email: that field has the focus.
  useDocumentTitle('Sign in', { focusHeading: false });
  const signedIn = useStore((s) => s.user !== null);
  const location = useLocation();
  const navigate = useNavigate();
  const from = safeFrom(location.state);
  const noticeKey = (location.state as SignInNotice | null)?.notice;
  const notice = noticeKey && Object.hasOwn(NOTICES, noticeKey) ? NOTICES[noticeKey] : null;
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

  return (
    <AuthFormPage title="Sign in to Red Mug" lede={LEDE} notice={notice} action={action} submitLabel="Sign in" onSubmit={() => void signIn()} after={AFTER}>
      <TextField id="signin-email" label="Email" type="email" autoComplete="username" value={email} onChange={setEmail} required autoFocus />
      <TextField id="signin-password" label="Password" type="password" autoComplete="current-password" value={password} onChange={setPassword} required />
    </AuthFormPage>
  );
}
