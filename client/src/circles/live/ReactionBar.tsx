import { ErrorLine } from '../../ui/ErrorLine';
import { REACTION_BUTTONS } from './reactions';
import { useCommand } from './useCommand';
import { useT } from '../../i18n/useT';

/** Small signs of support that do not interrupt whoever is speaking. */
export function ReactionBar() {
  const t = useT();
  const { run, error } = useCommand();
  return (
    <div className="reaction-bar">
      <div role="group" aria-label={t('circles.reactions.label')} className="reactions">
        {REACTION_BUTTONS.map((r) => (
          <button
            key={r.reaction}
            type="button"
            className="reaction-button"
            aria-label={t(r.label)}
            title={t(r.label)}
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
