import { useCallback, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Role } from '../../../shared/schemas/auth';
import type { PeopleResponse, Person } from '../../../shared/schemas/people';
import type { MessageId } from '../../../shared/i18n/catalog';
import { useT } from '../i18n/useT';
import { useStore } from '../store';
import { AppHeader } from '../ui/AppHeader';
import { ErrorLine } from '../ui/ErrorLine';
import { Loaded } from '../ui/Loaded';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { useAction } from '../ui/useAction';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useLoad } from '../ui/useLoad';
import { InviteForm } from './InviteForm';
import { PendingInvites } from './PendingInvites';
import { ReadinessLink } from './ReadinessLink';
import { PasswordResetRequests } from './PasswordResetRequests';
import { changeRole, setDisabled, unlockSignIn, fetchPeople, type PeopleFilters } from './peopleApi';
import { choiceOf, consequenceOf, ROLE_CHOICES, roleOfChoice, rolePhrase, type RoleChoice } from './roleChoices';
import './people.css';

const PAGE = 25;
// In the order of ROLES.
const ROLE_FILTER_LABELS: Record<Role, MessageId> = {
  member: 'people.filter.member',
  volunteer: 'people.filter.volunteer',
  staff: 'people.filter.staff',
  auditor: 'people.filter.auditor',
};

/**
 * /staff/people — staff look people up, change what someone can do (confirmed first; audited on the server), and
 * invite someone new. Accounts only: nothing here says who came to which circle.
 */
export function PeoplePage() {
  const t = useT();
  useDocumentTitle(t('people.title'));
  const me = useStore((s) => s.user);
  if (me?.role !== 'staff') {
    return (
      <>
        <AppHeader />
        <main className="page narrow">
          <h1>{t('people.title')}</h1>
          <p>{t('people.staffOnly')}</p>
          <p>
            <Link to="/">{t('common.notFound.home')}</Link>
          </p>
        </main>
      </>
    );
  }
  return <StaffPeople myId={me.id} />;
}

function StaffPeople({ myId }: { myId: string }) {
  const t = useT();
  const [filters, setFilters] = useState<PeopleFilters>({ q: '', role: '', offset: 0, limit: PAGE });
  const [draftQ, setDraftQ] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [invitesVersion, setInvitesVersion] = useState(0);
  const fetcher = useCallback(() => fetchPeople(filters), [filters]);
  const { state } = useLoad(fetcher);

  function search(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFilters((f) => ({ ...f, q: draftQ, offset: 0 }));
  }

  return (
    <>
      <AppHeader />
      <main className="page">
        <h1>{t('people.title')}</h1>
        <p className="lede">{t('people.lede')}</p>
        <ReadinessLink />
        <section aria-labelledby="people-find">
          <h2 id="people-find">{t('people.find.heading')}</h2>
          <form role="search" aria-label={t('people.title')} className="people-filters" onSubmit={search}>
            <TextField id="people-q" label={t('people.find.q')} type="search" value={draftQ} maxLength={100} onChange={setDraftQ} />
            <SelectField
              id="people-role"
              label={t('people.find.role')}
              options={Object.fromEntries(Object.entries(ROLE_FILTER_LABELS).map(([k, id]) => [k, t(id)])) as Record<Role, string>}
              emptyLabel={t('people.find.allRoles')}
              value={filters.role}
              aria-controls="people-table"
              onChange={(role) => setFilters((f) => ({ ...f, role, offset: 0 }))}
            />
            <button type="submit" className="button secondary">
              {t('people.find.submit')}
            </button>
          </form>
          {/* Always present, so screen readers announce each change as its text changes. */}
          <p role="status" className={announcement ? 'success' : undefined}>
            {announcement}
          </p>
          <Loaded state={state} loading={t('people.loading')}>
            {(page) => (
              <PeopleTable
                page={page}
                myId={myId}
                filtered={filters.q.trim() !== '' || filters.role !== ''}
                onChanged={(p) => setAnnouncement(t('people.changed', { name: p.firstName, role: rolePhrase(t, p) }))}
                onPage={(offset) => setFilters((f) => ({ ...f, offset }))}
              />
            )}
          </Loaded>
        </section>
        <PasswordResetRequests />
        <InviteForm onMade={() => setInvitesVersion((v) => v + 1)} />
        <PendingInvites version={invitesVersion} />
      </main>
    </>
  );
}

function PeopleTable({
  page,
  myId,
  filtered,
  onChanged,
  onPage,
}: {
  page: PeopleResponse;
  myId: string;
  filtered: boolean;
  onChanged: (p: Person) => void;
  onPage: (offset: number) => void;
}) {
  const t = useT();
  const { people, total, limit, offset } = page;
  const first = people.length ? offset + 1 : 0;
  const last = offset + people.length;
  const summary =
    total === 0 ? (filtered ? t('people.summary.noMatch') : t('people.summary.none')) : t('people.summary.showing', { first, last, total });
  return (
    <>
      <p role="status" id="people-count">
        {summary}
      </p>
      {people.length > 0 && (
        <table className="data-table people-table" id="people-table">
          <caption className="visually-hidden">{t('people.table.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('people.table.name')}</th>
              <th scope="col">{t('people.table.email')}</th>
              <th scope="col">{t('people.table.role')}</th>
              <th scope="col">{t('people.table.yearOfCall')}</th>
              <th scope="col">{t('people.table.created')}</th>
              <th scope="col">{t('people.table.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              // Keyed by role too: a reload with a changed role starts the row afresh.
              <PersonRow key={`${p.id}-${p.role}-${p.memberKind ?? ''}`} initial={p} isMe={p.id === myId} onChanged={onChanged} />
            ))}
          </tbody>
        </table>
      )}
      {total > limit && (
        <nav className="pager" aria-label={t('people.pager.label')}>
          <button type="button" className="button secondary" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - limit))}>
            {t('people.pager.previous', { limit })}
          </button>
          <button type="button" className="button secondary" disabled={last >= total} onClick={() => onPage(offset + limit)}>
            {t('people.pager.next', { limit })}
          </button>
        </nav>
      )}
    </>
  );
}

function PersonRow({ initial, isMe, onChanged }: { initial: Person; isMe: boolean; onChanged: (p: Person) => void }) {
  const t = useT();
  const [person, setPerson] = useState(initial);
  const [pending, setPending] = useState<RoleChoice | null>(null);
  const { busy, error, run, setError } = useAction();
  const selectRef = useRef<HTMLSelectElement>(null);
  const id = `role-${person.id}`;
  const current = choiceOf(person);

  function choose(value: RoleChoice) {
    setError(null);
    setPending(value === current ? null : value);
  }
  function cancel() {
    setPending(null);
    setError(null);
    selectRef.current?.focus();
  }
  async function confirm() {
    // Not `disabled` while busy: a disabled button drops the keyboard focus.
    if (!pending || busy) return;
    await run(async () => {
      const { person: updated } = await changeRole(person.id, roleOfChoice(pending));
      setPerson(updated);
      setPending(null);
      onChanged(updated);
      selectRef.current?.focus();
    });
  }

  const target = pending ? roleOfChoice(pending) : null;
  return (
    <tr data-testid={`person-${person.id}`}>
      <th scope="row">{person.firstName}</th>
      <td>{person.email}</td>
      <td>{t(ROLE_CHOICES.find((c) => c.value === current)?.label ?? 'people.choice.lawyer')}</td>
      <td>{person.yearOfCall ?? t('people.table.none')}</td>
      <td>{new Date(person.createdAt).toLocaleDateString(t.locale)}</td>
      <td>
        {isMe ? (
          <p className="hint">{t('people.row.isMe')}</p>
        ) : (
          <>
            <label htmlFor={id} className="visually-hidden">
              {t('people.row.roleFor', { name: person.firstName, email: person.email })}
            </label>
            <select id={id} ref={selectRef} value={pending ?? current} onChange={(e) => choose(e.target.value as RoleChoice)}>
              {ROLE_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {t(c.label)}
                </option>
              ))}
            </select>
            {target && (
              <div className="role-confirm" role="group" aria-labelledby={`${id}-question`} aria-describedby={`${id}-note`}>
                <p id={`${id}-question`}>
                  <strong>{t('people.row.confirmQuestion', { name: person.firstName, role: rolePhrase(t, target) })}</strong>
                </p>
                <p id={`${id}-note`} className="hint">
                  {consequenceOf(t, person.role, target.role)}
                </p>
                <div className="actions">
                  <button type="button" className="button primary" aria-disabled={busy} onClick={() => void confirm()}>
                    {t('people.row.confirm')}
                  </button>
                  <button type="button" className="button secondary" aria-disabled={busy} onClick={() => busy || cancel()}>
                    {t('people.cancel')}
                  </button>
                </div>
              </div>
            )}
            <ErrorLine inline message={error} id={`${id}-error`} />
            <UnlockSignIn person={person} />
            <AccountSwitch person={person} onChanged={(p) => (setPerson(p), onChanged(p))} />
          </>
        )}
      </td>
    </tr>
  );
}

/** Lifts a lock on this person's sign-in; says so next to the button. */
function UnlockSignIn({ person }: { person: Person }) {
  const t = useT();
  const { busy, error, run } = useAction();
  const [done, setDone] = useState(false);
  return (
    <div className="unlock-sign-in">
      <button
        type="button"
        className="button secondary"
        aria-disabled={busy}
        aria-label={t('people.unlock.label', { name: person.firstName })}
        onClick={() => {
          if (busy) return;
          void run(async () => {
            await unlockSignIn(person.id);
            setDone(true);
          });
        }}
      >
        {t('people.unlock.button')}
      </button>
      <p role="status" className="hint">
        {done ? t('people.unlock.done', { name: person.firstName }) : ''}
      </p>
      <ErrorLine inline message={error} />
    </div>
  );
}

/** Disable an account (after a confirmation: the person is signed out everywhere at once) or enable it again. */
function AccountSwitch({ person, onChanged }: { person: Person; onChanged: (p: Person) => void }) {
  const t = useT();
  const { busy, error, run } = useAction();
  const [asking, setAsking] = useState(false);
  const act = (disabled: boolean) => {
    if (busy) return;
    void run(async () => {
      const { person: updated } = await setDisabled(person.id, disabled);
      setAsking(false);
      onChanged(updated);
    });
  };
  return (
    <div className="account-switch">
      {person.disabled && <p className="tag blocked-tag">{t('people.account.disabledTag')}</p>}
      {person.disabled ? (
        <button type="button" className="button secondary" aria-disabled={busy} aria-label={t('people.account.enableLabel', { name: person.firstName })} onClick={() => act(false)}>
          {t('people.account.enable')}
        </button>
      ) : asking ? (
        <div role="group" aria-label={t('people.account.disableQuestion', { name: person.firstName })}>
          <p>
            {t.rich('people.account.disableConfirmText', { name: person.firstName, strong: (chunks) => <strong>{chunks}</strong> })}
          </p>
          <button type="button" className="button primary" aria-disabled={busy} onClick={() => act(true)}>
            {t('people.account.confirmDisable')}
          </button>
          <button type="button" className="button secondary" onClick={() => setAsking(false)}>
            {t('people.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="button secondary" aria-label={t('people.account.disableLabel', { name: person.firstName })} onClick={() => setAsking(true)}>
          {t('people.account.disable')}
        </button>
      )}
      <ErrorLine inline message={error} />
    </div>
  );
}
