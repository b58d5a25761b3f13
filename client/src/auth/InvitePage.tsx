import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError, messageOf } from '../api/ApiError';
import { fieldErrorsOf } from '../ui/fieldErrorsOf';
import { FormField } from '../ui/FormField';
import { MugIcon } from '../ui/MugIcon';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { acceptInvite } from './authApi';
import { ErrorLine } from '../ui/ErrorLine';

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
        <ErrorLine message={message} />
        <FormField
          id="invite-email"
          label="Email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fields.email}
          required
        />
        <FormField
          id="invite-firstName"
          label="First name"
          type="text"
          autoComplete="given-name"
          maxLength={60}
          value={firstName}
          onChange={(e) => setFirstName(e.target.value)}
          error={fields.firstName}
          required
        />
        <FormField
          id="invite-yearOfCall"
          label="Year of call (lawyers, optional)"
          type="number"
          inputMode="numeric"
          min={1950}
          max={2100}
          value={yearOfCall}
          onChange={(e) => setYearOfCall(e.target.value)}
          error={fields.yearOfCall}
        />
        <FormField
          id="invite-password"
          label="Password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          hint="At least 10 characters. A passphrase of a few words works well."
          error={fields.password}
          required
        />
        <button type="submit" className="button primary" disabled={busy}>
          Create account
        </button>
      </form>
    </main>
  );
}
