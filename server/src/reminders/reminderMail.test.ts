import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n';
import { DEFAULT_PROGRAM } from '../program/program';
import { circleDayMail, noticeMail, whenText, type MailSession, type MailWords } from './reminderMail';

const i18n = createI18n(DEFAULT_PROGRAM);
const en: MailWords = { t: i18n.t('en-CA'), locale: 'en-CA', programZone: 'America/Edmonton' };
const fr: MailWords = { t: i18n.t('fr-CA'), locale: 'fr-CA', programZone: 'America/Edmonton' };
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
    expect(whenText(en, online)).toBe('Monday 7 December, 12:00 (Alberta time)');
  });

  it('an online circle: topic, when, and the way in', () => {
    const mail = circleDayMail(en, [online], links);
    expect(mail.subject).toBe('Red Mug circle today: Red Mug Coffee Circle');
    expect(mail.text).toContain('  Topic: Finding work after articling');
    expect(mail.text).toContain('  Where: online, in Red Mug');
    expect(mail.text).toContain('Join from Red Mug: https://circles.example.org/');
    expect(mail.text).toContain('To stop these e-mails, open this link: https://circles.example.org/unsubscribe/t');
  });

  it('an in-person circle: where to go (place, room, address), directions and access, and no online join', () => {
    const mail = circleDayMail(en, [inPerson], links);
    expect(mail.text).toContain('  Where: in person, Calgary, Room 4B, 700 2 St SW (there is no online room)');
    expect(mail.text).toContain('  Directions: https://maps.example.org/x');
    expect(mail.text).toContain('  Accessibility: Step-free entrance on 7 Ave');
    expect(mail.text).toContain('The details are in Red Mug: https://circles.example.org/schedule');
    expect(mail.text).not.toContain('Join from Red Mug');
    // A host's notice carries the same place.
    expect(noticeMail(en, 'day_before', 'host', inPerson, links).text).toContain('700 2 St SW');
  });

  it('in French: the date and time by Quebec typography, the zone as the program calls it, every line in French', () => {
    // Noon in Alberta on Monday 7 December 2026, written out from the rule: "lundi 7 décembre à 12 h".
    expect(whenText(fr, online)).toBe('lundi 7 décembre à 12 h (heure de l’Alberta)');
    expect(whenText(fr, { ...online, startsAt: new Date('2026-12-07T18:30:00Z') })).toBe('lundi 7 décembre à 12 h 30 (heure de l’Alberta)');
    const mail = circleDayMail(fr, [online, inPerson], links);
    expect(mail.subject).toBe('Cercles Red Mug aujourd’hui');
    expect(mail.text).toContain('Il y a des cercles Red Mug aujourd’hui :');
    expect(mail.text).toContain('  Sujet : Finding work after articling');
    expect(mail.text).toContain('  Où : en personne, Calgary, Room 4B, 700 2 St SW (il n’y a pas de salle en ligne)');
    expect(mail.text).toContain('Pour ne plus recevoir ces courriels, ouvrez ce lien : https://circles.example.org/unsubscribe/t');
    expect(noticeMail(fr, 'assigned', 'backup', online, links).subject).toBe('Vous êtes l’hôte de relève d’un cercle Red Mug');
  });

  it('a circle in another zone than the program\'s names that zone', () => {
    expect(whenText(en, { ...online, timezone: 'America/Halifax' })).toBe('Monday 7 December, 14:00 (America/Halifax time)');
  });
});
