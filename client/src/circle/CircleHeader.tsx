import type { CircleSession } from '../../../shared/schemas/circles';
import { MugIcon } from '../ui/MugIcon';

/** The circle's name and topic, the reminder that nothing is recorded, and the way out. */
export function CircleHeader({ session, onLeave, leaving }: { session: CircleSession; onLeave: () => void; leaving: boolean }) {
  return (
    <div className="circle-header">
      <div className="circle-heading">
        <MugIcon size={30} />
        <div>
          <h1>{session.title}</h1>
          <p className="topic">{session.topic ? <>Topic: {session.topic}</> : 'Topic to be announced'}</p>
        </div>
      </div>
      <p className="not-recorded">Nothing in this circle is recorded.</p>
      <button type="button" className="button leave" onClick={onLeave} disabled={leaving}>
        Leave
      </button>
    </div>
  );
}
