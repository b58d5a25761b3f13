import { describe, expect, it } from 'vitest';
import { MESSAGES, SERVER_NAMESPACES } from '../../../shared/i18n/catalog';
import { LOCALES } from '../../../shared/i18n/locales';
import { catalogNow, loadCatalog, translatorNow } from './catalogs';

const serverOnly = (id: string) => SERVER_NAMESPACES.some((ns) => id.startsWith(`${ns}.`));

describe('the browser’s catalogs', () => {
  it('are each language’s messages, all of them but the server’s own (e-mails, the calendar feed)', async () => {
    for (const locale of LOCALES) {
      const messages = await loadCatalog(locale);
      const expected = Object.fromEntries(Object.entries(MESSAGES[locale]).filter(([id]) => !serverOnly(id)));
      expect(messages).toEqual(expected);
      expect(Object.keys(messages).some(serverOnly)).toBe(false);
    }
  });

  it('are fetched once, and words outside React come from the language asked for once it has arrived', async () => {
    const [a, b] = await Promise.all([loadCatalog('fr-CA'), loadCatalog('fr-CA')]);
    expect(a).toBe(b);
    expect(catalogNow('fr-CA')?.messages).toBe(a);
    const fr = translatorNow('fr-CA', {});
    expect(fr('common.language')).toBe(MESSAGES['fr-CA']['common.language']);
    expect(fr.has('common.language')).toBe(true);
    expect(fr.has('mail.nothing.like.this')).toBe(false);
  });
});
