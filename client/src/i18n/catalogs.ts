import type { Locale } from '../../../shared/i18n/locales';
import { translatorWith, type ProgramValues, type Translate } from '../../../shared/i18n/translate';

/**
 * The browser's catalogs: one chunk per locale (client/vite.config.ts names them `messages-<locale>`), fetched when
 * someone reads in that language, so a page carries one language's words, not every language's. The namespaces only
 * the server words (mail, feed: SERVER_NAMESPACES in shared/i18n/catalog.ts) are left out.
 */
const FILES = import.meta.glob<Record<string, string>>(['../../../shared/i18n/messages/*/*.json', '!../../../shared/i18n/messages/*/{mail,feed}.json'], {
  import: 'default',
});

const loaded = new Map<Locale, Record<string, string>>();
const loading = new Map<Locale, Promise<Record<string, string>>>();

/** One locale's messages, fetched once. */
export function loadCatalog(locale: Locale): Promise<Record<string, string>> {
  const done = loaded.get(locale);
  if (done) return Promise.resolve(done);
  let pending = loading.get(locale);
  if (!pending) {
    const files = Object.entries(FILES).filter(([file]) => file.includes(`/messages/${locale}/`));
    pending = Promise.all(files.map(([, load]) => load())).then(
      (parts) => {
        const messages: Record<string, string> = Object.assign({}, ...parts);
        loaded.set(locale, messages);
        return messages;
      },
      (err: unknown) => {
        // A chunk that failed to arrive (the network dropped) is asked for again next time.
        loading.delete(locale);
        throw err;
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

/** The messages of `locale` if they have arrived, else those of a language that has (the page shows those now). */
export function catalogNow(locale: Locale): { locale: Locale; messages: Record<string, string> } | null {
  const messages = loaded.get(locale);
  if (messages) return { locale, messages };
  const [other] = loaded;
  return other ? { locale: other[0], messages: other[1] } : null;
}

/** A plain-text translator outside React, from the catalogs that have arrived. */
export function translatorNow(locale: Locale, defaults: Partial<ProgramValues>): Translate {
  const now = catalogNow(locale);
  return translatorWith(now?.messages ?? {}, now?.locale ?? locale, defaults);
}
