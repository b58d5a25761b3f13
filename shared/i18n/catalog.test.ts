import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { CATALOG_FILES, NAMESPACES } from './catalog';
import { LOCALES } from './locales';

/** Each argument a message uses, with its kind ("count:plural", "name:argument"), plural/select branches included. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument) into.add(`${el.value}:argument`);
    else if (el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) into.add(`${el.value}:${TYPE[el.type]}`);
    else if (el.type === TYPE.plural || el.type === TYPE.select) {
      into.add(`${el.value}:${el.type === TYPE.plural ? (el.pluralType === 'ordinal' ? 'selectordinal' : 'plural') : 'select'}`);
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    } else if (el.type === TYPE.tag) {
      into.add(`<${el.value}>`);
      argumentsOf(el.children, into);
    }
  }
  return into;
}

const [source, ...others] = LOCALES;

describe('message catalogs', () => {
  it.each(NAMESPACES)('%s: every key is prefixed with its namespace and every message parses as ICU', (ns) => {
    for (const locale of LOCALES) {
      for (const [key, text] of Object.entries(CATALOG_FILES[locale][ns])) {
        expect(key.startsWith(`${ns}.`), `${locale}/${ns}.json: ${key}`).toBe(true);
        expect(() => parse(text), `${locale} ${key}`).not.toThrow();
        expect(text.trim(), `${locale} ${key} is empty`).not.toBe('');
      }
    }
  });

  it.each(others.flatMap((locale) => NAMESPACES.map((ns) => [locale, ns] as const)))(
    '%s/%s has exactly the English keys, each with the same arguments',
    (locale, ns) => {
      const en = CATALOG_FILES[source][ns];
      const other = CATALOG_FILES[locale][ns];
      expect(Object.keys(other).sort(), `keys missing from or extra in ${locale}/${ns}.json`).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(en)) {
        const theirs = other[key];
        if (theirs === undefined) continue;
        expect([...argumentsOf(parse(theirs))].sort(), `${locale} ${key}`).toEqual([...argumentsOf(parse(text))].sort());
      }
    },
  );

  it('no key is defined in two namespaces', () => {
    const seen = new Map<string, string>();
    for (const ns of NAMESPACES) {
      for (const key of Object.keys(CATALOG_FILES[source][ns])) {
        expect(seen.get(key), key).toBeUndefined();
        seen.set(key, ns);
      }
    }
  });
});
