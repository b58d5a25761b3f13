import { useCallback, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Role } from '../../../shared/schemas/auth';
import type { PeopleResponse, Person } from '../../../shared/schemas/people';
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
const ROLE_FILTER_LABELS: Record<Role, string> = {
  member: 'Members',
  volunteer: 'Peer-support volunteers',
  staff: 'Staff',
  auditor: 'Auditors',
};

/**
 * /staff/people — staff look people up, change what someone can do (confirmed first; audited on the server), and
 * invite someone new. Accounts only: nothing here says who came to which circle.
 */
export function PeoplePage() {
  useDocumentTitle('People');
  const me = useStore((s) => s.user);
  if (me?.role !== 'staff') {
    return (
      <>
        <AppHeader />
        <main className="page narrow">
          <h1>People</h1>
          <p>Only staff can see and manage people. If you need a change to your own account, ask staff.</p>
          <p>
            <Link to="/">Go to the home page</Link>
          </p>
        </main>
      </>
    );
  }
  return <StaffPeople myId={me.id} />;
}

function StaffPeople({ myId }: { myId: string }) {
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
        <h1>People</h1>
        <p className="lede">
          Find someone, change their role, or invite someone new. Every role change is recorded in the audit log.
        </p>
        <ReadinessLink />
        <section aria-labelledby="people-find">
          <h2 id="people-find">Find people</h2>
          <form role="search" aria-label="People" className="people-filters" onSubmit={search}>
            <TextField id="people-q" label="Name or email" type="search" value={draftQ} maxLength={100} onChange={setDraftQ} />
            <SelectField
              id="people-role"
              label="Filter by role"
              options={ROLE_FILTER_LABELS}
              emptyLabel="All roles"
              value={filters.role}
              aria-controls="people-table"
              onChange={(role) => setFilters((f) => ({ ...f, role, offset: 0 }))}
            />
            <button type="submit" className="button secondary">
              Search
            </button>
          </form>
          {/* Always present, so screen readers announce each change as its text changes. */}
          <p role="status" className={announcement ? 'success' : undefined}>
            {announcement}
          </p>
          <Loaded state={state} loading="Loading people…">
            {(page) => (
              <PeopleTable
                page={page}
                myId={myId}
                filtered={filters.q.trim() !== '' || filters.role !== ''}
                onChanged={(p) => setAnnouncement(`${p.firstName} is now ${rolePhrase(p)}.`)}
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
  const { people, total, limit, offset } = page;
  const first = people.length ? offset + 1 : 0;
  const last = offset + people.length;
  const summary =
    total === 0
      ? filtered
        ? 'Nobody matches. Try part of a first name or email, or choose All roles.'
        : 'No accounts yet. Invite someone below.'
      : `Showing ${first}–${last} of ${total} ${total === 1 ? 'person' : 'people'}.`;
  return (
    <>
      <p role="status" id="people-count">
        {summary}
      </p>
      {people.length > 0 && (
        <table className="data-table people-table" id="people-table">
          <caption className="visually-hidden">People, sorted by first name</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Year of call</th>
              <th scope="col">Account made</th>
              <th scope="col">Role and sign-in</th>
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
        <nav className="pager" aria-label="Pages of people">
          <button type="button" className="button secondary" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - limit))}>
            Previous {limit}
          </button>
          <button type="button" className="button secondary" disabled={last >= total} onClick={() => onPage(offset + limit)}>
            Next {limit}
          </button>
        </nav>
      )}
    </>
  );
}

function PersonRow({ initial, isMe, onChanged }: { initial: Person; isMe: boolean; onChanged: (p: Person) => void }) {
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
      <td>{ROLE_CHOICES.find((c) => c.value === current)?.label}</td>
      <td>{person.yearOfCall ?? '—'}</td>
      <td>{new Date(person.createdAt).toLocaleDateString()}</td>
      <td>
        {isMe ? (
          <p className="hint">This is you. Another staff member can change your role.</p>
        ) : (
          <>
            <label htmlFor={id} className="visually-hidden">
              Role for {person.firstName} ({person.email})
            </label>
            <select id={id} ref={selectRef} value={pending ?? current} onChange={(e) => choose(e.target.value as RoleChoice)}>
              {ROLE_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
            {target && (
              <div className="role-confirm" role="group" aria-labelledby={`${id}-question`} aria-describedby={`${id}-note`}>
                <p id={`${id}-question`}>
                  <strong>
                    Make {person.firstName} {rolePhrase(target)}?
                  </strong>
                </p>
                <p id={`${id}-note`} className="hint">
                  {consequenceOf(person.role, target.role)}
                </p>
                <div className="actions">
                  <button type="button" className="button primary" aria-disabled={busy} onClick={() => void confirm()}>
                    Confirm change
                  </button>
                  <button type="button" className="button secondary" aria-disabled={busy} onClick={() => busy || cancel()}>
                    Cancel
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
  const { busy, error, run } = useAction();
  const [done, setDone] = useState(false);
  return (
    <div className="unlock-sign-in">
      <button
        type="button"
        className="button secondary"
        aria-disabled={busy}
        aria-label={`Unlock sign-in for ${person.firstName}`}
        onClick={() => {
          if (busy) return;
          void run(async () => {
            await unlockSignIn(person.id);
            setDone(true);
          });
        }}
      >
        Unlock sign-in
      </button>
      <p role="status" className="hint">
        {done ? `${person.firstName} can sign in again.` : ''}
      </p>
      <ErrorLine inline message={error} />
    </div>
  );
}

/** Disable an account (after a confirmation: the person is signed out everywhere at once) or enable it again. */
function AccountSwitch({ person, onChanged }: { person: Person; onChanged: (p: Person) => void }) {
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
      {person.disabled && <p className="tag blocked-tag">Disabled</p>}
      {person.disabled ? (
        <button type="button" className="button secondary" aria-disabled={busy} aria-label={`Enable account for ${person.firstName}`} onClick={() => act(false)}>
          Enable account
        </button>
      ) : asking ? (
        <div role="group" aria-label={`Disable ${person.firstName}'s account?`}>
          <p>
            <strong>Disable {person.firstName}&apos;s account?</strong> They are signed out everywhere at once and cannot sign in until enabled.
          </p>
          <button type="button" className="button primary" aria-disabled={busy} onClick={() => act(true)}>
            Confirm disabling
          </button>
          <button type="button" className="button secondary" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" className="button secondary" aria-label={`Disable account for ${person.firstName}`} onClick={() => setAsking(true)}>
          Disable account
        </button>
      )}
      <ErrorLine inline message={error} />
    </div>
  );
}
