import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { REMINDER_LIST_LABELS, ReminderList } from '../../../shared/schemas/reminders';
import { useStore } from '../store';
import { ErrorLine } from '../ui/ErrorLine';
import { useAction } from '../ui/useAction';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { oneClickUnsubscribe } from './remindersApi';
import './reminders.css';

/**
 * /unsubscribe/:token — the page behind the link in every reminder. Opening it changes nothing (mail scanners open
 * links); the button does, without signing in.
 */
export function UnsubscribePage() {
  useDocumentTitle('Stop these e-mails');
  const { token = '' } = useParams();
  const signedIn = useStore((s) => s.user !== null);
  const named = ReminderList.safeParse(token.split('.')[0]);
  const what = named.success ? REMINDER_LIST_LABELS[named.data] : null;
  const [done, setDone] = useState(false);
  const { busy, error, run } = useAction();
  const unsubscribe = () =>
    void run(async () => {
      await oneClickUnsubscribe(token);
      setDone(true);
    });

  return (
    <main className="page narrow">
      <h1>Stop these e-mails</h1>
      {done ? (
        <div role="status" className="card">
          <p>You are unsubscribed. We will not send you these e-mails any more.</p>
          {what && <p>Stopped: “{what}”.</p>}
        </div>
      ) : (
        <div className="card">
          {what ? <p>Stop the Red Mug e-mails for: “{what}”?</p> : <p>Stop these Red Mug e-mails?</p>}
          <p>You do not need to sign in. Your other reminders stay as they are.</p>
          <button type="button" className="button" onClick={unsubscribe} disabled={busy}>
            Unsubscribe
          </button>
          <ErrorLine message={error} />
        </div>
      )}
      <p>
        {signedIn ? <Link to="/reminders">See all your reminders</Link> : <Link to="/signin">Sign in to see all your reminders</Link>}
      </p>
    </main>
  );
}
