import { useParticipantInfo, useParticipants } from '@livekit/components-react';
import type { Participant } from 'livekit-client';
import { RedMugBadge } from '../ui/RedMugBadge';
import { participantName } from './participantName';
import { useRedMugBadge } from './useRedMugBadge';

/** Everyone present, counted from the room itself, so it is never out of step with who is really there. */
export function ParticipantList() {
  const participants = useParticipants();
  return (
    <section className="card people" aria-labelledby="people-heading">
      <h2 id="people-heading">
        People here <span className="count">({participants.length})</span>
      </h2>
      <ul aria-label="People in the circle">
        {participants.map((p) => (
          <ParticipantListItem key={p.identity} participant={p} />
        ))}
      </ul>
    </section>
  );
}

function ParticipantListItem({ participant }: { participant: Participant }) {
  const { name } = useParticipantInfo({ participant });
  const { redMug, role } = useRedMugBadge(participant);
  return (
    <li>
      <span className="person-name">{participantName(name)}</span>
      {participant.isLocal && <span className="you"> (you)</span>}
      {redMug && <RedMugBadge />}
      {role === 'staff' && <span className="staff-tag">Staff</span>}
    </li>
  );
}
