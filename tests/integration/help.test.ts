import { afterEach, describe, expect, it } from 'vitest';
import { HelpInfo } from '../../shared/schemas/help';
import { newLiveParticipant } from '../support/liveClient';
import { openCircleNow } from '../support/openCircles';
import { NOVA_SCOTIA_FILE, programEnv } from '../support/program';
import { startTestApp, type TestApp } from '../support/testApp';

/** "Which kind of help fits?": the society's counselling line comes from the program file, for anyone who asks. */
const COUNSELLING = programEnv({
  counselling: {
    phone: '1-877-555-0100',
    hours: { 'en-CA': 'Weekdays 8:30 a.m. to 4:30 p.m., Alberta time', 'fr-CA': 'En semaine, de 8 h 30 à 16 h 30, heure de l’Alberta' },
  },
});

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
    app = await startTestApp({ env: programEnv({ counselling: { phone: '+1 (403) 555-0199' } }) });
    const body = HelpInfo.parse(await (await fetch(`${app.url}/api/help`)).json());
    expect(body.counselling).toEqual({ phone: '+1 (403) 555-0199', tel: '+14035550199', hours: null });
  });

  it("gives the hours in the asker's language", async () => {
    app = await startTestApp({ env: COUNSELLING });
    const res = await fetch(`${app.url}/api/help`, { headers: { 'accept-language': 'fr-CA,fr;q=0.9' } });
    expect(HelpInfo.parse(await res.json()).counselling?.hours).toBe('En semaine, de 8 h 30 à 16 h 30, heure de l’Alberta');
  });

  it("answers in a French-first program's language by default", async () => {
    app = await startTestApp({ env: { PROGRAM_FILE: NOVA_SCOTIA_FILE } });
    expect(HelpInfo.parse(await (await fetch(`${app.url}/api/help`)).json()).counselling).toEqual({
      phone: '1-902-555-0142',
      tel: '19025550142',
      hours: 'en semaine, de 9 h à 17 h, heure de l’Atlantique',
    });
    const en = await fetch(`${app.url}/api/help`, { headers: { 'accept-language': 'en' } });
    expect(HelpInfo.parse(await en.json()).counselling?.hours).toBe('weekdays 9 a.m. to 5 p.m., Atlantic time');
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
