import { AppHeader } from '../ui/AppHeader';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { RemindersSettings } from './RemindersSettings';
import './reminders.css';

/** /reminders — the person's own e-mail reminders (the link every reminder e-mail ends with). */
export function RemindersPage() {
  useDocumentTitle('Reminders');
  return (
    <>
      <AppHeader />
      <main className="page narrow">
        <h1>Your reminders</h1>
        <RemindersSettings />
      </main>
    </>
  );
}
