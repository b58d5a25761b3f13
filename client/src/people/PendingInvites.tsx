import { useCallback, useEffect, useState } from 'react';
import type { PendingInvite } from '../../../shared/schemas/auth';
import { ErrorLine } from '../ui/ErrorLine';
import { roleLabel } from '../ui/roleLabel';
import { Loaded } from '../ui/Loaded';
import { useAction } from '../ui/useAction';
import { useLoad } from '../ui/useLoad';
import { fetchPendingInvites, revokeInvite } from './peopleApi';

/** Invites not yet used: for whom, by whom, until when, and a way to take one back (its link stops at once). */
export function PendingInvites({ version }: { version: number }) {
  const { state, reload } = useLoad(useCallback(() => fetchPendingInvites(), []));
  // `version` changes when an invite is made on this page: the list is asked again.
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  const [said, setSaid] = useState('');
  return (
    <section className="card" aria-labelledby="pending-invites-heading">
      <h2 id="pending-invites-heading">Invites not yet used</h2>
      <p role="status" className="hint">
        {said}
      </p>
      <Loaded state={state}>
        {({ invites }) =>
          invites.length === 0 ? (
            <p>No invite is waiting to be used.</p>
          ) : (
            <ul className="pending-invites">
              {invites.map((i) => (
                <InviteRow key={i.id} invite={i} onRevoked={() => {
                    setSaid('The invite was revoked: its link no longer works.');
                    reload();
                  }} />
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

function InviteRow({ invite, onRevoked }: { invite: PendingInvite; onRevoked: () => void }) {
  const { busy, error, run } = useAction();
  const what = roleLabel(invite);
  const forWhom = invite.email ?? 'anyone with the link';
  return (
    <li>
      <p>
        <strong>{what}</strong>, for {forWhom}. Made {invite.createdByName ? `by ${invite.createdByName} ` : ''}on{' '}
        {new Date(invite.createdAt).toLocaleDateString()}; works until {new Date(invite.expiresAt).toLocaleDateString()}.
      </p>
      <button
        type="button"
        className="button secondary"
        aria-disabled={busy}
        aria-label={`Revoke invite: ${what}, for ${forWhom}`}
        onClick={() => {
          if (busy) return;
          void run(async () => {
            await revokeInvite(invite.id);
            onRevoked();
          });
        }}
      >
        Revoke invite
      </button>
      <ErrorLine inline message={error} />
    </li>
  );
}
