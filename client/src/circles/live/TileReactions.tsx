import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import type { FloatingReaction } from './liveSlice';
import { REACTION_FLOAT_MS, REACTION_INFO, reactionAnnouncement } from './reactions';
import { useT } from '../../i18n/useT';

/** Reactions floating on one person's tile, each gone after a few seconds. */
export function TileReactions({ identity, name }: { identity: string; name: string }) {
  const reactions = useStore(useShallow((s) => s.live.reactions.filter((r) => r.identity === identity)));
  if (reactions.length === 0) return null;
  return (
    <div className="tile-reactions">
      {reactions.map((r) => (
        <Floating key={r.key} reaction={r} name={name} />
      ))}
    </div>
  );
}

function Floating({ reaction, name }: { reaction: FloatingReaction; name: string }) {
  const t = useT();
  const done = useStore((s) => s.reactionDone);
  useEffect(() => {
    const timer = setTimeout(() => done(reaction.key), REACTION_FLOAT_MS);
    return () => clearTimeout(timer);
  }, [done, reaction.key]);
  return (
    <span className="floating-reaction" data-testid="reaction" role="img" aria-label={reactionAnnouncement(t, name, reaction.reaction)}>
      {REACTION_INFO[reaction.reaction].emoji}
    </span>
  );
}
