import { useCallback, useEffect, useState } from 'react';
import type { PendingInvite } from '../../../shared/schemas/auth';
import { useT } from '../i18n/useT';
import { ErrorLine } from '../ui/ErrorLine';
import { roleLabel } from '../ui/roleLabel';
import { Loaded } from '../ui/Loaded';
import { useAction } from '../ui/useAction';
import { useLoad } from '../ui/useLoad';
import { fetchPendingInvites, revokeInvite } from './peopleApi';

/** Invites not yet used: for whom, by whom, until when, and a way to take one back (its link stops at once). */
export function PendingInvites({ version }: { version: number }) {
  const t = useT();
  const { state, reload } = useLoad(useCallback(() => fetchPendingInvites(), []));
  // `version` changes when an invite is made on this page: the list is asked again.
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  const [said, setSaid] = useState('');
  return (
    <section className="card" aria-labelledby="pending-invites-heading">
      <h2 id="pending-invites-heading">{t('people.pending.heading')}</h2>
      <p role="status" className="hint">
        {said}
      </p>
      <Loaded state={state}>
        {({ invites }) =>
          invites.length === 0 ? (
            <p>{t('people.pending.none')}</p>
          ) : (
            <ul className="pending-invites">
              {invites.map((i) => (
                <InviteRow key={i.id} invite={i} onRevoked={() => {
                    setSaid(t('people.pending.revoked'));
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
  const t = useT();
  const { busy, error, run } = useAction();
  const what = roleLabel(invite);
  const forWhom = invite.email ?? t('people.pending.anyone');
  const made = new Date(invite.createdAt).toLocaleDateString(t.locale);
  const until = new Date(invite.expiresAt).toLocaleDateString(t.locale);
  return (
    <li>
      <p>
        {t.rich(invite.createdByName ? 'people.pending.rowBy' : 'people.pending.row', {
          what,
          forWhom,
          by: invite.createdByName,
          made,
          until,
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
      <button
        type="button"
        className="button secondary"
        aria-disabled={busy}
        aria-label={t('people.pending.revokeLabel', { what, forWhom })}
        onClick={() => {
          if (busy) return;
          void run(async () => {
            await revokeInvite(invite.id);
            onRevoked();
          });
        }}
      >
        {t('people.pending.revoke')}
      </button>
      <ErrorLine inline message={error} />
    </li>
  );
}
