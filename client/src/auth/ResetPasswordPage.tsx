import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { TextField } from '../ui/TextField';
import { useAction } from '../ui/useAction';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useLoad } from '../ui/useLoad';
import { completePasswordReset, fetchPasswordResetStatus } from './authApi';
import { AuthFormPage } from './AuthFormPage';
import type { SignInNotice } from './SignInPage';

const PASSWORD_HINT = 'At least 10 characters. A passphrase of a few words works well.';

/** /reset-password/:token — a new password from a reset link; then sign in with it (every session has ended). */
export function ResetPasswordPage() {
  useDocumentTitle('Choose a new password');
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
      <main className="page narrow">
        <h1>This reset link does not work</h1>
        <div role="alert" className="notice">
          <p>It may have been used already, it may have expired (links work for an hour), or part of it may be missing.</p>
        </div>
        <p>
          <Link to="/forgot-password">Ask for a new link</Link> · <Link to="/signin">Sign in</Link>
        </p>
      </main>
    );
  }

  const save = () => {
    if (password !== again) {
      action.setError('The two passwords are not the same. Type the new one twice.');
      return;
    }
    void action.run(async () => {
      await completePasswordReset({ token, password });
      const state: SignInNotice = { notice: 'password-changed' };
      navigate('/signin', { replace: true, state });
    });
  };

  return (
    <AuthFormPage
      title="Choose a new password"
      lede="After this you sign in again with the new password, on every device."
      action={action}
      submitLabel="Save the new password"
      onSubmit={save}
    >
      <TextField id="reset-password" label="New password" type="password" autoComplete="new-password" value={password} onChange={setPassword} hint={PASSWORD_HINT} error={fields.password} required />
      <TextField id="reset-again" label="New password again" type="password" autoComplete="new-password" value={again} onChange={setAgain} required />
    </AuthFormPage>
  );
}
