import { useId, useState } from 'react';
import { useT } from '../i18n/useT';
import { ToggleButton } from '../ui/ToggleButton';
import { BLUR_UNSUPPORTED, canBlurBackground } from './backgroundBlur';

/** "Blur background", on the pre-join page and in the call; switched off (and saying why) where it cannot work. */
export function BlurToggle(props: { on: boolean; onToggle: () => void; error?: string | null }) {
  const t = useT();
  const [supported] = useState(canBlurBackground);
  const noteId = useId();
  const note = supported ? (props.error ?? null) : t(BLUR_UNSUPPORTED);
  return (
    <div className="blur-toggle">
      <ToggleButton label={t('media.blur.label')} pressed={supported && props.on} disabled={!supported} describedBy={note ? noteId : undefined} onToggle={props.onToggle} />
      {note && (
        <p id={noteId} role="status" className={supported ? 'error' : 'hint'}>
          {note}
        </p>
      )}
    </div>
  );
}
