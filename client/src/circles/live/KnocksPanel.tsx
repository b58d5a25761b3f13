import './knocks.css';
import { useStore } from '../../store';
import { ErrorLine } from '../../ui/ErrorLine';
import { selectIsHost } from './liveSlice';
import { useCommand } from './useCommand';
import { useT } from '../../i18n/useT';

/**
 * For hosts: people knocking at the locked circle, each with the name they chose, to let in or decline. A new
 * knock is read out politely; the panel is there only while someone waits.
 */
export function KnocksPanel() {
  const t = useT();
  const isHost = useStore(selectIsHost);
  const knocks = useStore((s) => s.live.knocks);
  const { run, busy, error } = useCommand();
  if (!isHost) return null;
  const newest = knocks[knocks.length - 1];

  return (
    <>
      <p role="status" className="visually-hidden">
        {newest ? t('circles.knocks.announce', { name: newest.displayName }) : ''}
      </p>
      {knocks.length > 0 && (
        <section className="card knocks" aria-labelledby="knocks-heading" data-testid="knocks">
          <h2 id="knocks-heading">{t('circles.knocks.heading')}</h2>
          <ul aria-label={t('circles.knocks.list')}>
            {knocks.map((k) => (
              <li key={k.identity} className="knock">
                <p>{t.rich('circles.knocks.someone', { name: k.displayName, strong: (chunks) => <strong key="name">{chunks}</strong> })}</p>
                <div className="button-row">
                  <button
                    type="button"
                    className="button primary"
                    disabled={busy}
                    aria-label={t('circles.knocks.admitLabel', { name: k.displayName })}
                    onClick={() => void run('knock:admit', { identity: k.identity })}
                  >
                    {t('circles.knocks.admit')}
                  </button>
                  <button
                    type="button"
                    className="button secondary"
                    disabled={busy}
                    aria-label={t('circles.knocks.declineLabel', { name: k.displayName })}
                    onClick={() => void run('knock:decline', { identity: k.identity })}
                  >
                    {t('circles.knocks.decline')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
          <ErrorLine inline message={error} />
        </section>
      )}
    </>
  );
}
