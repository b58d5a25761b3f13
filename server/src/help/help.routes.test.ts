import { describe, expect, it } from 'vitest';
import { telOf } from './help.routes';

describe('telOf', () => {
  it.each([
    ['1-877-555-0100', '18775550100'],
    ['(403) 555-0100', '4035550100'],
    ['+1 (403) 555-0100', '+14035550100'],
    [' +44 20 7946 0958', '+442079460958'],
  ])('%s dials %s', (phone, tel) => {
    expect(telOf(phone)).toBe(tel);
  });
});
