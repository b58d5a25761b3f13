import { AppError } from '../http/errors';
import { participantIdentity } from '../livekit/identities';
import type { CommandTable, LiveContext } from './liveContext';
import { circleRoom } from './liveContext';

/** The grace when none is configured: five minutes after the start. */
export const DEFAULT_HOST_GRACE_MINUTES = 5;

/**
 * Who hosts when the host does not come, and handing hosting over.
 *
 * - Automatic: once the grace after a circle's start has passed (HOST_GRACE_MINUTES) and its rostered host has not
 *   arrived (never admitted to the live circle), the rostered backup, if present, becomes the acting host; failing
 *   them, if staff allow it for the series, a current red-mug volunteer present (the participant list's badge is
 *   the one source of "current"). Checked when someone joins (or comes back) and, on the instance where someone was
 *   waiting, when the grace runs out. Every instance may check at once; the live state lets one win.
 * - By hand: someone with host rights hands over to another red-mug volunteer present, who gets host rights; the
 *   one handing over keeps them only if rostered (or staff).
 * - Staff in the circle count as a host there (they may host any circle): while one is present, nobody takes over.
 * - A rostered host who arrives late does not take hosting back by themselves: they have host rights (rostered)
 *   and the acting host hands back, so the circle is not pulled from one host to another mid-conversation.
 *
 * The acting host is kept in the live state as an opaque identity, the same on every instance; everyone in the
 * circle is told by name through the relay (names never go through the adapter's stream).
 */
export function createHandOver(x: LiveContext) {
  const { d } = x;
  const graceMs = (d.hostGraceMinutes ?? DEFAULT_HOST_GRACE_MINUTES) * 60_000;
  /** Circles settled on this instance: the host came, or someone took over. Nothing more to check for them. */
  const settled = new Set<string>();
  /** One waiting timer per circle on this instance, for the moment its grace runs out. */
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const identityOf = (userId: string, sessionId: string) => participantIdentity(d.secret, userId, sessionId);

  /** Everyone in the circle hears who hosts now, by the name they chose here; the list follows. */
  async function announce(sessionId: string, identity: string): Promise<void> {
    // The name goes by relay; each instance words the notice in each listener's language (relay.ts, inWords).
    const displayName = await x.nameIn(sessionId, identity);
    await d.relay.publish({ room: circleRoom(sessionId), event: 'host:changed', payload: { identity, displayName } });
    await x.announceParticipants(sessionId);
  }

  function remember(sessionId: string) {
    if (settled.size > 10_000) settled.clear();
    settled.add(sessionId);
  }

  async function check(sessionId: string): Promise<void> {
    if (settled.has(sessionId)) return;
    const facts = await d.admission.handOverFacts(sessionId);
    if (!facts) return;
    const wait = facts.startsAt.getTime() + graceMs - d.clock.now().getTime();
    if (wait > 0) {
      if (!timers.has(sessionId)) {
        const timer = setTimeout(() => {
          timers.delete(sessionId);
          void check(sessionId).catch(() => d.log.warn('circle.hand_over_failed', {}));
        }, wait + 250);
        timer.unref();
        timers.set(sessionId, timer);
      }
      return;
    }
    if ((await d.live.actingHost(sessionId)) !== null || (facts.host !== null && (await d.live.wasAdmitted(sessionId, facts.host)))) {
      remember(sessionId);
      return;
    }
    if (await d.live.isEnded(sessionId)) return;
    const people = (await x.participants(sessionId)).filter((p) => !p.notInChat);
    // Staff may host any circle: while one is in it, it has a host, and nobody takes over (asked again later).
    if (people.some((p) => p.role === 'staff')) return;
    // The backup too only while current (wearing the red mug): hosting needs it.
    const backup = facts.backupId === null ? undefined : people.find((p) => p.identity === identityOf(facts.backupId!, sessionId) && p.badge === 'red-mug');
    const volunteer = facts.anyVolunteer ? people.find((p) => p.role === 'volunteer' && p.badge === 'red-mug') : undefined;
    const next = backup ?? volunteer;
    // Nobody to take over yet: the next arrival asks again.
    if (!next) return;
    if (!(await d.live.setActingHost(sessionId, next.identity, true))) {
      remember(sessionId);
      return;
    }
    remember(sessionId);
    d.log.info('circle.hand_over', { automatic: true, backup: next === backup });
    await announce(sessionId, next.identity);
  }

  const handlers = {
    // The answer is the new host's opaque identity; everyone hears the name by relay.
    'host:handOver': {
      budget: 'moderation',
      repeat: 'first',
      async run(socket, { identity }) {
        const c = await x.asHost(socket);
        if (identity === c.identity) throw new AppError(400, 'VALIDATION_FAILED', 'live.target.yourself');
        const p = (await x.participants(c.sessionId)).find((q) => q.identity === identity && !q.notInChat);
        if (!p) throw new AppError(404, 'NOT_FOUND', 'live.target.notHere');
        if (p.role !== 'volunteer' || p.badge !== 'red-mug') {
          throw new AppError(409, 'CONFLICT', 'live.host.redMugOnly');
        }
        await d.live.setActingHost(c.sessionId, identity, false);
        remember(c.sessionId);
        await x.audit(socket, c, 'circle.hand_over');
        return { data: { identity }, after: () => announce(c.sessionId, identity) };
      },
    },
  } satisfies Partial<CommandTable>;

  return {
    check,
    handlers,
    stop() {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}
