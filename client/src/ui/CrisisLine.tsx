import { HelpLink } from '../help/HelpLink';

/** A circle is peer support, not a crisis service: the way to urgent help is always in view. */
export function CrisisLine() {
  return (
    <aside className="crisis-line" aria-label="Urgent help">
      <p>
        <strong>
          In crisis? Call or text <a href="tel:988">9-8-8</a>.
        </strong>{' '}
        <span>The coffee circle is peer support, not a crisis service.</span>{' '}
        <HelpLink />
      </p>
    </aside>
  );
}
