import { useStore } from '../../store';
import { ErrorLine } from '../../ui/ErrorLine';
import { selectHandRaised } from './liveSlice';
import { useCommand } from './useCommand';

/** Raise or lower your own hand: in the call toolbar, so it is always in reach. */
export function HandToggle() {
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
        <span aria-hidden="true">✋</span> {raised ? 'Lower hand' : 'Raise hand'}
      </button>
      <ErrorLine inline message={error} />
    </>
  );
}
