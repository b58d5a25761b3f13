import { useT } from '../../i18n/useT';

/**
 * Why there is no audio or video, and the way forward: try again (when trying again can help), or leave. Never an
 * endless spinner.
 */
export function MediaUnavailableNotice(props: {
  message: string;
  /** Absent where another try cannot change anything (a browser that cannot encrypt). */
  onRetry?: () => void;
  retrying: boolean;
  retryError: string | null;
}) {
  const t = useT();
  return (
    <section className="card notice-card" aria-labelledby="unavailable-heading">
      <h2 id="unavailable-heading" className="visually-hidden">
        {t('circles.unavailable.heading')}
      </h2>
      <div role="alert" className="notice">
        <p>{props.message}</p>
      </div>
      <p className="hint">{t('circles.unavailable.welcome')}</p>
      {props.onRetry && (
        <div className="notice-actions">
          <button type="button" className="button primary" onClick={props.onRetry} disabled={props.retrying}>
            {t('common.tryAgain')}
          </button>
        </div>
      )}
      {props.retrying && <p role="status">{t('circles.unavailable.retrying')}</p>}
      {props.retryError && <p className="error">{props.retryError}</p>}
    </section>
  );
}
