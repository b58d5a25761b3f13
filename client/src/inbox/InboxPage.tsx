import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';
import { dateIn, timeIn } from '../../../shared/i18n/formatTime';
import { INBOX_KIND_LABELS, type InboxItem } from '../../../shared/schemas/inbox';
import { CATEGORY_LABELS } from '../../../shared/schemas/matching';
import { useT, type T } from '../i18n/useT';
import { callerKindIn } from '../matching/labels';
import { useStore } from '../store';
import { AppHeader } from '../ui/AppHeader';
import { programZone } from '../ui/formatCircleTime';
import { Loaded } from '../ui/Loaded';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useLoad } from '../ui/useLoad';
import { fetchInbox } from './inboxApi';
import './inbox.css';

/**
 * /staff/requests — staff's one inbox: every request still waiting, one-on-one and peer support alike, oldest first,
 * each labelled by kind and linking to where it is handled. Staff only (the server refuses everyone else).
 */
export function InboxPage() {
  const t = useT();
  useDocumentTitle(t('inbox.title'));
  const isStaff = useStore((s) => s.user?.role === 'staff');
  return (
    <>
      <AppHeader />
      <main className="page">
        <h1>{t('inbox.title')}</h1>
        {isStaff ? <Inbox /> : <p>{t.rich('inbox.staffOnly', { home: (chunks) => <Link to="/">{chunks}</Link> })}</p>}
      </main>
    </>
  );
}

function Inbox() {
  const t = useT();
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
      <p className="lede">{t('inbox.lede')}</p>
      <Loaded state={state} loading={t('inbox.loading')}>
        {({ items }) => (
          <>
            <p role="status">{t('inbox.waiting', { count: items.length })}</p>
            {items.length > 0 && (
              <ol className="inbox-list" aria-label={t('inbox.listLabel')}>
                {items.map((item) => (
                  <InboxEntry key={`${item.kind}-${item.request.id}`} item={item} />
                ))}
              </ol>
            )}
          </>
        )}
      </Loaded>
      <p className="hint">
        {t.rich('inbox.also', {
          support: (chunks) => <Link to="/staff/support">{chunks}</Link>,
          queue: (chunks) => <Link to="/support/queue">{chunks}</Link>,
        })}
      </p>
    </>
  );
}

/** "Monday, November 30, 12:05 p.m. Alberta time" / "lundi 30 novembre, 12 h 05 (heure de l’Alberta)": the program's clock. */
function asked(t: T, iso: string, zone: string): string {
  return t('inbox.askedAt', { date: dateIn(t.locale, iso, zone), time: timeIn(t.locale, iso, zone) });
}

function InboxEntry({ item }: { item: InboxItem }) {
  const t = useT();
  // The program's zone, from the session answer that signed staff in (programZone's fallback before it is read).
  const zone = useStore((s) => s.program?.zone) ?? programZone().zone;
  const headingId = `inbox-${item.kind}-${item.request.id}`;
  const when = (chunks: ReactNode[]) => <time dateTime={item.request.createdAt}>{chunks}</time>;
  const at = asked(t, item.request.createdAt, zone);
  if (item.kind === 'contact') {
    const r = item.request;
    return (
      <li className="card inbox-item" aria-labelledby={headingId} data-testid="inbox-item">
        <span className="inbox-kind contact">{t(INBOX_KIND_LABELS.contact)}</span>
        <h2 id={headingId}>{r.memberKind ? t('inbox.nameKind', { name: r.firstName, kind: callerKindIn(t, r.memberKind) }) : r.firstName}</h2>
        <p>
          <a href={`mailto:${r.email}`}>{r.email}</a>
        </p>
        <p className="hint">{t.rich('inbox.askedContact', { at, when, fromCircle: r.fromCircle ? 'yes' : 'no' })}</p>
        <p>
          <Link to="/staff/support">{t('inbox.contact', { name: r.firstName })}</Link>
        </p>
      </li>
    );
  }
  const r = item.request;
  return (
    <li className="card inbox-item" aria-labelledby={headingId} data-testid="inbox-item">
      <span className="inbox-kind peer">{t(INBOX_KIND_LABELS.peer)}</span>
      <h2 id={headingId}>{t('matching.topicCaller', { category: t(CATEGORY_LABELS[r.category]), caller: callerKindIn(t, r.callerKind) })}</h2>
      <p className="hint">{t.rich('inbox.askedPeer', { at, when, pending: r.pendingProposal ? 'yes' : 'no' })}</p>
      <p>
        <Link to={`/support/requests/${r.id}`}>{t('inbox.open')}</Link>
      </p>
    </li>
  );
}
