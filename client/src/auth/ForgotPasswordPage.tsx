import { useState } from 'react';
import { Link } from 'react-router';
import { TextField } from '../ui/TextField';
import { useAction } from '../ui/useAction';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { requestPasswordReset } from './authApi';
import { AuthFormPage } from './AuthFormPage';

const LEDE =
  'Give the email address you sign in with. If an account uses it, a link to choose a new password goes there, or ' +
  'staff give it to you.';

/** /forgot-password — asks for a reset link. The answer never says whether an account uses the address. */
export function ForgotPasswordPage() {
  useDocumentTitle('Forgot password', { focusHeading: false });
  const [email, setEmail] = useState('');
  const [answer, setAnswer] = useState<string | null>(null);
  const action = useAction();
  const { fields } = action;

  const send = () =>
    action.run(async () => {
      const { message } = await requestPasswordReset(email);
      setAnswer(message);
    });

  const after = (
    <p>
      <Link to="/signin">Back to sign in</Link>
    </p>
  );
  if (answer) {
    return (
      <main className="page narrow">
        <h1>Check your email</h1>
        <p role="status" className="success">
          {answer}
        </p>
        {after}
      </main>
    );
  }
  return (
    <AuthFormPage title="Forgot your password?" lede={LEDE} action={action} submitLabel="Send me a reset link" onSubmit={() => void send()} after={after}>
      <TextField id="forgot-email" label="Email" type="email" autoComplete="username" value={email} onChange={setEmail} error={fields.email} required autoFocus />
    </AuthFormPage>
  );
}
