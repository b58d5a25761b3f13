import { useT } from '../i18n/useT';

/**
 * An on/off button: its accessible name stays the label ("Camera") and aria-pressed carries the state; the
 * visible On/Off word is hidden from assistive technology so the name does not change under people.
 */
export function ToggleButton(props: {
  label: string;
  pressed: boolean;
  onToggle: () => void;
  busy?: boolean;
  disabled?: boolean;
  describedBy?: string | undefined;
  /** A keyboard shortcut that does the same, as aria-keyshortcuts spells it. */
  keyShortcuts?: string;
}) {
  const t = useT();
  const { label, pressed, onToggle, busy = false, disabled = false, describedBy, keyShortcuts } = props;
  return (
    <button
      type="button"
      className="toggle"
      aria-pressed={pressed}
      aria-busy={busy || undefined}
      disabled={disabled}
      aria-describedby={describedBy}
      aria-keyshortcuts={keyShortcuts}
      onClick={() => {
        if (!busy) onToggle();
      }}
    >
      <span className="toggle-dot" aria-hidden="true" />
      {label}
      <span className="toggle-state" aria-hidden="true">
        {pressed ? t('common.toggle.on') : t('common.toggle.off')}
      </span>
    </button>
  );
}
