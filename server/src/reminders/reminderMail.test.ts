import { describe, expect, it } from 'vitest';
import { circleDayMail, noticeMail, whenText, type MailSession } from './reminderMail';

const links = { app: 'https://circles.example.org', unsubscribe: 'https://circles.example.org/unsubscribe/t' };

// Monday 7 December 2026 at noon in Alberta, which keeps UTC−6 all year from 1 November 2026: 18:00 UTC.
const MONDAY_NOON = new Date('2026-12-07T18:00:00Z');
const online: MailSession = { title: 'Red Mug Coffee Circle', topic: 'Finding work after articling', startsAt: MONDAY_NOON, timezone: 'America/Edmonton', format: 'online', location: null, venue: null };
const inPerson: MailSession = {
  title: 'Calgary coffee circle',
  topic: null,
  startsAt: MONDAY_NOON,
  timezone: 'America/Edmonton',
  format: 'in_person',
  location: 'Calgary',
  venue: { address: '700 2 St SW', room: 'Room 4B', directionsUrl: 'https://maps.example.org/x', accessibility: 'Step-free entrance on 7 Ave', whatToExpect: null },
};

describe('reminder e-mails', () => {
  it('say when by the circle\'s own zone, with current zone data', () => {
    expect(whenText(online)).toBe('Monday 7 December, 12:00 (Alberta time)');
  });

  it('an online circle: topic, when, and the way in', () => {
    const mail = circleDayMail([online], links);
    expect(mail.subject).toBe('Red Mug circle today: Red Mug Coffee Circle');
    expect(mail.text).toContain('  Topic: Finding work after articling');
    expect(mail.text).toContain('  Where: online, in Red Mug');
    expect(mail.text).toContain('Join from Red Mug: https://circles.example.org/');
    expect(mail.text).toContain('To stop these e-mails, open this link: https://circles.example.org/unsubscribe/t');
  });

  it('an in-person circle: where to go (place, room, address), directions and access, and no online join', () => {
    const mail = circleDayMail([inPerson], links);
    expect(mail.text).toContain('  Where: in person, Calgary, Room 4B, 700 2 St SW (there is no online room)');
    expect(mail.text).toContain('  Directions: https://maps.example.org/x');
    expect(mail.text).toContain('  Accessibility: Step-free entrance on 7 Ave');
    expect(mail.text).toContain('The details are in Red Mug: https://circles.example.org/schedule');
    expect(mail.text).not.toContain('Join from Red Mug');
    // A host's notice carries the same place.
    expect(noticeMail('day_before', 'host', inPerson, links).text).toContain('700 2 St SW');
  });
});
