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
  return (
    <section className="card notice-card" aria-labelledby="unavailable-heading">
      <h2 id="unavailable-heading" className="visually-hidden">
        Audio and video
      </h2>
      <div role="alert" className="notice">
        <p>{props.message}</p>
      </div>
      <p className="hint">You are still welcome here. The circle is peer support; nothing in it is recorded.</p>
      {props.onRetry && (
        <div className="notice-actions">
          <button type="button" className="button primary" onClick={props.onRetry} disabled={props.retrying}>
            Try again
          </button>
        </div>
      )}
      {props.retrying && <p role="status">Trying again…</p>}
      {props.retryError && <p className="error">{props.retryError}</p>}
    </section>
  );
}
