import { DateTime } from 'luxon';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/axe';
import { signInThroughUi } from '../support/circlePages';
import { e2eSetup } from '../support/e2e';
import { signedInAs } from '../support/httpClient';
import { mailBody, mailHeader, startSmtpServer, type SmtpServer } from '../support/smtpServer';

/**
 * Issue #18, item 3, through the UI: a member turns on the morning reminder in the browser, the reminder for
 * today's circle arrives at a real SMTP server, its unsubscribe link opened in a browser (signed out) and
 * confirmed works, and the member's Reminders page then shows it off. On the real clock (Chromium reads it).
 */
const env: Record<string, string> = {};
let smtp: SmtpServer;
// Before e2eSetup's own beforeAll, so the app starts with the SMTP server's address.
beforeAll(async () => {
  smtp = await startSmtpServer();
  env.SMTP_URL = smtp.url;
  env.MAIL_FROM = 'Red Mug <no-reply@redmug.example.org>';
});
afterAll(() => smtp?.close());
const e2e = e2eSetup({ env, publicUrlIsSelf: true });

/**
 * A zone where it is now between 09:00 and 20:59, so a pop-up an hour from now is later today there and after the
 * 08:00 reminder hour, whatever the hour in Alberta: Alberta when it fits, else London or Tokyo (8 and 15 hours
 * ahead of it), one of which always does.
 */
function zoneForLaterToday(now: Date): { zone: string; date: string; start: string; end: string } {
  for (const zone of ['America/Edmonton', 'Europe/London', 'Asia/Tokyo']) {
    const local = DateTime.fromJSDate(now, { zone });
    if (local.hour < 9 || local.hour > 20) continue;
    const start = local.plus({ hours: 1 }).startOf('minute');
    return { zone, date: start.toISODate()!, start: start.toFormat('HH:mm'), end: start.plus({ minutes: 45 }).toFormat('HH:mm') };
  }
  throw new Error('unreachable: the three zones cover every hour');
}

describe('reminders in the browser', () => {
  it('opt in → the reminder arrives with the topic → its unsubscribe link works without signing in → shown off', async () => {
    const when = zoneForLaterToday(new Date());
    const topic = `Finding a mentor outside the firm ${Date.now().toString(36)}`;
    const staff = await signedInAs(e2e.app.url, 'staff@example.ca');
    const popup = await staff.post('/api/scheduling/popups', {
      title: 'Pop-up coffee',
      date: when.date,
      startLocal: when.start,
      endLocal: when.end,
      timezone: when.zone,
      topic,
    });
    expect(popup.status).toBe(201);

    // Lee turns on the morning reminder from the Reminders page in the header.
    const page = await e2e.open();
    await signInThroughUi(page, e2e.app.url, 'lawyer@example.ca', 'Sign out');
    await page.getByRole('link', { name: 'Reminders' }).click();
    await page.getByRole('heading', { name: 'Your reminders', level: 1 }).waitFor();
    const box = page.getByRole('checkbox', { name: 'A morning reminder on days with a circle, with its topic' });
    expect(await box.isChecked()).toBe(false);
    // Members are offered only the morning reminder; host lists are for volunteers.
    expect(await page.getByRole('checkbox').count()).toBe(1);
    await expectAccessible(page, 'reminders, all off');
    await box.check();
    await page.getByRole('status').filter({ hasText: 'Saved: we will e-mail you on the morning of circle days.' }).waitFor();
    expect(await box.isChecked()).toBe(true);
    await expectAccessible(page, 'reminders, one on');
    await e2e.screenshot(page, 'reminders-settings.png', { fullPage: true });

    // The job's run, as the timer would start it.
    await e2e.app.services.reminders.runOnce();
    await expect.poll(() => smtp.received.filter((m) => m.to.includes('lawyer@example.ca')).length, { timeout: 10_000 }).toBe(1);
    const mail = smtp.received.find((m) => m.to.includes('lawyer@example.ca'))!;
    const body = mailBody(mail);
    expect(body).toContain(topic);
    expect(mailHeader(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const link = /To stop these e-mails, open this link: (\S+)/.exec(body)?.[1];
    expect(link).toMatch(new RegExp(`^${e2e.app.url}/unsubscribe/circle_day\\.`));
    expect(mailHeader(mail, 'List-Unsubscribe')).toBe(`<${link}>`);

    // Opened in a browser that is not signed in: the page asks first; opening it changed nothing.
    const elsewhere = await e2e.open();
    await elsewhere.goto(link!);
    await elsewhere.getByRole('heading', { name: 'Stop these e-mails', level: 1 }).waitFor();
    await elsewhere.getByText('A morning reminder on days with a circle, with its topic').waitFor();
    await expectAccessible(elsewhere, 'unsubscribe page');
    await page.reload();
    await page.getByRole('heading', { name: 'Your reminders', level: 1 }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'A morning reminder on days with a circle, with its topic' }).isChecked()).toBe(true);

    await elsewhere.getByRole('button', { name: 'Unsubscribe' }).click();
    await elsewhere.getByRole('status').filter({ hasText: 'You are unsubscribed' }).waitFor();
    await expectAccessible(elsewhere, 'unsubscribe page, done');
    await e2e.screenshot(elsewhere, 'reminders-unsubscribed.png');

    // Lee's settings now show it off.
    await page.reload();
    await page.getByRole('heading', { name: 'Your reminders', level: 1 }).waitFor();
    const after = page.getByRole('checkbox', { name: 'A morning reminder on days with a circle, with its topic' });
    await after.waitFor();
    expect(await after.isChecked()).toBe(false);
  });
});
