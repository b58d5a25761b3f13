import { z } from 'zod';
import { Locale } from '../i18n/locales';
import { PublicProgram } from './program';

/** The roles that take part in the program: members attend, a volunteer can host, staff can do everything. */
export const PARTICIPANT_ROLES = ['member', 'volunteer', 'staff'] as const;
export const ParticipantRole = z.enum(PARTICIPANT_ROLES);
export type ParticipantRole = z.infer<typeof ParticipantRole>;

/**
 * Every role. An auditor takes no part: they read the audit log of staff and host actions and nothing else — no
 * circles, no schedule, no reports, no peer-support requests. Like volunteers and staff, they have no member kind.
 */
export const ROLES = [...PARTICIPANT_ROLES, 'auditor'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Whether a role takes part in circles and peer support (every role but auditor). */
export function isParticipantRole(role: Role): role is ParticipantRole {
  return (PARTICIPANT_ROLES as readonly Role[]).includes(role);
}

/** Only members have a kind. */
export const MEMBER_KINDS = ['lawyer', 'articling_student'] as const;
export const MemberKind = z.enum(MEMBER_KINDS);
export type MemberKind = z.infer<typeof MemberKind>;

export const Email = z.string().trim().toLowerCase().max(254).email();
/** Long passphrases welcome; 1024 caps the hashing work an attacker can demand per request. */
export const Password = z.string().min(10, 'auth.validation.passwordMin').max(1024);
export const FirstName = z.string().trim().min(1).max(60);

export const LoginBody = z.object({ email: Email, password: z.string().min(1).max(1024) }).strict();
export type LoginBody = z.infer<typeof LoginBody>;

export const PublicUser = z.object({
  id: z.string().uuid(),
  email: z.string(),
  firstName: z.string(),
  role: Role,
  memberKind: MemberKind.nullable(),
  /** A lawyer's year of call, when known (early-career circles use it). */
  yearOfCall: z.number().int().nullable(),
  /** The language this person chose; null until they choose (their browser's and the program's default decide). */
  locale: Locale.nullable(),
});
export type PublicUser = z.infer<typeof PublicUser>;

/** GET /api/auth/session — who is signed in (or nobody) plus the CSRF token for state-changing requests. */
export const SessionResponse = z.object({
  user: PublicUser.nullable(),
  csrfToken: z.string(),
  /** This person wears the red mug now: a volunteer whose training and confidentiality undertaking are current. */
  redMug: z.boolean(),
  /** The language this page is in: the person's choice, else the browser's (Accept-Language), else the program's. */
  locale: Locale,
  /** The program, in that language. */
  program: PublicProgram,
});
export type SessionResponse = z.infer<typeof SessionResponse>;

/** A role with its member kind: a member must have one, others must not. */
export const RoleWithKind = z
  .object({ role: Role, memberKind: MemberKind.nullable().default(null) })
  .refine((v) => (v.role === 'member') === (v.memberKind !== null), {
    message: 'auth.validation.memberKind',
    path: ['memberKind'],
  });

export const CreateInviteBody = z
  .object({
    role: Role,
    memberKind: MemberKind.nullable().default(null),
    email: Email.optional(),
  })
  .strict()
  .refine((v) => (v.role === 'member') === (v.memberKind !== null), {
    message: 'auth.validation.memberKind',
    path: ['memberKind'],
  });
export type CreateInviteBody = z.infer<typeof CreateInviteBody>;

/** A new invite: the link to pass on, and when it was made and stops working (both by the server's clock). */
export const InviteResponse = z.object({ token: z.string(), url: z.string(), createdAt: z.string(), expiresAt: z.string() });
export type InviteResponse = z.infer<typeof InviteResponse>;

/**
 * GET /api/auth/invites/:token — whether an invite link can still make an account (and for which role, and
 * whether only one email address may use it), so the page says so before anyone fills the form.
 */
export const InviteStatus = z.discriminatedUnion('usable', [
  z.object({ usable: z.literal(true), role: z.enum(ROLES), memberKind: MemberKind.nullable(), forOneEmail: z.boolean() }),
  z.object({ usable: z.literal(false) }),
]);
export type InviteStatus = z.infer<typeof InviteStatus>;
export const InviteToken = z.object({ token: z.string().min(10).max(200) }).strict();

/** An invite as staff list it: its reference (the hash of its secret, never the link), for whom, by whom, until when. */
export const PendingInvite = z.object({
  id: z.string(),
  role: Role,
  memberKind: MemberKind.nullable(),
  email: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type PendingInvite = z.infer<typeof PendingInvite>;
export const PendingInvitesResponse = z.object({ invites: z.array(PendingInvite) });
export type PendingInvitesResponse = z.infer<typeof PendingInvitesResponse>;
export const InviteRef = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'auth.validation.inviteRef') }).strict();

export const YearOfCall = z.number().int().min(1950).max(2100);

export const AcceptInviteBody = z
  .object({
    token: z.string().min(10).max(200),
    email: Email,
    firstName: FirstName,
    password: Password,
    /** Lawyers may give their year of call; ignored for other kinds. */
    yearOfCall: YearOfCall.nullable().optional(),
  })
  .strict();
export type AcceptInviteBody = z.infer<typeof AcceptInviteBody>;

/** POST /api/auth/password-reset — "Forgot password?": the address of the account, nothing else. */
export const PasswordResetRequestBody = z.object({ email: Email }).strict();
export type PasswordResetRequestBody = z.infer<typeof PasswordResetRequestBody>;

/**
 * The answer to a reset request: the same words whether or not an account uses the address, and whether the link
 * goes by e-mail or through staff, so the answer tells nobody who has an account.
 */
export const PasswordResetRequested = z.object({ message: z.string() });
export type PasswordResetRequested = z.infer<typeof PasswordResetRequested>;

/** The `:token` of GET /api/auth/password-reset/:token. */
export const ResetToken = z.object({ token: z.string().min(10).max(200) }).strict();

/** GET /api/auth/password-reset/:token — whether a reset link still works (it names nobody). */
export const PasswordResetStatus = z.object({ usable: z.boolean() });
export type PasswordResetStatus = z.infer<typeof PasswordResetStatus>;

/** POST /api/auth/password-reset/complete — the link's token and the new password. */
export const CompletePasswordResetBody = z.object({ token: z.string().min(10).max(200), password: Password }).strict();
export type CompletePasswordResetBody = z.infer<typeof CompletePasswordResetBody>;

/** A reset request waiting for staff (no e-mail configured, or the e-mail failed). Staff only. */
export const PendingPasswordReset = z.object({
  userId: z.string().uuid(),
  firstName: z.string(),
  email: z.string(),
  /** ISO 8601 instant of the latest request. */
  requestedAt: z.string(),
});
export type PendingPasswordReset = z.infer<typeof PendingPasswordReset>;

/** GET /api/auth/password-resets — staff: the requests waiting for a link, oldest first. */
export const PendingPasswordResets = z.object({ requests: z.array(PendingPasswordReset) });
export type PendingPasswordResets = z.infer<typeof PendingPasswordResets>;

/** POST /api/auth/password-resets — staff make a reset link for one account, to hand over themselves. */
export const IssuePasswordResetBody = z.object({ userId: z.string().uuid('auth.validation.chooseAccount').transform((s) => s.toLowerCase()) }).strict();
export type IssuePasswordResetBody = z.infer<typeof IssuePasswordResetBody>;

/** A new reset link, shown once to the staff member who made it: single-use, until `expiresAt`. */
export const PasswordResetLink = z.object({ url: z.string(), expiresAt: z.string() });
export type PasswordResetLink = z.infer<typeof PasswordResetLink>;

/** How each member kind reads on screen, in the order of MEMBER_KINDS. */
export const MEMBER_KIND_LABELS: Record<MemberKind, string> = { lawyer: 'Lawyer', articling_student: 'Articling student' };

/** How a person's role reads (the header, the audit log and its CSV). */
export function roleLabelOf(user: { role: Role; memberKind: MemberKind | null }): string {
  switch (user.role) {
    case 'volunteer':
      return 'Peer-support volunteer';
    case 'staff':
      return 'Staff';
    case 'auditor':
      return 'Auditor';
    case 'member':
      // The server gives every member a kind (RoleWithKind); the type allows none, read as a lawyer.
      return MEMBER_KIND_LABELS[user.memberKind ?? 'lawyer'];
  }
}

/** PUT /api/auth/locale — the language to read Red Mug in: stored on the account, or in a cookie when signed out. */
export const SetLocaleBody = z.object({ locale: Locale }).strict();
export type SetLocaleBody = z.infer<typeof SetLocaleBody>;
