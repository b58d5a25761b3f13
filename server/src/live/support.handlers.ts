import { record } from '../audit/audit.repository';
import type { MessageId } from '../../../shared/i18n/catalog';
import { AppError } from '../http/errors';
import type { CommandTable, LiveContext } from './liveContext';
import { STAFF_ROOM } from './liveContext';
import { supportRequestsRepository } from './supportRequests.repository';

/** A private request for one-on-one support, from inside a circle or not, and staff working through them. */
export function supportHandlers(x: LiveContext) {
  const { d } = x;
  const requests = supportRequestsRepository(d.db);
  const staffOnly = (role: string, message: MessageId) => {
    if (role !== 'staff') throw new AppError(403, 'FORBIDDEN', message);
  };

  return {
    'support:request': {
      budget: 'other',
      // The answer is words in the person's language: told afresh, in the language they read now.
      repeat: async (socket) => ({ message: x.tOf(socket)('live.support.requested') }),
      async run(socket) {
        const request = await requests.create(socket.data.user.id, Boolean(socket.data.circle), d.clock.now());
        return {
          data: { message: x.tOf(socket)('live.support.requested') },
          // Names the person: relayed to staff, never kept for recovery (staff list open requests on reconnect).
          after: () => d.relay.publish({ room: STAFF_ROOM, event: 'support:requested', payload: request }),
        };
      },
    },
    'support:list': {
      budget: 'other',
      repeat: 'rerun',
      async run(socket) {
        staffOnly(socket.data.user.role, 'live.support.staffOnlyList');
        const open = await requests.open();
        // The list names the people who asked: that staff read it is on record (ids only).
        await record(d.db, { actorId: socket.data.user.id, action: 'support.list', targetType: 'contact_requests', targetId: 'open', at: d.clock.now() });
        return { data: open };
      },
    },
    'support:handle': {
      budget: 'other',
      repeat: 'first',
      async run(socket, { id }) {
        staffOnly(socket.data.user.role, 'live.support.staffOnlyHandle');
        if (!(await requests.handle(id))) {
          throw new AppError(404, 'NOT_FOUND', 'live.support.alreadyHandled');
        }
        await record(d.db, { actorId: socket.data.user.id, action: 'support.handle', targetType: 'contact_request', targetId: id, at: d.clock.now() });
        return { data: null };
      },
    },
  } satisfies Partial<CommandTable>;
}
