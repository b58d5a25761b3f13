import { z } from 'zod';
import { MemberKind, Role, RoleWithKind } from './auth';

/** The most people one page of `GET /api/people` returns; the default is smaller. */
export const PEOPLE_PAGE_MAX = 100;
export const PEOPLE_PAGE_DEFAULT = 50;

/**
 * GET /api/people?role=&q=&limit=&offset= — staff look people up by role and by a piece of their first name or
 * email (case-insensitive). Results come sorted by first name, then email.
 */
export const PeopleQuery = z
  .object({
    role: Role.optional(),
    /** Matched anywhere in the first name or email; empty means everyone. */
    q: z.string().trim().max(100, 'people.validation.searchMax').optional(),
    limit: z.coerce.number().int().min(1).max(PEOPLE_PAGE_MAX).default(PEOPLE_PAGE_DEFAULT),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export type PeopleQuery = z.infer<typeof PeopleQuery>;

/**
 * One account as staff see it in the People list: who they are and in what role — never which circles they went
 * to or what support they asked for.
 */
export const Person = z.object({
  id: z.string().uuid(),
  firstName: z.string(),
  email: z.string(),
  role: Role,
  memberKind: MemberKind.nullable(),
  yearOfCall: z.number().int().nullable(),
  /** ISO 8601 instant the account was made. */
  createdAt: z.string(),
  /** Staff turned the account off: it cannot sign in. */
  disabled: z.boolean(),
});
export type Person = z.infer<typeof Person>;

/** One page of people; `total` counts every match of the filters, so the client can say "21–40 of 57". */
export const PeopleResponse = z.object({
  people: z.array(Person),
  total: z.number().int().min(0),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type PeopleResponse = z.infer<typeof PeopleResponse>;

/**
 * PATCH /api/people/:id/role — the new role and member kind: a member needs a kind, every other role has none.
 * Nothing else may come along (a name or email change is not a role change).
 */
export const ChangeRoleBody = RoleWithKind.strict();
export type ChangeRoleBody = z.infer<typeof ChangeRoleBody>;

/** The person as they are after the change. */
export const ChangeRoleResponse = z.object({ person: Person });
export type ChangeRoleResponse = z.infer<typeof ChangeRoleResponse>;

/**
 * The `:id` of a people route: anything that is not a UUID cannot name an account (404, not a database error).
 * Lower-cased, as the store writes UUIDs, so an upper-case spelling names the same account.
 */
export const PersonId = z
  .string()
  .uuid()
  .transform((s) => s.toLowerCase());

/** POST /api/people/:id/unlock-sign-in */
export const UnlockSignInResponse = z.object({ ok: z.literal(true) });

/** POST /api/people/:id/disabled */
export const SetDisabledBody = z.object({ disabled: z.boolean() }).strict();
export type SetDisabledBody = z.infer<typeof SetDisabledBody>;
