import { ErrorLine } from '../../ui/ErrorLine';
import { REACTION_BUTTONS } from './reactions';
import { useCommand } from './useCommand';

/** Small signs of support that do not interrupt whoever is speaking. */
export function ReactionBar() {
  const { run, error } = useCommand();
  return (
    <div className="reaction-bar">
      <div role="group" aria-label="Reactions" className="reactions">
        {REACTION_BUTTONS.map((r) => (
          <button
            key={r.reaction}
            type="button"
            className="reaction-button"
            aria-label={r.label}
            title={r.label}
            onClick={() => void run('reaction:send', { reaction: r.reaction })}
          >
            <span aria-hidden="true">{r.emoji}</span>
          </button>
        ))}
      </div>
      <ErrorLine inline message={error} />
    </div>
  );
}
