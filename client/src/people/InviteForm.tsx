import { useEffect, useRef, useState, type FormEvent } from 'react';
import { type InviteResponse, type MemberKind, type Role } from '../../../shared/schemas/auth';
import { CopyLink } from '../ui/CopyLink';
import { ErrorLine } from '../ui/ErrorLine';
import { memberKindLabels } from '../ui/memberKindLabel';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { useAction } from '../ui/useAction';
import { createInvite } from './peopleApi';
import { rolePhrase, validFor } from './roleChoices';

const ROLE_OPTIONS: Record<Role, string> = {
  member: 'Member (a lawyer or an articling student)',
  volunteer: 'Peer-support volunteer (red mug)',
  staff: 'Staff',
  auditor: 'Auditor (reads the audit log only)',
};

const EMAIL_HINT = 'Only this address will be able to use the link. Leave it empty and anyone who has the link can use it, once.';

interface Made {
  invite: InviteResponse;
  role: Role;
  memberKind: MemberKind | null;
  email: string;
}

/** Staff make a single-use invite link for a role and pass it on themselves: Red Mug does not send it. */
export function InviteForm({ onMade }: { onMade?: () => void } = {}) {
  const [role, setRole] = useState<Role>('member');
  const [kind, setKind] = useState<MemberKind | ''>('');
  const [email, setEmail] = useState('');
  const [made, setMade] = useState<Made | null>(null);
  const [kindMissing, setKindMissing] = useState(false);
  const kindSelect = useRef<HTMLSelectElement>(null);
  const { busy, error, fields, run, setError } = useAction();
  const kindError = kindMissing ? 'Choose whether they are a lawyer or an articling student.' : fields.memberKind;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (role === 'member' && !kind) {
      setKindMissing(true);
      setError('Choose whether the new member is a lawyer or an articling student, then create the link again.');
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
      <h2 id="invite-heading">Invite someone</h2>
      <p className="hint">
        The link lets one person make their own account in the role you choose. Red Mug does not send it: copy it and
        send it to them yourself.
      </p>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorLine message={error} />
        <SelectField id="invite-role" label="Role" options={ROLE_OPTIONS} value={role} onChange={setRole} error={fields.role} />
        {role === 'member' && (
          <SelectField
            id="invite-kind"
            label="Member kind"
            ref={kindSelect}
            options={memberKindLabels()}
            emptyLabel="Choose…"
            value={kind}
            required
            onChange={(k) => {
              setKind(k);
              setKindMissing(false);
            }}
            error={kindError}
          />
        )}
        <TextField id="invite-email" label="Email (optional)" type="email" autoComplete="off" value={email} onChange={setEmail} hint={EMAIL_HINT} error={fields.email} />
        <div>
          <button type="submit" className="button primary" disabled={busy}>
            Create invite link
          </button>
        </div>
      </form>
      {made && <InviteResult key={made.invite.token} made={made} />}
    </section>
  );
}

function InviteResult({ made }: { made: Made }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen-reader users land on the new link rather than back at the top of the form.
  useEffect(() => heading.current?.focus(), []);
  const expires = new Date(made.invite.expiresAt);

  return (
    <div className="invite-result" aria-labelledby="invite-result-heading" role="region">
      <h3 id="invite-result-heading" tabIndex={-1} ref={heading}>
        Invite link for {rolePhrase({ role: made.role, memberKind: made.memberKind })}
      </h3>
      <CopyLink id="invite-link" label="Invite link" url={made.invite.url} copiedText="Copied. Paste the link into a message to the person." />
      <p id="invite-validity">
        It works once and is valid for {validFor(expires, new Date(made.invite.createdAt))}, until{' '}
        {expires.toLocaleString(undefined, { dateStyle: 'full', timeStyle: 'short' })}.
        {made.email ? ` Only ${made.email} can use it.` : ' Anyone with the link can use it, so send it only to the person you mean.'} After
        that, make a new one here.
      </p>
    </div>
  );
}
