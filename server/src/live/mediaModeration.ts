import { TrackSource } from 'livekit-server-sdk';
import { AppError } from '../http/errors';
import { circlePermission } from '../livekit/circleToken';
import { participantIdentity, roomNameFor } from '../livekit/identities';
import type { Media } from '../livekit/media';

/**
 * Host actions on the media side, through LiveKit's room service. The live state and the socket list change
 * alongside, so what people see and what LiveKit enforces never disagree.
 */
export type MediaModeration = ReturnType<typeof createMediaModeration>;

export function createMediaModeration(media: Media, secret: string) {
  const room = (sessionId: string) => roomNameFor(secret, sessionId);
  const service = () => {
    const rs = media.roomService();
    if (!rs) throw new AppError(503, 'MEDIA_UNAVAILABLE', 'media.moderationUnavailable');
    return rs;
  };
  /**
   * "Not found" from LiveKit means the person is not in the media room (yet, or any more): nothing to do. Any
   * other failure means LiveKit cannot be reached, which the host is told plainly.
   */
  const ignoreMissing = (err: unknown) => {
    const status = (err as { status?: number; code?: string }).status;
    const code = (err as { code?: string }).code;
    if (status === 404 || code === 'not_found') return;
    throw new AppError(503, 'MEDIA_UNAVAILABLE', 'media.moderationUnavailable');
  };

  /** Mutes what this person publishes from `source`; true when something was on (and is now muted). */
  async function muteSource(sessionId: string, identity: string, source: TrackSource): Promise<boolean> {
    const rs = service();
    try {
      const p = await rs.getParticipant(room(sessionId), identity);
      let muted = false;
      for (const t of p.tracks) {
        if (t.source === source && !t.muted) {
          await rs.mutePublishedTrack(room(sessionId), identity, t.sid, true);
          muted = true;
        }
      }
      return muted;
    } catch (err) {
      ignoreMissing(err);
      return false;
    }
  }

  // Who LiveKit has in a room, asked at most every two seconds per room (the list is rebuilt on every arrival).
  const seen = new Map<string, { at: number; people: Promise<Array<{ identity: string; role: string; badge: string }>> }>();

  return {
    roomName: room,

    /**
     * Everyone LiveKit has in the circle's room: opaque identities and the token's role and badge attributes
     * (LiveKit carries no names). Empty when LiveKit cannot be reached: the list then shows the sockets only.
     */
    roomParticipants(sessionId: string): Promise<Array<{ identity: string; role: string; badge: string }>> {
      const rs = media.roomService();
      if (!rs) return Promise.resolve([]);
      const now = Date.now();
      const cached = seen.get(sessionId);
      if (cached && now - cached.at < 2_000) return cached.people;
      const people = Promise.resolve()
        .then(() => rs.listParticipants(room(sessionId)))
        .then(
        (ps) => ps.map((p) => ({ identity: p.identity, role: p.attributes.role ?? '', badge: p.attributes.badge ?? '' })),
        () => [],
      );
      if (seen.size > 1_000) seen.clear();
      seen.set(sessionId, { at: now, people });
      return people;
    },
    /** Forgets what LiveKit was last said to have in a room (someone came or went, by its webhook). */
    forgetRoomParticipants(sessionId: string): void {
      seen.delete(sessionId);
    },
    muteMicrophone: (sessionId: string, identity: string) => muteSource(sessionId, identity, TrackSource.MICROPHONE),
    turnOffCamera: (sessionId: string, identity: string) => muteSource(sessionId, identity, TrackSource.CAMERA),

    /** Takes away (or gives back) the right to publish a microphone: a permission, not just a mute. */
    async blockMicrophone(sessionId: string, identity: string, blocked: boolean): Promise<void> {
      const rs = service();
      try {
        if (blocked) await muteSource(sessionId, identity, TrackSource.MICROPHONE);
        await rs.updateParticipant(room(sessionId), identity, { permission: circlePermission(!blocked) });
      } catch (err) {
        ignoreMissing(err);
      }
    },

    /**
     * Best effort: the removal already stands in the live state, which refuses new tokens and sockets, and the
     * webhook shows the person out if they reach LiveKit again; with LiveKit down there is no room to leave.
     */
    async remove(sessionId: string, identity: string): Promise<void> {
      await media.roomService()?.removeParticipant(room(sessionId), identity).catch(() => undefined);
    },

    /**
     * An account disabled: out of every circle room LiveKit has now, whether or not a socket of theirs is in it
     * (their identity there is derived from the account and the session). Best effort, like `remove`.
     */
    async removeAccountEverywhere(userId: string, sessionOfRoom: (room: string) => Promise<string | null>): Promise<void> {
      const rs = media.roomService();
      if (!rs) return;
      const rooms = await rs.listRooms().catch(() => []);
      await Promise.all(
        rooms.map(async (r) => {
          const sessionId = await sessionOfRoom(r.name).catch(() => null);
          if (sessionId) await rs.removeParticipant(r.name, participantIdentity(secret, userId, sessionId)).catch(() => undefined);
        }),
      );
    },

    /**
     * A volunteer's readiness changed: their `badge` attribute in every circle room LiveKit has now is set to what the
     * readiness says (cleared on a lapse), whether or not a socket of theirs is in it. Only the opaque identity and
     * the badge word go to LiveKit. Best effort, like `remove`; the sessions whose room had them come back, so their
     * lists can be sent again.
     */
    async setBadgeEverywhere(userId: string, redMug: boolean, sessionOfRoom: (room: string) => Promise<string | null>): Promise<string[]> {
      const rs = media.roomService();
      if (!rs) return [];
      const rooms = await rs.listRooms().catch(() => []);
      const touched = await Promise.all(
        rooms.map(async (r) => {
          const sessionId = await sessionOfRoom(r.name).catch(() => null);
          if (!sessionId) return null;
          const identity = participantIdentity(secret, userId, sessionId);
          const updated = await rs.updateParticipant(r.name, identity, { attributes: { badge: redMug ? 'red-mug' : '' } }).then(
            () => true,
            () => false,
          );
          if (updated) seen.delete(sessionId);
          return updated ? sessionId : null;
        }),
      );
      return touched.filter((s): s is string => s !== null);
    },

    /** Best effort, like `remove`: the ended flag already refuses everyone. */
    async endRoom(sessionId: string): Promise<void> {
      await media.roomService()?.deleteRoom(room(sessionId)).catch(() => undefined);
    },
  };
}
