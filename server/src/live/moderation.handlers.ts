import type { Translate } from '../../../shared/i18n/translate';
import { rekeyCircle } from './e2ee.handlers';
import type { AdmittedCircle, CircleAuditAction, CommandTable, LiveContext, LiveSocket, Notice } from './liveContext';
import { circleRoom, personalRoom } from './liveContext';

type Say = (t: Translate, name: string) => string;

/**
 * What a host is told after a moderation command, in their language. It names the person, so a repeat is told it
 * afresh (by the name now, in the language now) rather than from the dedupe store.
 */
const told = {
  muted: ((t, name) => t('live.told.muted', { name })) as Say,
  micAlreadyOff: ((t, name) => t('live.told.micAlreadyOff', { name })) as Say,
  micBlocked: (t: Translate, name: string, blocked: boolean) => t(blocked ? 'live.told.micBlocked' : 'live.told.micAllowed', { name }),
  cameraOff: ((t, name) => t('live.told.cameraOff', { name })) as Say,
  cameraAlreadyOff: ((t, name) => t('live.told.cameraAlreadyOff', { name })) as Say,
  removed: ((t, name) => t('live.told.removed', { name })) as Say,
};

/** What the person a host acted on is told, privately (in their own language). */
const notices = {
  muted: { action: 'muted', message: 'live.notice.muted' },
  micBlocked: { action: 'mic_blocked', message: 'live.notice.micBlocked' },
  micAllowed: { action: 'mic_allowed', message: 'live.notice.micAllowed' },
  cameraOff: { action: 'camera_off', message: 'live.notice.cameraOff' },
  removed: { action: 'removed', message: 'live.notice.removed' },
} satisfies Record<string, Notice>;

/** A host's actions on one person in their circle: mute, stop from unmuting, camera off, remove. */
export function moderationHandlers(x: LiveContext) {
  const { d } = x;

  const tellAgain =
    (say: (t: Translate, name: string, payload: { identity: string; blocked?: boolean }) => string) =>
    async (socket: LiveSocket, payload: { identity: string; blocked?: boolean }) => {
      const t = x.tOf(socket);
      const name = (await x.nameIn(x.inCircle(socket).sessionId, payload.identity)) ?? t('live.thatPerson');
      return { message: say(t, name, payload) };
    };

  /** The host acts on someone else in their circle: checked, done, audited, and that person told alone. */
  async function onPerson(socket: LiveSocket, identity: string, act: (c: AdmittedCircle) => Promise<void>, action: CircleAuditAction, notice: Notice) {
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
    notice: Notice,
    say: Say,
    sayAlreadyOff: Say,
  ) => ({
    budget: 'moderation' as const,
    repeat: tellAgain(say),
    async run(socket: LiveSocket, { identity }: { identity: string }) {
      const c = await x.asHost(socket);
      const name = await x.target(socket, c, identity);
      const t = x.tOf(socket);
      if (!(await act(c.sessionId, identity))) return { data: { message: sayAlreadyOff(t, name) } };
      await x.audit(socket, c, action);
      x.notify(c, identity, notice);
      return { data: { message: say(t, name) } };
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
      repeat: tellAgain((t, name, p) => told.micBlocked(t, name, p.blocked === true)),
      async run(socket, { identity, blocked }) {
        const block = async (c: AdmittedCircle) => {
          await d.moderation.blockMicrophone(c.sessionId, identity, blocked);
          await d.live.setMicBlocked(c.sessionId, identity, blocked);
        };
        const [action, notice] = blocked ? (['circle.mic_block', notices.micBlocked] as const) : (['circle.mic_allow', notices.micAllowed] as const);
        const { c, name } = await onPerson(socket, identity, block, action, notice);
        return { data: { message: told.micBlocked(x.tOf(socket), name, blocked) }, after: () => x.announceParticipants(c.sessionId) };
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
          data: { message: told.removed(x.tOf(socket), name) },
          after: async () => {
            await x.announceParticipants(c.sessionId);
            await x.announceHands(c.sessionId);
          },
        };
      },
    },
  } satisfies Partial<CommandTable>;
}
