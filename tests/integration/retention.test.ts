import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supportRequestsRepository } from '../../server/src/live/supportRequests.repository';
import { openDb } from '../../server/src/store/db';
import { freshPostgresDatabase } from '../support/postgres';
import { IN_WINDOW, startTestApp, type TestApp } from '../support/testApp';
import { createPeople, type People } from '../support/users';

/**
 * Issue #15, item 5: a support request keeps no link between the person and the circle or its time once staff have
 * it, and at most 30 days; only a monthly count stays. (Attendance retention: `attendance.test.ts`.)
 */
describe.each(['pglite', 'postgres'] as const)('support requests that forget (%s)', (engine) => {
  let app: TestApp;
  let people: People;

  beforeAll(async () => {
    const db = engine === 'postgres' ? await openDb({ databaseUrl: await freshPostgresDatabase() }) : undefined;
    app = await startTestApp({ db, now: IN_WINDOW });
    people = await createPeople(app);
  });
  afterAll(async () => {
    await app.close();
    if (engine === 'postgres') await app.db.close();
  });

  const totals = () =>
    app.db.query<{ month: string; from_circle: boolean; outcome: string; requests: number }>(
      "SELECT to_char(month, 'YYYY-MM-DD') AS month, from_circle, outcome, requests FROM support_request_totals ORDER BY outcome, from_circle",
    );

  it('deletes a handled request at once and one left open after 30 days, keeping only monthly counts', async () => {
    const repo = supportRequestsRepository(app.db);
    const handled = await repo.create(people.lawyer.id, true, new Date('2026-11-30T18:10:00Z'));
    await repo.create(people.student.id, true, new Date('2026-11-30T18:12:00Z'));
    await repo.create(people.volunteer.id, false, new Date('2026-11-02T09:00:00Z'));
    expect(await repo.handle(handled.id)).toBe(true);
    expect(await repo.handle(handled.id)).toBe(false);
    expect((await repo.open()).map((r) => r.firstName).sort()).toEqual(['Sam', 'Val']);

    // 29 days on, nothing else goes; past 30 days from asking, both open requests go, counted as expired.
    app.clock.set('2026-12-01T10:00:00Z');
    expect(await app.services.support.applyRetention()).toBe(0);
    app.clock.set('2026-12-31T18:13:00Z');
    expect(await app.services.support.applyRetention()).toBe(2);
    app.clock.set(IN_WINDOW);

    expect(await app.db.query('SELECT * FROM contact_requests')).toEqual([]);
    expect(await totals()).toEqual([
      { month: '2026-11-01', from_circle: false, outcome: 'expired', requests: 1 },
      { month: '2026-11-01', from_circle: true, outcome: 'expired', requests: 1 },
      { month: '2026-11-01', from_circle: true, outcome: 'handled', requests: 1 },
    ]);
    // Nothing left names anyone.
    const text = JSON.stringify(await totals());
    for (const p of [people.lawyer, people.student, people.volunteer]) for (const n of [p.id, p.email, p.firstName]) expect(text).not.toContain(n);
  });
});
