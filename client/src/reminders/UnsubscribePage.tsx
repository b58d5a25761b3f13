import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { REMINDER_LIST_LABELS, ReminderList } from '../../../shared/schemas/reminders';
import { SignedOutPage } from '../auth/AuthFormPage';
import { useT } from '../i18n/useT';
import { useStore } from '../store';
import { ErrorLine } from '../ui/ErrorLine';
import { useAction } from '../ui/useAction';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { oneClickUnsubscribe } from './remindersApi';
import './reminders.css';

/**
 * /unsubscribe/:token — the page behind the link in every reminder. Opening it changes nothing (mail scanners open
 * links); the button does, without signing in. Often opened signed out, so it carries the language switch.
 */
export function UnsubscribePage() {
  const t = useT();
  useDocumentTitle(t('reminders.unsubscribe.title'));
  const { token = '' } = useParams();
  const signedIn = useStore((s) => s.user !== null);
  const named = ReminderList.safeParse(token.split('.')[0]);
  const what = named.success ? t(REMINDER_LIST_LABELS[named.data]) : null;
  const [done, setDone] = useState(false);
  const { busy, error, run } = useAction();
  const unsubscribe = () =>
    void run(async () => {
      await oneClickUnsubscribe(token);
      setDone(true);
    });

  return (
    <SignedOutPage>
      <h1>{t('reminders.unsubscribe.title')}</h1>
      {done ? (
        <div role="status" className="card">
          <p>{t('reminders.unsubscribe.done')}</p>
          {what && <p>{t('reminders.unsubscribe.stopped', { what })}</p>}
        </div>
      ) : (
        <div className="card">
          <p>{what ? t('reminders.unsubscribe.questionFor', { what }) : t('reminders.unsubscribe.question')}</p>
          <p>{t('reminders.unsubscribe.noSignIn')}</p>
          <button type="button" className="button" onClick={unsubscribe} disabled={busy}>
            {t('reminders.unsubscribe.button')}
          </button>
          <ErrorLine message={error} />
        </div>
      )}
      <p>
        {signedIn ? <Link to="/reminders">{t('reminders.unsubscribe.seeAll')}</Link> : <Link to="/signin">{t('reminders.unsubscribe.signInToSee')}</Link>}
      </p>
    </SignedOutPage>
  );
}
