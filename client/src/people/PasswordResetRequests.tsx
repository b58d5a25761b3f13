import { useEffect, useRef, useState } from 'react';
import { CopyLink } from '../ui/CopyLink';
import type { PasswordResetLink, PendingPasswordReset } from '../../../shared/schemas/auth';
import { fetchPendingPasswordResets, issuePasswordResetLink } from '../auth/authApi';
import { ErrorLine } from '../ui/ErrorLine';
import { Loaded } from '../ui/Loaded';
import { useAction } from '../ui/useAction';
import { useLoad } from '../ui/useLoad';

/**
 * People who asked for a new password while no e-mail could take them the link ("Forgot password?" without SMTP,
 * or a failed e-mail). Staff make the link here and hand it over themselves, after checking it is really the
 * person; making one is recorded in the audit log.
 */
export function PasswordResetRequests() {
  const { state, reload } = useLoad(fetchPendingPasswordResets, { keepOnError: true });
  const [made, setMade] = useState<{ person: PendingPasswordReset; link: PasswordResetLink } | null>(null);
  return (
    <section aria-labelledby="resets-heading" className="resets-section">
      <h2 id="resets-heading">Password reset requests</h2>
      <Loaded state={state} loading="Loading reset requests…">
        {({ requests }) =>
          requests.length === 0 ? (
            <p>Nobody is waiting for a password reset link.</p>
          ) : (
            <>
              <p className="lede">
                Check that it is really the person (call them, or write from an address you know) before you give them the link.
              </p>
              <ul className="resets-list" aria-label="Waiting for a reset link">
                {requests.map((r) => (
                  <ResetRequest
                    key={r.userId}
                    request={r}
                    onMade={(link) => {
                      setMade({ person: r, link });
                      reload();
                    }}
                  />
                ))}
              </ul>
            </>
          )
        }
      </Loaded>
      {made && <ResetLink key={made.link.url} firstName={made.person.firstName} link={made.link} />}
    </section>
  );
}

function ResetRequest({ request, onMade }: { request: PendingPasswordReset; onMade: (link: PasswordResetLink) => void }) {
  const { busy, error, run } = useAction();
  const make = () => {
    if (busy) return;
    void run(async () => onMade(await issuePasswordResetLink(request.userId)));
  };
  return (
    <li className="card reset-request">
      <p>
        <strong>{request.firstName}</strong> · {request.email}
      </p>
      <p className="hint">
        Asked <time dateTime={request.requestedAt}>{new Date(request.requestedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}</time>
      </p>
      <div>
        <button type="button" className="button secondary" aria-disabled={busy} onClick={make}>
          Make a reset link for {request.firstName}
        </button>
      </div>
      <ErrorLine inline message={error} />
    </li>
  );
}

function ResetLink({ firstName, link }: { firstName: string; link: PasswordResetLink }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen-reader users land on the new link.
  useEffect(() => heading.current?.focus(), []);

  return (
    <div className="invite-result" role="region" aria-labelledby="reset-link-heading">
      <h3 id="reset-link-heading" tabIndex={-1} ref={heading}>
        Reset link for {firstName}
      </h3>
      <CopyLink id="reset-link" label="Reset link" url={link.url} copiedText={`Copied. Give the link to ${firstName} yourself.`} />
      <p>
        It works once, until {new Date(link.expiresAt).toLocaleString(undefined, { dateStyle: 'full', timeStyle: 'short' })}. It is shown only
        now: if it is lost, make a new one. Using it signs {firstName} out everywhere.
      </p>
    </div>
  );
}
