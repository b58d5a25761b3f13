import { Fragment } from 'react';
import { useT } from '../../i18n/useT';
import { useStore } from '../../store';

/** The crisis line when no program is loaded yet (the built-in program's). */
const FALLBACK_LINE = '9-8-8';

/** The program's "not a crisis service" text (from the server, in the person's language), with its crisis line as a number to call. */
export function CrisisPanel() {
  const t = useT();
  const text = useStore((s) => s.live.crisisText);
  const line = useStore((s) => s.program?.crisis.number ?? FALLBACK_LINE);
  const href = `tel:${line.replace(/[^0-9+]/g, '')}`;
  const parts = text.split(line);
  return (
    <aside className="crisis-panel" aria-label={t('circles.crisis.label')}>
      <p>
        {parts.map((part, i) => (
          <Fragment key={i}>
            {part}
            {i < parts.length - 1 && <a href={href}>{line}</a>}
          </Fragment>
        ))}
        {parts.length === 1 && (
          <>
            {' '}
            {t.rich('circles.crisis.call', {
              number: line,
              tel: (chunks) => (
                <a key="tel" href={href}>
                  {chunks}
                </a>
              ),
            })}
          </>
        )}
      </p>
    </aside>
  );
}
