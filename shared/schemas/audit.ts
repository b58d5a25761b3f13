/**
 * Every action the audit log records, with how it reads for people: the one vocabulary the server writes (its
 * `record()` takes only these) and the audit page shows. Names are `domain.verb`; none carries free text.
 */
export const AUDIT_ACTION_LABELS = {
  'circle.pivot': 'Changed the topic in a circle',
  'circle.mute': 'Muted someone in a circle',
  'circle.mic_block': 'Stopped someone from unmuting',
  'circle.mic_allow': 'Allowed someone to unmute again',
  'circle.camera_off': "Turned off someone's camera",
  'circle.remove': 'Removed someone from a circle',
  'circle.lock': 'Locked a circle to newcomers',
  'circle.unlock': 'Opened a circle to newcomers again',
  'circle.end': 'Ended a circle',
  'circle.chat_remove': 'Removed a chat message in a circle',
  'circle.knock_admit': 'Let someone into a locked circle',
  'circle.knock_decline': 'Declined someone knocking at a locked circle',
  'circle.hand_over': 'Handed hosting over to another volunteer',
  'series.create': 'Created a series',
  'series.update': 'Changed a series',
  'series.active': 'Resumed a series',
  'series.paused': 'Paused a series',
  'series.ended': 'Ended a series',
  'series.topics': 'Set topics for coming sessions',
  'popup.create': 'Created a pop-up circle',
  'session.topic': "Set a session's topic",
  'session.hosts': "Set a session's host",
  'session.cancel': 'Cancelled a session',
  'session.skip': 'Skipped a session',
  'session.restore': 'Restored a session',
  'session.move': 'Moved a session',
  'session.headcount': 'Recorded the headcount of an in-person circle',
  'session.headcount_correct': 'Corrected the headcount of an in-person circle',
  'request.read': 'Read a peer-support request',
  'request.suggestions': 'Looked at suggested peers for a request',
  'match.proposed': 'Proposed a match',
  'match.closed': 'Closed a match',
  'match.declined': 'Declined a proposed match',
  'outcomes.history_set': "Entered a year's match history from before the platform",
  'topics.library_add': 'Added a topic to the library',
  'topics.library_remove': 'Removed a topic from the library',
  'support.list': 'Read the open one-on-one support requests',
  'support.handle': 'Marked a one-on-one support request handled',
  'invite.create': 'Made an invite',
  'invite.accept': 'An invite was accepted',
  'invite.revoke': 'Revoked an invite',
  'user.create': 'Made an account (command line)',
  'user.role_change': "Changed someone's role",
  'user.sign_in_unlock': "Unlocked someone's sign-in",
  'user.disable': 'Disabled an account',
  'user.enable': 'Enabled an account again',
  'user.sessions_revoked': 'Ended every session of an account (password set from the command line)',
  'user.password_reset_link': 'Made a password reset link for someone',
  'user.password_reset': 'A password was reset with a link',
  'readiness.record': "Recorded a volunteer's training or confidentiality undertaking",
  'readiness.withdraw': "Recorded a volunteer's training or confidentiality undertaking as lapsed",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

/** How an action reads; an action from an older version of the app reads as its code. */
export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}
