import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError, messageOf } from '../api/ApiError';
import { fieldErrorsOf } from '../ui/fieldErrorsOf';
import { MugIcon } from '../ui/MugIcon';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { acceptInvite } from './authApi';

/** /invite/:token — an invited person creates their account and is signed in. */
export function InvitePage() {
  useDocumentTitle('Create your account');
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [firstName, setFirstName] = useState('');
  const [password, setPassword] = useState('');
  const [yearOfCall, setYearOfCall] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const fields = fieldErrorsOf(error);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      await acceptInvite({ token, email, firstName, password, yearOfCall: yearOfCall ? Number(yearOfCall) : null });
      navigate('/', { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err : null);
      setMessage(messageOf(err));
      setBusy(false);
    }
  }

  const describedBy = (name: string, hint?: string) =>
    [hint, fields[name] ? `invite-${name}-error` : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <main className="page narrow">
      <p className="brand-line" aria-hidden="true">
        <MugIcon size={36} />
      </p>
      <h1>Create your Red Mug account</h1>
      <p className="lede">
        You were invited to the Red Mug Coffee Circle. Your first name is shown to staff; in a circle you choose the
        name others see each time you join.
      </p>
      <form onSubmit={submit} noValidate className="card form">
        {message && (
          <p role="alert" className="error">
            {message}
          </p>
        )}
        <div className="field">
          <label htmlFor="invite-email">Email</label>
          <input
            id="invite-email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={fields.email ? true : undefined}
            aria-describedby={describedBy('email')}
            required
          />
          {fields.email && (
            <p id="invite-email-error" className="field-error">
              {fields.email}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="invite-firstName">First name</label>
          <input
            id="invite-firstName"
            type="text"
            autoComplete="given-name"
            maxLength={60}
            value={firstName}
            onChange={(e) => setFirstName(e.target.value)}
            aria-invalid={fields.firstName ? true : undefined}
            aria-describedby={describedBy('firstName')}
            required
          />
          {fields.firstName && (
            <p id="invite-firstName-error" className="field-error">
              {fields.firstName}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="invite-yearOfCall">Year of call (lawyers, optional)</label>
          <input
            id="invite-yearOfCall"
            type="number"
            inputMode="numeric"
            min={1950}
            max={2100}
            value={yearOfCall}
            onChange={(e) => setYearOfCall(e.target.value)}
            aria-invalid={fields.yearOfCall ? true : undefined}
            aria-describedby={describedBy('yearOfCall')}
          />
          {fields.yearOfCall && (
            <p id="invite-yearOfCall-error" className="field-error">
              {fields.yearOfCall}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="invite-password">Password</label>
          <input
            id="invite-password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={fields.password ? true : undefined}
            aria-describedby={describedBy('password', 'invite-password-hint')}
            required
          />
          <p id="invite-password-hint" className="hint">
            At least 10 characters. A passphrase of a few words works well.
          </p>
          {fields.password && (
            <p id="invite-password-error" className="field-error">
              {fields.password}
            </p>
          )}
        </div>
        <button type="submit" className="button primary" disabled={busy}>
          Create account
        </button>
      </form>
    </main>
  );
}
