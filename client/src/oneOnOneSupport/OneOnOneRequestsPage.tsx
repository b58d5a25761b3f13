import { useEffect, useState } from 'react';
import { Navigate } from 'react-router';
import type { SupportRequest } from '../../../shared/schemas/live';
import { createCircleSocket } from '../api/createCircleSocket';
import { emitCommand } from '../api/emitCommand';
import { useStore } from '../store';
import { AppHeader } from '../ui/AppHeader';
import { ErrorLine } from '../ui/ErrorLine';
import { memberKindLabel } from '../ui/memberKindLabel';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { addRequest } from './addRequest';

/** /staff/support — open requests for one-on-one support, arriving live; where staff mark them handled. Staff only. */
export function OneOnOneRequestsPage() {
  const isStaff = useStore((s) => s.user?.role === 'staff');
  if (!isStaff) return <Navigate to="/" replace />;
  return <SupportQueue />;
}

function SupportQueue() {
  useDocumentTitle('One-on-one support requests');
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
      setStatus(`Marked ${r.firstName}'s request as handled.`);
      // The header's count of waiting requests goes down at once.
      useStore.getState().inboxChanged();
    } else setError(ack.message);
  }

  return (
    <>
      <AppHeader />
      <main className="page">
        <h1>One-on-one support requests</h1>
        <p className="lede">People who asked for one-on-one support. Contact them privately; nobody else sees these.</p>
        {!connected && requests !== null && <p role="status" className="reconnecting">Reconnecting…</p>}
        <ErrorLine message={error} />
        {requests === null ? (
          !error && <p role="status">Loading…</p>
        ) : requests.length === 0 ? (
          <p>No open requests.</p>
        ) : (
          <ul aria-label="Open support requests" className="support-queue">
            {requests.map((r) => (
              <li key={r.id} className="card">
                <div>
                  <strong>{r.firstName}</strong> · <a href={`mailto:${r.email}`}>{r.email}</a>
                  {r.memberKind && <> · {memberKindLabel(r.memberKind)}</>}
                </div>
                <div className="hint">
                  <time dateTime={r.createdAt}>{new Date(r.createdAt).toLocaleString()}</time>
                  {r.fromCircle && <> · from a circle</>}
                </div>
                <button type="button" className="button secondary" onClick={() => void handle(r)}>
                  Mark handled
                </button>
              </li>
            ))}
          </ul>
        )}
        <p role="status">{status}</p>
      </main>
    </>
  );
}
