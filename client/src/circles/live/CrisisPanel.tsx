import { Fragment } from 'react';
import { useStore } from '../../store';

const LINE = '9-8-8';

/** The society's "not a crisis service" text, with 9-8-8 as a number to call. */
export function CrisisPanel() {
  const text = useStore((s) => s.live.crisisText);
  const parts = text.split(LINE);
  return (
    <aside className="crisis-panel" aria-label="Not a crisis service">
      <p>
        {parts.map((part, i) => (
          <Fragment key={i}>
            {part}
            {i < parts.length - 1 && <a href="tel:988">{LINE}</a>}
          </Fragment>
        ))}
        {parts.length === 1 && (
          <>
            {' '}
            In crisis? Call or text <a href="tel:988">{LINE}</a>.
          </>
        )}
      </p>
    </aside>
  );
}
