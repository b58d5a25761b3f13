import type { CircleSession } from '../../../../shared/schemas/circles';
import { useStore } from '../../store';
import { MugIcon } from '../../ui/MugIcon';

/** The circle's name (and preset topic until the live topic card takes over) and the reminder that nothing is recorded; leaving is in the call toolbar. */
export function CircleHeader({ session }: { session: CircleSession }) {
  // Once in the live circle the topic card shows the topic (and its pivots); until then, the preset one.
  const live = useStore((s) => s.live.joined);
  return (
    <div className="circle-header">
      <div className="circle-heading">
        <MugIcon size={30} />
        <div>
          <h1>{session.title}</h1>
          {!live && <p className="topic">{session.topic ? <>Topic: {session.topic}</> : 'Topic to be announced'}</p>}
        </div>
      </div>
      <p className="not-recorded">Nothing in this circle is recorded.</p>
    </div>
  );
}
