import { useStore } from '../../store';
import { ErrorLine } from '../../ui/ErrorLine';
import { selectHandRaised } from './liveSlice';
import { useCommand } from './useCommand';
import { useT } from '../../i18n/useT';

const HAND = '✋';

/** Raise or lower your own hand: in the call toolbar, so it is always in reach. */
export function HandToggle() {
  const t = useT();
  const raised = useStore(selectHandRaised);
  const { run, busy, error } = useCommand();
  return (
    <>
      <button
        type="button"
        className="toggle hand-toggle"
        aria-pressed={raised}
        disabled={busy}
        onClick={() => void run(raised ? 'hand:lower' : 'hand:raise', {})}
      >
        <span aria-hidden="true">{HAND}</span> {t(raised ? 'circles.hands.lower' : 'circles.hands.raise')}
      </button>
      <ErrorLine inline message={error} />
    </>
  );
}
