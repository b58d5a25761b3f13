import { useEffect, useRef, useState } from 'react';
import { CopyLink } from '../ui/CopyLink';
import type { PasswordResetLink, PendingPasswordReset } from '../../../shared/schemas/auth';
import { fetchPendingPasswordResets, issuePasswordResetLink } from '../auth/authApi';
import { useT } from '../i18n/useT';
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
  const t = useT();
  const { state, reload } = useLoad(fetchPendingPasswordResets, { keepOnError: true });
  const [made, setMade] = useState<{ person: PendingPasswordReset; link: PasswordResetLink } | null>(null);
  return (
    <section aria-labelledby="resets-heading" className="resets-section">
      <h2 id="resets-heading">{t('people.resets.heading')}</h2>
      <Loaded state={state} loading={t('people.resets.loading')}>
        {({ requests }) =>
          requests.length === 0 ? (
            <p>{t('people.resets.none')}</p>
          ) : (
            <>
              <p className="lede">{t('people.resets.check')}</p>
              <ul className="resets-list" aria-label={t('people.resets.listLabel')}>
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
  const t = useT();
  const { busy, error, run } = useAction();
  const make = () => {
    if (busy) return;
    void run(async () => onMade(await issuePasswordResetLink(request.userId)));
  };
  return (
    <li className="card reset-request">
      <p>
        {t.rich('people.resets.who', { name: request.firstName, email: request.email, strong: (chunks) => <strong>{chunks}</strong> })}
      </p>
      <p className="hint">
        {t.rich('people.resets.asked', {
          when: new Date(request.requestedAt).toLocaleString(t.locale, { dateStyle: 'medium', timeStyle: 'short' }),
          time: (chunks) => <time dateTime={request.requestedAt}>{chunks}</time>,
        })}
      </p>
      <div>
        <button type="button" className="button secondary" aria-disabled={busy} onClick={make}>
          {t('people.resets.make', { name: request.firstName })}
        </button>
      </div>
      <ErrorLine inline message={error} />
    </li>
  );
}

function ResetLink({ firstName, link }: { firstName: string; link: PasswordResetLink }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen-reader users land on the new link.
  useEffect(() => heading.current?.focus(), []);

  return (
    <div className="invite-result" role="region" aria-labelledby="reset-link-heading">
      <h3 id="reset-link-heading" tabIndex={-1} ref={heading}>
        {t('people.resets.linkHeading', { name: firstName })}
      </h3>
      <CopyLink id="reset-link" label={t('people.resets.linkLabel')} url={link.url} copiedText={t('people.resets.copied', { name: firstName })} />
      <p>{t('people.resets.linkNote', { name: firstName, until: new Date(link.expiresAt).toLocaleString(t.locale, { dateStyle: 'full', timeStyle: 'short' }) })}</p>
    </div>
  );
}
