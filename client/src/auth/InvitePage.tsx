import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { roleLabel } from '../ui/roleLabel';
import { TextField } from '../ui/TextField';
import { useAction } from '../ui/useAction';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useLoad } from '../ui/useLoad';
import { acceptInvite, fetchInviteStatus } from './authApi';
import { AuthFormPage } from './AuthFormPage';

const LEDE =
  'You were invited to the Red Mug Coffee Circle. Your first name is shown to staff; in a circle you choose the name ' +
  'others see each time you join.';
const PASSWORD_HINT = 'At least 10 characters. A passphrase of a few words works well.';

/** /invite/:token — an invited person creates their account and is signed in. */
export function InvitePage() {
  useDocumentTitle('Create your account');
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
      <main className="page narrow">
        <h1>This invite link does not work</h1>
        <div role="alert" className="notice">
          <p>
            It may have been used already, it may have expired, or part of it may be missing. Ask the person who sent it
            for a new one.
          </p>
        </div>
        <p>
          Already have an account? <Link to="/signin">Sign in</Link>
        </p>
      </main>
    );
  }
  const forWhom =
    status.status === 'ready' && status.data.usable
      ? ` The account will be: ${roleLabel(status.data)}.${status.data.forOneEmail ? ' Use the email address the invite was sent to.' : ''}`
      : '';

  const create = () =>
    action.run(async () => {
      await acceptInvite({ token, email, firstName, password, yearOfCall: yearOfCall ? Number(yearOfCall) : null });
      navigate('/', { replace: true });
    });

  return (
    <AuthFormPage title="Create your Red Mug account" lede={LEDE + forWhom} action={action} submitLabel="Create account" onSubmit={() => void create()}>
      <TextField id="invite-email" label="Email" type="email" autoComplete="email" value={email} onChange={setEmail} error={fields.email} required />
      <TextField id="invite-firstName" label="First name" autoComplete="given-name" maxLength={60} value={firstName} onChange={setFirstName} error={fields.firstName} required />
      <TextField id="invite-yearOfCall" label="Year of call (lawyers, optional)" type="number" inputMode="numeric" min={1950} max={2100} value={yearOfCall} onChange={setYearOfCall} error={fields.yearOfCall} />
      <TextField id="invite-password" label="Password" type="password" autoComplete="new-password" value={password} onChange={setPassword} hint={PASSWORD_HINT} error={fields.password} required />
    </AuthFormPage>
  );
}
