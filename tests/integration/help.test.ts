import { afterEach, describe, expect, it } from 'vitest';
import { HelpInfo } from '../../shared/schemas/help';
import { newLiveParticipant } from '../support/liveClient';
import { openCircleNow } from '../support/openCircles';
import { startTestApp, type TestApp } from '../support/testApp';

/** "Which kind of help fits?": the society's counselling line comes from configuration, for anyone who asks. */
const COUNSELLING = { COUNSELLING_PHONE: '1-877-555-0100', COUNSELLING_HOURS: 'Weekdays 8:30 a.m. to 4:30 p.m., Alberta time' };

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('GET /api/help', () => {
  it('gives the configured intake line and hours to someone not signed in, with a number a phone can dial', async () => {
    app = await startTestApp({ env: COUNSELLING });
    // No cookies, no CSRF token: a person who cannot sign in may need this most.
    const res = await fetch(`${app.url}/api/help`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = HelpInfo.parse(await res.json());
    expect(body).toEqual({
      counselling: { phone: '1-877-555-0100', tel: '18775550100', hours: 'Weekdays 8:30 a.m. to 4:30 p.m., Alberta time' },
    });
  });

  it('keeps a leading + in the dialled number', async () => {
    app = await startTestApp({ env: { COUNSELLING_PHONE: '+1 (403) 555-0199' } });
    const body = HelpInfo.parse(await (await fetch(`${app.url}/api/help`)).json());
    expect(body.counselling).toEqual({ phone: '+1 (403) 555-0199', tel: '+14035550199', hours: null });
  });

  it('says there is no configured line rather than invent one', async () => {
    app = await startTestApp();
    const body = HelpInfo.parse(await (await fetch(`${app.url}/api/help`)).json());
    expect(body.counselling).toBeNull();
  });
});

describe('the circle panel names the same line', () => {
  it("a live circle's crisis text carries the configured intake number and hours next to 9-8-8", async () => {
    app = await startTestApp({ env: COUNSELLING, now: 'real' });
    const sessionId = await openCircleNow(app.db, 'help-circle');
    const person = await newLiveParticipant(app.db, app.url, sessionId, 'Robin', 'member');
    try {
      expect(person.snapshot.crisisText).toContain('9-8-8');
      expect(person.snapshot.crisisText).toContain('1-877-555-0100 (Weekdays 8:30 a.m. to 4:30 p.m., Alberta time)');
    } finally {
      person.socket.disconnect();
    }
  });
});
