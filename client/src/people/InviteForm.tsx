import { useEffect, useRef, useState, type FormEvent } from 'react';
import { type InviteResponse, type MemberKind, type Role } from '../../../shared/schemas/auth';
import type { MessageId } from '../../../shared/i18n/catalog';
import { useT } from '../i18n/useT';
import { CopyLink } from '../ui/CopyLink';
import { ErrorLine } from '../ui/ErrorLine';
import { memberKindLabels } from '../ui/memberKindLabel';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { useAction } from '../ui/useAction';
import { createInvite } from './peopleApi';
import { rolePhrase, validFor } from './roleChoices';

const ROLE_OPTIONS: Record<Role, MessageId> = {
  member: 'people.invite.role.member',
  volunteer: 'people.invite.role.volunteer',
  staff: 'people.invite.role.staff',
  auditor: 'people.invite.role.auditor',
};

interface Made {
  invite: InviteResponse;
  role: Role;
  memberKind: MemberKind | null;
  email: string;
}

/** Staff make a single-use invite link for a role and pass it on themselves: Red Mug does not send it. */
export function InviteForm({ onMade }: { onMade?: () => void } = {}) {
  const t = useT();
  const [role, setRole] = useState<Role>('member');
  const [kind, setKind] = useState<MemberKind | ''>('');
  const [email, setEmail] = useState('');
  const [made, setMade] = useState<Made | null>(null);
  const [kindMissing, setKindMissing] = useState(false);
  const kindSelect = useRef<HTMLSelectElement>(null);
  const { busy, error, fields, run, setError } = useAction();
  const kindError = kindMissing ? t('people.invite.kindMissing') : fields.memberKind;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (role === 'member' && !kind) {
      setKindMissing(true);
      setError(t('people.invite.kindMissingForm'));
      kindSelect.current?.focus();
      return;
    }
    const memberKind = role === 'member' ? (kind as MemberKind) : null;
    const trimmed = email.trim();
    await run(async () => {
      const invite = await createInvite({ role, memberKind, ...(trimmed ? { email: trimmed } : {}) });
      setMade({ invite, role, memberKind, email: trimmed.toLowerCase() });
      onMade?.();
      setEmail('');
    });
  }

  return (
    <section className="invite-section card" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('people.invite.heading')}</h2>
      <p className="hint">{t('people.invite.hint')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorLine message={error} />
        <SelectField id="invite-role" label={t('people.invite.roleLabel')} options={labelled(t, ROLE_OPTIONS)} value={role} onChange={setRole} error={fields.role} />
        {role === 'member' && (
          <SelectField
            id="invite-kind"
            label={t('people.invite.kindLabel')}
            ref={kindSelect}
            options={memberKindLabels(t)}
            emptyLabel={t('people.invite.choose')}
            value={kind}
            required
            onChange={(k) => {
              setKind(k);
              setKindMissing(false);
            }}
            error={kindError}
          />
        )}
        <TextField id="invite-email" label={t('people.invite.emailLabel')} type="email" autoComplete="off" value={email} onChange={setEmail} hint={t('people.invite.emailHint')} error={fields.email} />
        <div>
          <button type="submit" className="button primary" disabled={busy}>
            {t('people.invite.submit')}
          </button>
        </div>
      </form>
      {made && <InviteResult key={made.invite.token} made={made} />}
    </section>
  );
}

function InviteResult({ made }: { made: Made }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen-reader users land on the new link rather than back at the top of the form.
  useEffect(() => heading.current?.focus(), []);
  const expires = new Date(made.invite.expiresAt);

  return (
    <div className="invite-result" aria-labelledby="invite-result-heading" role="region">
      <h3 id="invite-result-heading" tabIndex={-1} ref={heading}>
        {t('people.invite.resultHeading', { role: rolePhrase(t, { role: made.role, memberKind: made.memberKind }) })}
      </h3>
      <CopyLink id="invite-link" label={t('people.invite.linkLabel')} url={made.invite.url} copiedText={t('people.invite.copied')} />
      <p id="invite-validity">
        {[
          t('people.invite.validity', {
            validFor: validFor(t, expires, new Date(made.invite.createdAt)),
            until: expires.toLocaleString(t.locale, { dateStyle: 'full', timeStyle: 'short' }),
          }),
          made.email ? t('people.invite.onlyEmail', { email: made.email }) : t('people.invite.anyone'),
          t('people.invite.after'),
        ].join(' ')}
      </p>
    </div>
  );
}

/** A table of catalog ids as the words a select shows, in the page's language. */
function labelled<K extends string>(t: (id: MessageId) => string, ids: Record<K, MessageId>): Record<K, string> {
  return Object.fromEntries(Object.entries<MessageId>(ids).map(([k, id]) => [k, t(id)])) as Record<K, string>;
}
