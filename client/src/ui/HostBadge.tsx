import { MugIcon } from './MugIcon';

/** Shown on a session with an assigned volunteer host; never the host's name. */
export function HostBadge() {
  return (
    <span className="host-badge" data-testid="host-badge">
      <MugIcon size={14} /> Hosted by a red mug volunteer
    </span>
  );
}
