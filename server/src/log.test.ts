import { describe, expect, it } from 'vitest';
import { redactPath, redactText } from './log';

const token = 'h3Y9pQz0Lr5mXc2Vb8Nw1Ke4Tj7Ud6Sa0Gf3Hq9Zx1W'; // 43 base64url characters, like newSecretToken()

describe('redactPath', () => {
  it.each([
    [`/api/scheduling/feeds/${token}.ics`, '/api/scheduling/feeds/[redacted]'],
    [`/api/scheduling/feeds/short-but-secret.ics`, '/api/scheduling/feeds/[redacted]'],
    [`/api/auth/invites/${token}`, '/api/auth/invites/[redacted]'],
    [`/api/auth/invites/${token}/accept`, '/api/auth/invites/[redacted]/accept'],
    [`/api/auth/password-reset/${token}`, '/api/auth/password-reset/[redacted]'],
    [`/invite/${token}`, '/invite/[redacted]'],
    [`/reset-password/${token}`, '/reset-password/[redacted]'],
    // Any other token-like segment, and the query string.
    [`/api/elsewhere/${token}/x`, '/api/elsewhere/[redacted]/x'],
    [`/api/scheduling/sessions?token=${token}`, '/api/scheduling/sessions'],
    // Ids stay: operators need them, and they open nothing.
    ['/api/people/0b7f3c1e-8d2a-4c6b-9e5f-1a2b3c4d5e6f/role', '/api/people/0b7f3c1e-8d2a-4c6b-9e5f-1a2b3c4d5e6f/role'],
    ['/api/circles/sessions/rmcc_2026-11-30/join', '/api/circles/sessions/rmcc_2026-11-30/join'],
    ['/api/scheduling/series/rmcc/feed.ics', '/api/scheduling/series/rmcc/feed.ics'],
  ])('%s → %s', (raw, logged) => {
    const { path, secrets } = redactPath(raw);
    expect(path).toBe(logged);
    expect(path).not.toContain(token);
    if (raw.includes(token)) expect(secrets.some((s) => s.includes(token))).toBe(true);
  });

  it('an encoded token is found too', () => {
    expect(redactPath(`/api/scheduling/feeds/${encodeURIComponent(token)}%2Eics`).path).toBe('/api/scheduling/feeds/[redacted]');
  });
});

describe('redactText', () => {
  it('takes a quoted secret out of an error message, with or without its extension', () => {
    const { secrets } = redactPath(`/api/scheduling/feeds/${token}.ics`);
    expect(redactText(`TypeError: bad value "${token}" in ${token}.ics`, secrets)).toBe('TypeError: bad value "[redacted]" in [redacted]');
  });
});
