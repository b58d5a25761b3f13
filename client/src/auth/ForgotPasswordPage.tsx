import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../i18n/useT';
import { TextField } from '../ui/TextField';
import { useAction } from '../ui/useAction';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { requestPasswordReset } from './authApi';
import { AuthFormPage, SignedOutPage } from './AuthFormPage';

/** /forgot-password — asks for a reset link. The answer never says whether an account uses the address. */
export function ForgotPasswordPage() {
  const t = useT();
  useDocumentTitle(t('auth.forgot.documentTitle'), { focusHeading: false });
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
      <Link to="/signin">{t('auth.backToSignIn')}</Link>
    </p>
  );
  if (answer) {
    return (
      <SignedOutPage>
        <h1>{t('auth.forgot.checkEmail')}</h1>
        <p role="status" className="success">
          {answer}
        </p>
        {after}
      </SignedOutPage>
    );
  }
  return (
    <AuthFormPage
      title={t('auth.forgot.title')}
      lede={t('auth.forgot.lede')}
      action={action}
      submitLabel={t('auth.forgot.submit')}
      onSubmit={() => void send()}
      after={after}
    >
      <TextField id="forgot-email" label={t('auth.field.email')} type="email" autoComplete="username" value={email} onChange={setEmail} error={fields.email} required autoFocus />
    </AuthFormPage>
  );
}
