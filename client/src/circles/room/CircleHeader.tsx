import type { CircleSession } from '../../../../shared/schemas/circles';
import { useStore } from '../../store';
import { MugIcon } from '../../ui/MugIcon';
import { LanguageSwitcher } from '../../i18n/LanguageSwitcher';
import { useT } from '../../i18n/useT';

/**
 * The circle's name (and preset topic until the live topic card takes over), the reminder that nothing is recorded,
 * and the language switch (the circle has no app header); leaving is in the call toolbar.
 */
export function CircleHeader({ session }: { session: CircleSession }) {
  const t = useT();
  // Once in the live circle the topic card shows the topic (and its pivots); until then, the preset one.
  const live = useStore((s) => s.live.joined);
  return (
    <div className="circle-header">
      <div className="circle-heading">
        <MugIcon size={30} />
        <div>
          <h1>{session.title}</h1>
          {!live && <p className="topic">{session.topic ? t('circles.topic', { topic: session.topic }) : t('circles.topicTba')}</p>}
        </div>
      </div>
      <p className="not-recorded">{t('circles.room.notRecorded')}</p>
      <LanguageSwitcher />
    </div>
  );
}
