import { Link } from 'react-router';
import { MugIcon } from '../../ui/MugIcon';
import type { LiveOutcome } from './liveSlice';
import { LanguageSwitcher } from '../../i18n/LanguageSwitcher';
import { useT } from '../../i18n/useT';

/** The circle is over for this person: ended by the host, or they were removed. Audio and video are already off. */
export function CircleOutcome({ outcome, onHome }: { outcome: LiveOutcome; onHome: () => void }) {
  const t = useT();
  return (
    <section className="card outcome" aria-labelledby="outcome-heading">
      <MugIcon size={34} />
      <h1 id="outcome-heading">{t(outcome.kind === 'ended' ? 'circles.outcome.ended' : 'circles.outcome.removed')}</h1>
      {/* The server's words as they came; a circle found already over says so in the person's own. */}
      <p role="alert">{outcome.message ?? t('circles.doors.ended')}</p>
      <p>
        <Link to="/" onClick={onHome}>
          {t('circles.outcome.home')}
        </Link>
      </p>
      <LanguageSwitcher />
    </section>
  );
}
