import { TokenVerifier } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { ParticipantAttributes } from '../../../shared/schemas/circles';
import { circleToken } from './circleToken';
import { participantIdentity, roomNameFor } from './identities';

const apiKey = 'test-key';
const apiSecret = 'test-secret-that-is-long-enough-0123456789';

describe('circle tokens', () => {
  it.each([
    ['member', true, ''],
    ['volunteer', true, 'red-mug'],
    ['volunteer', false, ''],
    ['staff', true, ''],
  ] as const)('a %s (current volunteer: %s) gets explicit grants and badge "%s"', async (role, currentVolunteer, badge) => {
    const jwt = await circleToken({
      apiKey,
      apiSecret,
      identity: 'p_opaque',
      room: 'r_room',
      role,
      currentVolunteer,
      ttlSeconds: 600,
    });
    const claims = await new TokenVerifier(apiKey, apiSecret).verify(jwt);
    expect(claims.sub).toBe('p_opaque');
    // LiveKit sees no name at all, only the opaque identity.
    expect(claims.name).toBeUndefined();
    expect(claims.attributes).toEqual({ role, badge });
    expect(claims.exp! - claims.nbf!).toBeLessThanOrEqual(600);
    expect(claims.video).toMatchObject({
      room: 'r_room',
      roomJoin: true,
      canSubscribe: true,
      canPublish: true,
      canPublishData: false,
      canUpdateOwnMetadata: false,
      roomAdmin: false,
      roomRecord: false,
      recorder: false,
    });
    expect(claims.video?.canPublishSources?.sort()).toEqual(['camera', 'microphone']);
  });

  it('refuses a lifetime over ten minutes', async () => {
    await expect(
      circleToken({ apiKey, apiSecret, identity: 'p', room: 'r', role: 'member', currentVolunteer: false, ttlSeconds: 601 }),
    ).rejects.toThrow(RangeError);
  });

  it('has no role for an auditor, who never gets a token', () => {
    // @ts-expect-error only roles that take part in circles can be put in a token
    void (() => circleToken({ apiKey, apiSecret, identity: 'p', room: 'r', role: 'auditor', currentVolunteer: false, ttlSeconds: 60 }));
    expect(ParticipantAttributes.safeParse({ role: 'auditor', badge: '' }).success).toBe(false);
    expect(ParticipantAttributes.safeParse({ role: 'staff', badge: '' }).success).toBe(true);
  });
});

describe('opaque identities', () => {
  const secret = 'a-secret-for-tests-only-0123456789abcdef';
  it('never contain the user id and differ per session', () => {
    const a = participantIdentity(secret, 'user-123', 'rmcc_2026-11-30');
    const b = participantIdentity(secret, 'user-123', 'rmcc_2026-12-07');
    expect(a).not.toContain('user-123');
    expect(a).not.toBe(b);
    expect(a).toBe(participantIdentity(secret, 'user-123', 'rmcc_2026-11-30'));
    expect(a).toMatch(/^p_[A-Za-z0-9_-]{22}$/);
  });
  it('room names are opaque and stable per session', () => {
    expect(roomNameFor(secret, 'rmcc_2026-11-30')).toMatch(/^r_[A-Za-z0-9_-]{22}$/);
    expect(roomNameFor(secret, 'rmcc_2026-11-30')).not.toContain('rmcc');
  });
});
