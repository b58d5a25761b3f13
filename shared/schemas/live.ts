import { z } from 'zod';
import type { MessageId } from '../i18n/catalog';
import { ParticipantRole } from './auth';
import { DisplayName } from './circles';

/**
 * The live circle: what every screen shows and every command carries. The server is the authority; clients
 * render these and send commands. Nothing here is ever stored beyond the life of a circle, and chat is never stored.
 */

export const SessionIdField = z.string().min(1).max(80);
export const IdentityField = z.string().regex(/^p_[A-Za-z0-9_-]{22}$/, 'circles.validation.unknownParticipant' satisfies MessageId);

export const LiveParticipant = z.object({
  identity: z.string(),
  displayName: z.string(),
  /** Only roles that take part: an auditor is never admitted to a circle. */
  role: ParticipantRole,
  /** 'red-mug' for trained peer-support volunteers. */
  badge: z.enum(['red-mug', '']),
  isHost: z.boolean(),
  /** The host has stopped this person from unmuting. */
  micBlocked: z.boolean(),
  /**
   * In the circle's audio and video (LiveKit) but not in its live circle (no chat, no hands, no name): a token
   * from the join route used without the page, or a page whose connection dropped. Hosts can still moderate them.
   */
  notInChat: z.literal(true).optional(),
  /**
   * The one who is hosting now: the acting host once the host was absent past the grace or handed over (see
   * `host:changed`). Absent for everyone when nobody has taken over, in which case the rostered host hosts.
   */
  hosting: z.literal(true).optional(),
});
export type LiveParticipant = z.infer<typeof LiveParticipant>;

export const TopicEntry = z.object({ topic: z.string(), at: z.string() });
export const TopicState = z.object({
  current: z.string().nullable(),
  /** Earlier topics this session, oldest first. */
  trail: z.array(TopicEntry),
});
export type TopicState = z.infer<typeof TopicState>;

export const HandEntry = z.object({ identity: z.string(), raisedAt: z.string() });
export type HandEntry = z.infer<typeof HandEntry>;

/**
 * Someone outside a locked circle asking to come in, as hosts see it: their opaque identity in this circle (the
 * one they will have once in), the name they chose, and when they knocked. Never stored beyond the knock.
 */
export const KnockEntry = z.object({ identity: z.string(), displayName: z.string(), at: z.string() });
export type KnockEntry = z.infer<typeof KnockEntry>;

/** How a knock ended, as the person who knocked is told: let in, declined, or over (the circle ended, no host). */
export const KNOCK_OUTCOMES = ['admitted', 'declined', 'ended'] as const;
export const KnockAnswer = z.object({ outcome: z.enum(KNOCK_OUTCOMES), message: z.string() });
export type KnockAnswer = z.infer<typeof KnockAnswer>;

/** A new acting host, for everyone in the circle: their identity, their name in this circle, and the notice. */
export const HostChange = z.object({ identity: z.string(), displayName: z.string(), message: z.string() });
export type HostChange = z.infer<typeof HostChange>;

export const CircleSnapshot = z.object({
  sessionId: z.string(),
  you: z.object({ identity: z.string(), isHost: z.boolean() }),
  topic: TopicState,
  participants: z.array(LiveParticipant),
  hands: z.array(HandEntry),
  locked: z.boolean(),
  ended: z.boolean(),
  /** Knocks waiting at the door: for hosts only (empty for everyone else). */
  knocks: z.array(KnockEntry),
  /** Who is hosting now when someone took over (an identity), else null. */
  actingHost: z.string().nullable(),
  /** Shown in the "not a crisis service" panel; configurable by the society. */
  crisisText: z.string(),
});
export type CircleSnapshot = z.infer<typeof CircleSnapshot>;

export const REACTIONS = ['heart', 'clap', 'thumbs_up', 'smile', 'coffee'] as const;
export const Reaction = z.enum(REACTIONS);
export type Reaction = z.infer<typeof Reaction>;

export const CHAT_MAX_LENGTH = 500;
export const TOPIC_MAX_LENGTH = 200;

export const ChatMessage = z.object({
  id: z.string(),
  identity: z.string(),
  displayName: z.string(),
  text: z.string(),
  at: z.string(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export const MODERATION_ACTIONS = ['muted', 'mic_blocked', 'mic_allowed', 'camera_off', 'removed'] as const;
export const ModerationNotice = z.object({ action: z.enum(MODERATION_ACTIONS), message: z.string() });
export type ModerationNotice = z.infer<typeof ModerationNotice>;

/**
 * A person's private request for one-on-one support, seen only by staff. It names no session: staff learn that
 * the person asked, not which circle they were in.
 */
export const SupportRequest = z.object({
  id: z.string(),
  fromCircle: z.boolean(),
  firstName: z.string(),
  email: z.string(),
  memberKind: z.string().nullable(),
  createdAt: z.string(),
  handledAt: z.string().nullable(),
});
export type SupportRequest = z.infer<typeof SupportRequest>;

/**
 * The id a client gives a command, so that a retry after a lost acknowledgement applies it once: the server
 * remembers, per person, the ids of commands it applied for the connection-recovery window and answers a repeat
 * with the first result. Opaque and client-made (the web client sends 128 random bits, a UUID fits too): 16 to
 * 64 letters, digits, `-` or `_`, so it is safe in a Redis key.
 */
export const CommandId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, 'live.validation.commandId');
export type CommandId = z.infer<typeof CommandId>;
const CommandMeta = z.object({ commandId: CommandId.optional() });

/**
 * Reads a command's payload as it arrives: `commandId`, a key every payload may carry, is taken apart from the
 * command's own fields (so no payload schema repeats it) and each is validated. Optional on the wire, so a tab
 * still running the client from before an upgrade keeps working; such a command is applied without deduplication.
 */
export function parseCommand<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  /** zod's own messages in the person's locale (our schemas' messages are ids, rendered with the ack). */
  params?: { error?: z.core.$ZodErrorMap },
): { success: true; commandId: CommandId | undefined; payload: z.infer<S> } | { success: false; error: z.ZodError } {
  let payload = raw;
  let commandId: CommandId | undefined;
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw) && Object.hasOwn(raw, 'commandId')) {
    // A copy of the own fields (a `__proto__` key stays a plain key, refused by the strict schemas below).
    const { commandId: given, ...rest } = raw as Record<string, unknown>;
    const m = CommandMeta.safeParse({ commandId: given }, params);
    if (!m.success) return { success: false, error: m.error };
    commandId = m.data.commandId;
    payload = rest;
  }
  const p = schema.safeParse(payload, params);
  if (!p.success) return { success: false, error: p.error };
  return { success: true, commandId, payload: p.data };
}

// Command payloads (each may also carry `commandId`, read by `parseCommand`). Strict: unknown keys are refused.
/** The payload of a command that needs nothing but the circle the socket is in. */
export const Empty = z.object({}).strict();
export const CircleJoinPayload = z.object({ sessionId: SessionIdField, displayName: DisplayName }).strict();
export const TopicPivotPayload = z
  .object({ topic: z.string().trim().min(1, 'circles.validation.topicRequired' satisfies MessageId).max(TOPIC_MAX_LENGTH) })
  .strict();
// The chat limit is written out in its message (an id takes no arguments here): keep the two in step.
export const ChatSendPayload = z
  .object({ text: z.string().trim().min(1, 'circles.validation.chatRequired' satisfies MessageId).max(CHAT_MAX_LENGTH, 'circles.validation.chatTooLong' satisfies MessageId) })
  .strict();
export const ChatRemovePayload = z.object({ messageId: z.string().min(1).max(64) }).strict();
export const ReactionSendPayload = z.object({ reaction: Reaction }).strict();
export const TargetPayload = z.object({ identity: IdentityField }).strict();
export const MicBlockPayload = z.object({ identity: IdentityField, blocked: z.boolean() }).strict();
export const LockPayload = z.object({ locked: z.boolean() }).strict();
/** Knocking at a locked circle: which one, and the name the hosts will see (the same rules as joining). */
export const CircleKnockPayload = CircleJoinPayload;
export const KnockAnswerPayload = z.object({ identity: IdentityField }).strict();
export const SupportHandlePayload = z.object({ id: z.string().uuid() }).strict();

/**
 * A circle's media key as the server hands it to one admitted person: 32 bytes (base64url) for livekit-client's
 * end-to-end encryption, and the epoch it belongs to (it moves on when a host removes someone). Never stored,
 * logged or broadcast; the client keeps it only in its key provider.
 */
export const E2eeKeyGrant = z.object({
  epoch: z.number().int().min(0),
  key: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'live.validation.mediaKey'),
});
export type E2eeKeyGrant = z.infer<typeof E2eeKeyGrant>;

/**
 * Every live command and the schema of its payload: the one list of commands. The payload types in
 * `ClientToServerEvents` come from it, the server validates each command with it (and answers anything not in it
 * with UNKNOWN_EVENT), and the fuzz tests send hostile payloads to every command in it.
 */
export const COMMAND_PAYLOADS = {
  'circle:join': CircleJoinPayload,
  'circle:leave': Empty,
  'circle:lock': LockPayload,
  'circle:end': Empty,
  'topic:pivot': TopicPivotPayload,
  'hand:raise': Empty,
  'hand:lower': Empty,
  'hand:callNext': Empty,
  'hand:lowerAll': Empty,
  'chat:send': ChatSendPayload,
  'chat:remove': ChatRemovePayload,
  'reaction:send': ReactionSendPayload,
  'moderation:mute': TargetPayload,
  'moderation:blockMic': MicBlockPayload,
  'moderation:cameraOff': TargetPayload,
  'moderation:remove': TargetPayload,
  'support:request': Empty,
  'support:list': Empty,
  'support:handle': SupportHandlePayload,
  'e2ee:key': Empty,
  'circle:knock': CircleKnockPayload,
  'knock:withdraw': Empty,
  'knock:admit': KnockAnswerPayload,
  'knock:decline': KnockAnswerPayload,
  'host:handOver': TargetPayload,
} as const satisfies Record<string, z.ZodType>;

/** The name of a live command, `domain:verb`. */
export type LiveCommand = keyof typeof COMMAND_PAYLOADS;

/** Every live command, in the order of `COMMAND_PAYLOADS`. */
export const COMMANDS = Object.keys(COMMAND_PAYLOADS) as readonly LiveCommand[];

/**
 * What a client sends as a command's payload (besides `commandId`). A command with no fields of its own takes `{}`
 * (zod types `Empty` as a record of nothing, which would refuse `commandId` beside it).
 */
export type CommandPayload<C extends LiveCommand> =
  string extends keyof z.input<(typeof COMMAND_PAYLOADS)[C]> ? Record<never, never> : z.input<(typeof COMMAND_PAYLOADS)[C]>;
