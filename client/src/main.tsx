import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadCatalog } from './i18n/catalogs';
import { I18nProvider } from './i18n/I18nProvider';
import { useStore } from './store';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html is missing <div id="root">');
// The first page's words (the browser's language) before it renders, so it never shows message ids; a page in
// another language (the session's answer) fetches its catalog then. Rendered even if this fetch failed: the
// provider asks again.
await loadCatalog(useStore.getState().locale).catch(() => undefined);
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
