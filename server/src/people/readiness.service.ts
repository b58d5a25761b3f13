import type { PublicUser } from '../../../shared/schemas/auth';
import type { OwnReadinessResponse, ReadinessListResponse, SetReadinessBody, VolunteerReadinessRow } from '../../../shared/schemas/readiness';
import { record } from '../audit/audit.repository';
import type { Clock } from '../clock';
import { AppError } from '../http/errors';
import type { Db } from '../store/db';
import { readinessToday, volunteerReadiness, volunteersReadiness } from './readiness';

export type ReadinessService = ReturnType<typeof createReadinessService>;

const unknownPerson = () => new AppError(404, 'NOT_FOUND', 'people.readiness.error.unknownAccount');

/** Which need staff first: nothing on record or lapsed, then due soonest, then the rest by name. */
function urgency(r: VolunteerReadinessRow): number {
  if (!r.readiness.current) return 0;
  return r.readiness.training.state === 'due' || r.readiness.undertaking.state === 'due' ? 1 : 2;
}

/**
 * Staff record each volunteer's peer-support training and signed confidentiality undertaking (or withdraw one, which
 * lapses it at once); every change is audited with ids only. A volunteer reads their own.
 */
export function createReadinessService(deps: {
  db: Db;
  clock: Clock;
  /** The program's zone: a date counts by its calendar day there, and "today" is its today. */
  zone: string;
}) {
  const { zone } = deps;
  return {
    async list(): Promise<ReadinessListResponse> {
      const now = deps.clock.now();
      const people = await deps.db.query<{ id: string; first_name: string }>(
        `SELECT id::text AS id, first_name FROM users WHERE role = 'volunteer' AND disabled_at IS NULL ORDER BY first_name, id`,
      );
      const readiness = await volunteersReadiness(deps.db, people.map((p) => p.id), now, zone);
      const volunteers = people.map((p) => ({ userId: p.id, firstName: p.first_name, readiness: readiness.get(p.id)! }));
      volunteers.sort((a, b) => urgency(a) - urgency(b) || (urgency(a) === 1 ? (a.readiness.validUntil ?? '').localeCompare(b.readiness.validUntil ?? '') : 0));
      return { volunteers, today: readinessToday(now, zone) };
    },

    async own(user: PublicUser): Promise<OwnReadinessResponse> {
      const now = deps.clock.now();
      return { readiness: await volunteerReadiness(deps.db, user.id, now, zone), today: readinessToday(now, zone) };
    },

    /**
     * Records (a date) or withdraws (null) either item for a volunteer account; an item left out stays. Refused for
     * an account that is not a volunteer, and for a date after today (in the program's zone).
     */
    async record(actor: PublicUser, id: string, body: SetReadinessBody): Promise<VolunteerReadinessRow> {
      const now = deps.clock.now();
      const today = readinessToday(now, zone);
      const future = (['trainingCompletedOn', 'undertakingSignedOn'] as const).filter((k) => (body[k] ?? '') > today);
      if (future.length > 0) {
        throw new AppError(400, 'VALIDATION_FAILED', { id: 'people.readiness.error.futureDate', values: { path: future[0], today } }, {
          details: future.map((path) => ({ path, message: 'people.readiness.validation.notAfterToday' })),
        });
      }
      return deps.db.transaction(async (tx) => {
        const rows = await tx.query<{ id: string; first_name: string; role: string }>('SELECT id::text AS id, first_name, role FROM users WHERE id = $1 FOR UPDATE', [id]);
        const target = rows[0];
        if (!target) throw unknownPerson();
        if (target.role !== 'volunteer') {
          throw new AppError(409, 'CONFLICT', 'people.readiness.error.notAVolunteer');
        }
        const set = (v: string | null | undefined) => (v === undefined ? 'keep' : v);
        const t = set(body.trainingCompletedOn);
        const u = set(body.undertakingSignedOn);
        await tx.query(
          `INSERT INTO volunteer_readiness (user_id, training_completed_on, undertaking_signed_on, updated_at, updated_by)
             VALUES ($1, $2::date, $3::date, $4, $5)
           ON CONFLICT (user_id) DO UPDATE SET
             training_completed_on = CASE WHEN $6 THEN volunteer_readiness.training_completed_on ELSE EXCLUDED.training_completed_on END,
             undertaking_signed_on = CASE WHEN $7 THEN volunteer_readiness.undertaking_signed_on ELSE EXCLUDED.undertaking_signed_on END,
             updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
          [id, t === 'keep' ? null : t, u === 'keep' ? null : u, now, actor.id, t === 'keep', u === 'keep'],
        );
        const recorded = [t, u].some((v) => v !== 'keep' && v !== null);
        const withdrawn = [t, u].some((v) => v === null);
        if (recorded) await record(tx, { actorId: actor.id, action: 'readiness.record', targetType: 'user', targetId: id, at: now });
        if (withdrawn) await record(tx, { actorId: actor.id, action: 'readiness.withdraw', targetType: 'user', targetId: id, at: now });
        return { userId: id, firstName: target.first_name, readiness: await volunteerReadiness(tx, id, now, zone) };
      });
    },
  };
}
