import { describe, expect, it } from 'vitest';
import { surelyNotSent } from './mailer';

/** The shapes nodemailer's errors take (seen against a real SMTP server and a closed port). */
describe('surelyNotSent', () => {
  it.each([
    ['a refusal at the end of DATA (451)', { code: 'EMESSAGE', command: 'DATA', responseCode: 451 }, true],
    ['a refused recipient (550)', { code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550 }, true],
    ['no connection (refused)', { code: 'ESOCKET', command: 'CONN', syscall: 'connect', errno: -111 }, true],
    ['sign-in refused', { code: 'EAUTH', command: 'API' }, true],
    ['the connection closed while handing the message over', { code: 'ECONNECTION', command: 'CONN' }, false],
    ['a timeout', { code: 'ETIMEDOUT', command: 'DATA' }, false],
    ['anything else', new Error('boom'), false],
    ['not an error', 'boom', false],
  ])('%s', (_label, err, expected) => {
    expect(surelyNotSent(err)).toBe(expected);
  });
});
