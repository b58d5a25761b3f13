import type { ModerationNotice } from '../../../shared/schemas/live';
import { rekeyCircle } from './e2ee.handlers';
import type { AdmittedCircle, CircleAuditAction, CommandTable, LiveContext, LiveSocket } from './liveContext';
import { circleRoom, personalRoom } from './liveContext';

/**
 * What a host is told after a moderation command. It names the person, so a repeat is told it afresh (by the
 * name now) rather than from the dedupe store.
 */
const told = {
  muted: (name: string) => `${name} is muted.`,
  micAlreadyOff: (name: string) => `${name}'s microphone is already off.`,
  micBlocked: (name: string, blocked: boolean) => (blocked ? `${name} is muted and cannot unmute until you allow it.` : `${name} can unmute again.`),
  cameraOff: (name: string) => `${name}'s camera is off.`,
  cameraAlreadyOff: (name: string) => `${name}'s camera is already off.`,
  removed: (name: string) => `${name} has been removed and cannot rejoin this circle.`,
};

/** What the person a host acted on is told, privately. */
const notices = {
  muted: { action: 'muted', message: 'The host muted your microphone. You can unmute when you want to speak.' },
  micBlocked: { action: 'mic_blocked', message: 'The host has muted you and turned off unmuting for now. They can allow it again.' },
  micAllowed: { action: 'mic_allowed', message: 'The host has allowed you to unmute again.' },
  cameraOff: { action: 'camera_off', message: 'The host turned off your camera. You can turn it back on.' },
  removed: { action: 'removed', message: 'A host has removed you from this circle. If you need support, staff are here for you.' },
} satisfies Record<string, ModerationNotice>;

/** A host's actions on one person in their circle: mute, stop from unmuting, camera off, remove. */
export function moderationHandlers(x: LiveContext) {
  const { d } = x;

  const tellAgain =
    (say: (name: string, payload: { identity: string; blocked?: boolean }) => string) =>
    async (socket: LiveSocket, payload: { identity: string; blocked?: boolean }) => ({
      message: say(await x.nameIn(x.inCircle(socket).sessionId, payload.identity), payload),
    });

  /** The host acts on someone else in their circle: checked, done, audited, and that person told alone. */
  async function onPerson(socket: LiveSocket, identity: string, act: (c: AdmittedCircle) => Promise<void>, action: CircleAuditAction, notice: ModerationNotice) {
    const c = await x.asHost(socket);
    const name = await x.target(socket, c, identity);
    await act(c);
    await x.audit(socket, c, action);
    x.notify(c, identity, notice);
    return { c, name };
  }

  /**
   * An action whose whole effect is one call to LiveKit's room service (mute, camera off). When there was nothing
   * on to turn off, the host is told so, and the person is told nothing (a notice about a microphone they never
   * turned on would only alarm them).
   */
  const mediaAction = (
    act: (sessionId: string, identity: string) => Promise<boolean>,
    action: CircleAuditAction,
    notice: ModerationNotice,
    say: (name: string) => string,
    sayAlreadyOff: (name: string) => string,
  ) => ({
    budget: 'moderation' as const,
    repeat: tellAgain(say),
    async run(socket: LiveSocket, { identity }: { identity: string }) {
      const c = await x.asHost(socket);
      const name = await x.target(socket, c, identity);
      if (!(await act(c.sessionId, identity))) return { data: { message: sayAlreadyOff(name) } };
      await x.audit(socket, c, action);
      x.notify(c, identity, notice);
      return { data: { message: say(name) } };
    },
  });

  return {
    'moderation:mute': mediaAction((s, i) => d.moderation.muteMicrophone(s, i), 'circle.mute', notices.muted, told.muted, told.micAlreadyOff),
    'moderation:cameraOff': mediaAction(
      (s, i) => d.moderation.turnOffCamera(s, i),
      'circle.camera_off',
      notices.cameraOff,
      told.cameraOff,
      told.cameraAlreadyOff,
    ),

    'moderation:blockMic': {
      budget: 'moderation',
      repeat: tellAgain((name, p) => told.micBlocked(name, p.blocked === true)),
      async run(socket, { identity, blocked }) {
        const block = async (c: AdmittedCircle) => {
          await d.moderation.blockMicrophone(c.sessionId, identity, blocked);
          await d.live.setMicBlocked(c.sessionId, identity, blocked);
        };
        const [action, notice] = blocked ? (['circle.mic_block', notices.micBlocked] as const) : (['circle.mic_allow', notices.micAllowed] as const);
        const { c, name } = await onPerson(socket, identity, block, action, notice);
        return { data: { message: told.micBlocked(name, blocked) }, after: () => x.announceParticipants(c.sessionId) };
      },
    },

    'moderation:remove': {
      budget: 'moderation',
      repeat: tellAgain(told.removed),
      async run(socket, { identity }) {
        const c = await x.asHost(socket);
        const name = await x.target(socket, c, identity);
        // Blocked first, so no new token or socket admission can race the removal.
        await d.live.remove(c.sessionId, identity);
        x.notify(c, identity, notices.removed);
        // Out of the circle at once, and off the connection: the notice above travels first on the same connection.
        const theirs = d.io.in(personalRoom(c.sessionId, identity));
        await theirs.socketsLeave(circleRoom(c.sessionId));
        theirs.disconnectSockets();
        await d.moderation.remove(c.sessionId, identity);
        // Out of the media too: the key they hold stops opening what is said from now on.
        await rekeyCircle(x, c.sessionId);
        await x.audit(socket, c, 'circle.remove');
        return {
          data: { message: told.removed(name) },
          after: async () => {
            await x.announceParticipants(c.sessionId);
            await x.announceHands(c.sessionId);
          },
        };
      },
    },
  } satisfies Partial<CommandTable>;
}
