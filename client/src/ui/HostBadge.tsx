import { useT } from '../i18n/useT';
import { MugIcon } from './MugIcon';

/** Shown on a session with an assigned volunteer host; never the host's name. */
export function HostBadge() {
  const t = useT();
  return (
    <span className="host-badge" data-testid="host-badge">
      <MugIcon size={14} /> {t('common.badge.hosted')}
    </span>
  );
}
