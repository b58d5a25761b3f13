import { AccessToken, TrackSource, type ParticipantPermission, type VideoGrant } from 'livekit-server-sdk';
import type { ParticipantAttributes } from '../../../shared/schemas/circles';
import type { ParticipantRole } from '../../../shared/schemas/auth';

/**
 * What a role carries into a circle: a volunteer who is current (people/readiness.ts: training and confidentiality
 * undertaking on record and within the year) wears the red mug; staff are staff, not peer supporters. Only roles
 * that take part get a token at all, so an auditor can never be named here.
 */
export function attributesFor(role: ParticipantRole, currentVolunteer: boolean): ParticipantAttributes {
  return { role, badge: role === 'volunteer' && currentVolunteer ? 'red-mug' : '' };
}

/**
 * The grant every circle participant gets. Explicit on purpose: no room admin, no recording, no hidden
 * participants, and no changing one's own metadata or attributes (so nobody can pin on a red mug).
 */
export function circleGrant(room: string, microphone = true): VideoGrant {
  return {
    room,
    roomJoin: true,
    canSubscribe: true,
    canPublish: true,
    // A host can take the microphone away; a fresh token must not give it back.
    canPublishSources: microphone ? [TrackSource.CAMERA, TrackSource.MICROPHONE] : [TrackSource.CAMERA],
    // No raw data channel: nothing in the client uses one, and livekit-server then refuses data from this
    // participant, so nothing can pass between browsers around the server's checks (or its never-store rules).
    canPublishData: false,
    canUpdateOwnMetadata: false,
    roomAdmin: false,
    roomCreate: false,
    roomList: false,
    roomRecord: false,
    recorder: false,
    hidden: false,
    ingressAdmin: false,
  };
}

/**
 * The same rights as `circleGrant`, as the room service sets them on someone already in the room (a host taking
 * the microphone away or giving it back): one rule, so a change of permission never grants what a token does not
 * (a data channel, hidden presence, recording).
 */
export function circlePermission(microphone = true): Partial<ParticipantPermission> {
  const g = circleGrant('', microphone);
  return {
    canSubscribe: g.canSubscribe,
    canPublish: g.canPublish,
    canPublishData: g.canPublishData,
    canPublishSources: g.canPublishSources,
    canUpdateMetadata: g.canUpdateOwnMetadata,
    hidden: g.hidden,
    recorder: g.recorder,
  };
}

export interface CircleTokenOptions {
  apiKey: string;
  apiSecret: string;
  identity: string;
  room: string;
  role: ParticipantRole;
  /** A volunteer's readiness is current: the token carries the red mug. */
  currentVolunteer: boolean;
  ttlSeconds: number;
  /** False while a host stops this person from unmuting. */
  microphone?: boolean;
}

export async function circleToken(opts: CircleTokenOptions): Promise<string> {
  if (opts.ttlSeconds > 600) throw new RangeError('Circle tokens live at most 10 minutes');
  // No name: LiveKit (its logs, its webhooks) sees the opaque identity only; screens name people from the live
  // circle's participant list, which never passes through LiveKit.
  const token = new AccessToken(opts.apiKey, opts.apiSecret, {
    identity: opts.identity,
    ttl: opts.ttlSeconds,
    attributes: attributesFor(opts.role, opts.currentVolunteer),
  });
  token.addGrant(circleGrant(opts.room, opts.microphone ?? true));
  return token.toJwt();
}
