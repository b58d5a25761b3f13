import { useT } from '../i18n/useT';
import { MugIcon } from './MugIcon';

/** Worn by trained peer-support volunteers, as the red mugs were at the in-person circles. */
export function RedMugBadge() {
  const t = useT();
  return (
    <span className="red-mug-badge" data-testid="red-mug-badge">
      <MugIcon size={16} />
      <span>{t('common.badge.redMug')}</span>
    </span>
  );
}
