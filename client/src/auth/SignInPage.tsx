import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError, messageOf } from '../api/ApiError';
import { useStore } from '../store';
import { FormField } from '../ui/FormField';
import { MugIcon } from '../ui/MugIcon';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { login } from './authApi';
import type { FromState } from './RequireAuth';
import { ErrorLine } from '../ui/ErrorLine';

/** Only same-site paths: a crafted state must not send people elsewhere after sign-in. */
function safeFrom(state: unknown): string {
  const from = (state as FromState | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/signin' ? from : '/';
}

export function SignInPage() {
  useDocumentTitle('Sign in');
  const signedIn = useStore((s) => s.user !== null);
  const location = useLocation();
  const navigate = useNavigate();
  const from = safeFrom(location.state);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (signedIn && !busy) return <Navigate to={from} replace />;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login({ email, password });
      navigate(from, { replace: true });
    } catch (err) {
      setError(messageOf(err));
      if (err instanceof ApiError && err.code === 'INVALID_CREDENTIALS') setPassword('');
      setBusy(false);
    }
  }

  return (
    <main className="page narrow">
      <p className="brand-line" aria-hidden="true">
        <MugIcon size={36} />
      </p>
      <h1>Sign in to Red Mug</h1>
      <p className="lede">Drop-in peer-support circles for Alberta lawyers and articling students.</p>
      <form onSubmit={submit} noValidate className="card form">
        <ErrorLine message={error} />
        <FormField
          id="signin-email"
          label="Email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
        />
        <FormField
          id="signin-password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        <button type="submit" className="button primary" disabled={busy}>
          Sign in
        </button>
      </form>
      <p className="hint">New here? Ask staff for an invite link.</p>
    </main>
  );
}
