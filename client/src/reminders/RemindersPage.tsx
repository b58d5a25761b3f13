import { useT } from '../i18n/useT';
import { AppHeader } from '../ui/AppHeader';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { RemindersSettings } from './RemindersSettings';
import './reminders.css';

/** /reminders — the person's own e-mail reminders (the link every reminder e-mail ends with). */
export function RemindersPage() {
  const t = useT();
  useDocumentTitle(t('reminders.page.documentTitle'));
  return (
    <>
      <AppHeader />
      <main className="page narrow">
        <h1>{t('reminders.page.title')}</h1>
        <RemindersSettings />
      </main>
    </>
  );
}
