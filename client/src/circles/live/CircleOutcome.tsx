import { Link } from 'react-router';
import { MugIcon } from '../../ui/MugIcon';
import type { LiveOutcome } from './liveSlice';

/** The circle is over for this person: ended by the host, or they were removed. Audio and video are already off. */
export function CircleOutcome({ outcome, onHome }: { outcome: LiveOutcome; onHome: () => void }) {
  return (
    <section className="card outcome" aria-labelledby="outcome-heading">
      <MugIcon size={34} />
      <h1 id="outcome-heading">{outcome.kind === 'ended' ? 'The circle has ended' : 'You are no longer in this circle'}</h1>
      <p role="alert">{outcome.message}</p>
      <p>
        <Link to="/" onClick={onHome}>
          Back to home
        </Link>
      </p>
    </section>
  );
}
