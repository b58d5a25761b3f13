import type { PublicUser } from '../../../shared/schemas/auth';
import type { ChangeRoleBody, PeopleQuery, PeopleResponse, Person } from '../../../shared/schemas/people';
import { record } from '../audit/audit.repository';
import type { Clock } from '../clock';
import { AppError } from '../http/errors';
import type { Db } from '../store/db';
import { peopleRepository } from './people.repository';

export type PeopleService = ReturnType<typeof createPeopleService>;

const unknownPerson = () =>
  new AppError(404, 'NOT_FOUND', 'people.error.unknownAccount');

/** Staff manage accounts: look people up, and change a person's role (every change audited). */
export function createPeopleService(deps: { db: Db; clock: Clock; unlockSignIn?: (email: string) => Promise<void> }) {
  return {
    /**
     * Disables an account (or enables it again): it cannot sign in, its sessions end at once (the caller closes
     * its sockets and takes it out of LiveKit), and the change is audited with ids only. Not one's own account,
     * nor the last staff account that can still sign in.
     */
    async setDisabled(actor: PublicUser, id: string, disabled: boolean): Promise<Person> {
      if (id === actor.id) throw new AppError(409, 'CONFLICT', 'people.error.disableSelf');
      return deps.db.transaction(async (tx) => {
        const repo = peopleRepository(tx);
        const locked = await repo.lockStaffAnd(id);
        const target = locked.find((r) => r.id === id);
        if (!target) throw unknownPerson();
        if (disabled && target.role === 'staff') {
          const others = await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE role = 'staff' AND id <> $1 AND disabled_at IS NULL", [id]);
          if ((others[0]?.n ?? 0) === 0) throw new AppError(409, 'CONFLICT', 'people.error.lastStaffEnabled');
        }
        await tx.query('UPDATE users SET disabled_at = $2 WHERE id = $1', [id, disabled ? deps.clock.now() : null]);
        if (disabled) await tx.query('DELETE FROM auth_sessions WHERE user_id = $1', [id]);
        await record(tx, { actorId: actor.id, action: disabled ? 'user.disable' : 'user.enable', targetType: 'user', targetId: id, at: deps.clock.now() });
        const person = await repo.byId(id);
        if (!person) throw unknownPerson();
        return person;
      });
    },

    /** Lifts a lock on an account's sign-in (after many failures from anywhere), audited with ids only. */
    async unlockSignIn(actor: PublicUser, id: string): Promise<void> {
      const rows = await deps.db.query<{ email: string }>('SELECT email FROM users WHERE id = $1', [id]);
      if (!rows[0]) throw unknownPerson();
      await deps.unlockSignIn?.(rows[0].email);
      await record(deps.db, { actorId: actor.id, action: 'user.sign_in_unlock', targetType: 'user', targetId: id, at: deps.clock.now() });
    },

    async list(q: PeopleQuery): Promise<PeopleResponse> {
      const { people, total } = await peopleRepository(deps.db).list(q);
      return { people, total, limit: q.limit, offset: q.offset };
    },

    /**
     * Gives `id` a new role (and member kind). Refused for one's own account, and for the last staff account, so
     * the program can never be left without anyone who can manage it. `changed` is false when the person already
     * had that role and kind: nothing is written or audited then.
     */
    async changeRole(actor: PublicUser, id: string, body: ChangeRoleBody): Promise<{ person: Person; changed: boolean }> {
      if (id === actor.id) {
        throw new AppError(409, 'CONFLICT', 'people.error.ownRole');
      }
      return deps.db.transaction(async (tx) => {
        const repo = peopleRepository(tx);
        const locked = await repo.lockStaffAnd(id);
        const target = locked.find((r) => r.id === id);
        if (!target) throw unknownPerson();
        const otherStaff = locked.filter((r) => r.role === 'staff' && r.id !== id);
        if (target.role === 'staff' && body.role !== 'staff' && otherStaff.length === 0) {
          throw new AppError(409, 'CONFLICT', 'people.error.lastStaff');
        }
        // Checked again under the lock: a staff member demoted a moment ago by someone else acts no more.
        if (!otherStaff.some((r) => r.id === actor.id)) {
          throw new AppError(403, 'FORBIDDEN', 'people.error.noLongerStaff');
        }
        const changed = target.role !== body.role || target.member_kind !== body.memberKind;
        // Writing the same role again is harmless and returns the row as it is.
        const person = await repo.setRole(id, body.role, body.memberKind);
        if (!person) throw unknownPerson();
        // Only ids and a fixed action name: never the person's name, email, or which role they had.
        if (changed) await record(tx, { actorId: actor.id, action: 'user.role_change', targetType: 'user', targetId: id, at: deps.clock.now() });
        return { person, changed };
      });
    },
  };
}
