import { useEffect, useState, type ReactNode } from 'react';
import { Navigate } from 'react-router';
import type { SupportRequest } from '../../../shared/schemas/live';
import { createCircleSocket } from '../api/createCircleSocket';
import { emitCommand } from '../api/emitCommand';
import { useStore } from '../store';
import { AppHeader } from '../ui/AppHeader';
import { ErrorLine } from '../ui/ErrorLine';
import { useT } from '../i18n/useT';
import { callerKindIn, momentIn } from '../matching/labels';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { addRequest } from './addRequest';

/** /staff/support — open requests for one-on-one support, arriving live; where staff mark them handled. Staff only. */
export function OneOnOneRequestsPage() {
  const isStaff = useStore((s) => s.user?.role === 'staff');
  if (!isStaff) return <Navigate to="/" replace />;
  return <SupportQueue />;
}

function SupportQueue() {
  const t = useT();
  useDocumentTitle(t('support.title'));
  const [socket] = useState(createCircleSocket);
  const [requests, setRequests] = useState<SupportRequest[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    // Fetched on every (re)connect, so nothing that arrived while disconnected is missed.
    const onConnect = () => {
      setConnected(true);
      void emitCommand(socket, 'support:list', {}).then((ack) => {
        if (ack.ok) {
          setRequests(ack.data);
          setError(null);
        } else setError(ack.message);
      });
    };
    const onDisconnect = () => setConnected(false);
    const onRequested = (r: SupportRequest) => setRequests((list) => addRequest(list ?? [], r));
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('support:requested', onRequested);
    socket.connect();
    return () => {
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('support:requested', onRequested);
      socket.disconnect();
    };
  }, [socket]);

  async function handle(r: SupportRequest) {
    setStatus('');
    const ack = await emitCommand(socket, 'support:handle', { id: r.id });
    if (ack.ok) {
      setRequests((list) => (list ?? []).filter((x) => x.id !== r.id));
      setStatus(t('support.handled', { name: r.firstName }));
      // The header's count of waiting requests goes down at once.
      useStore.getState().inboxChanged();
    } else setError(ack.message);
  }

  return (
    <>
      <AppHeader />
      <main className="page">
        <h1>{t('support.title')}</h1>
        <p className="lede">{t('support.lede')}</p>
        {!connected && requests !== null && <p role="status" className="reconnecting">{t('support.reconnecting')}</p>}
        <ErrorLine message={error} />
        {requests === null ? (
          !error && <p role="status">{t('common.loading')}</p>
        ) : requests.length === 0 ? (
          <p>{t('support.none')}</p>
        ) : (
          <ul aria-label={t('support.listLabel')} className="support-queue">
            {requests.map((r) => {
              const when = (chunks: ReactNode[]) => <time dateTime={r.createdAt}>{chunks}</time>;
              const parts = {
                name: r.firstName,
                email: r.email,
                kind: r.memberKind ? callerKindIn(t, r.memberKind) : '',
              };
              const tags = {
                b: (chunks: ReactNode[]) => <strong>{chunks}</strong>,
                mail: (chunks: ReactNode[]) => <a href={`mailto:${r.email}`}>{chunks}</a>,
              };
              return (
                <li key={r.id} className="card">
                  <div>{t.rich(r.memberKind ? 'support.whoKind' : 'support.who', { ...parts, ...tags })}</div>
                  <div className="hint">
                    {r.fromCircle ? (
                      t.rich('support.fromCircle', { at: momentIn(t.locale, r.createdAt), when })
                    ) : (
                      <time dateTime={r.createdAt}>{momentIn(t.locale, r.createdAt)}</time>
                    )}
                  </div>
                  <button type="button" className="button secondary" onClick={() => void handle(r)}>
                    {t('support.handle')}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <p role="status">{status}</p>
      </main>
    </>
  );
}
