import { useEffect } from 'react';
import { Link } from 'react-router';
import { INBOX_KIND_LABELS, type InboxItem } from '../../../shared/schemas/inbox';
import { CATEGORY_LABELS } from '../../../shared/schemas/matching';
import { useStore } from '../store';
import { AppHeader } from '../ui/AppHeader';
import { programDateTime } from '../ui/formatCircleTime';
import { Loaded } from '../ui/Loaded';
import { memberKindLabel } from '../ui/memberKindLabel';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useLoad } from '../ui/useLoad';
import { fetchInbox } from './inboxApi';
import './inbox.css';

/**
 * /staff/requests — staff's one inbox: every request still waiting, one-on-one and peer support alike, oldest first,
 * each labelled by kind and linking to where it is handled. Staff only (the server refuses everyone else).
 */
export function InboxPage() {
  useDocumentTitle('Requests');
  const isStaff = useStore((s) => s.user?.role === 'staff');
  return (
    <>
      <AppHeader />
      <main className="page">
        <h1>Requests</h1>
        {isStaff ? (
          <Inbox />
        ) : (
          <p>
            Only staff see requests. <Link to="/">Go to the home page</Link>
          </p>
        )}
      </main>
    </>
  );
}

function Inbox() {
  // Loaded again whenever a request may have arrived (the header hears of it) — the list and the badge agree.
  const revision = useStore((s) => s.inboxRevision);
  const { state, reload } = useLoad(fetchInbox, { keepOnError: true });
  useEffect(() => {
    if (revision > 0) reload();
  }, [revision, reload]);
  useEffect(() => {
    if (state.status === 'ready') useStore.getState().setWaitingRequests(state.data.items.length);
  }, [state]);
  return (
    <>
      <p className="lede">
        Everyone waiting for staff, oldest first: people who asked for one-on-one support, and peer-support requests
        still waiting for a match. Nobody else sees these.
      </p>
      <Loaded state={state} loading="Loading requests…">
        {({ items }) => (
          <>
            <p role="status">{items.length === 0 ? 'No requests are waiting.' : items.length === 1 ? '1 request is waiting.' : `${items.length} requests are waiting.`}</p>
            {items.length > 0 && (
              <ol className="inbox-list" aria-label="Waiting requests, oldest first">
                {items.map((item) => (
                  <InboxEntry key={`${item.kind}-${item.request.id}`} item={item} />
                ))}
              </ol>
            )}
          </>
        )}
      </Loaded>
      <p className="hint">
        Also: the <Link to="/staff/support">one-on-one requests</Link> as they arrive, and the peer-support{' '}
        <Link to="/support/queue">request queue</Link> with each volunteer&apos;s load.
      </p>
    </>
  );
}

/** "Monday, November 30, 12:05 p.m. Alberta time" */
function asked(iso: string): string {
  return programDateTime(useStore.getState().locale, iso);
}

function InboxEntry({ item }: { item: InboxItem }) {
  const headingId = `inbox-${item.kind}-${item.request.id}`;
  if (item.kind === 'contact') {
    const r = item.request;
    return (
      <li className="card inbox-item" aria-labelledby={headingId} data-testid="inbox-item">
        <span className="inbox-kind contact">{INBOX_KIND_LABELS.contact}</span>
        <h2 id={headingId}>
          {r.firstName}
          {r.memberKind && <> · {memberKindLabel(r.memberKind)}</>}
        </h2>
        <p>
          <a href={`mailto:${r.email}`}>{r.email}</a>
        </p>
        <p className="hint">
          Asked <time dateTime={r.createdAt}>{asked(r.createdAt)}</time>
          {r.fromCircle && <> · from a circle</>}
        </p>
        <p>
          <Link to="/staff/support">Contact {r.firstName}, then mark it handled</Link>
        </p>
      </li>
    );
  }
  const r = item.request;
  return (
    <li className="card inbox-item" aria-labelledby={headingId} data-testid="inbox-item">
      <span className="inbox-kind peer">{INBOX_KIND_LABELS.peer}</span>
      <h2 id={headingId}>
        {CATEGORY_LABELS[r.category]} · {memberKindLabel(r.callerKind)}
      </h2>
      <p className="hint">
        Asked <time dateTime={r.createdAt}>{asked(r.createdAt)}</time>
        {r.pendingProposal && <> · a volunteer has been asked</>}
      </p>
      <p>
        <Link to={`/support/requests/${r.id}`}>Open the request to find a match</Link>
      </p>
    </li>
  );
}
