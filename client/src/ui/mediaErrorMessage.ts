/** What to tell someone whose camera or microphone would not start, and what they can do about it. */
export function mediaErrorMessage(device: 'camera' | 'microphone', err: unknown): string {
  const name = err instanceof Error || err instanceof DOMException ? err.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
      return `Your browser is blocking the ${device}. Allow it in the address bar's site settings, then turn it on again.`;
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return `No ${device} was found. Check that it is plugged in, or pick another one.`;
    case 'NotReadableError':
    case 'TrackStartError':
      return `Your ${device} is busy in another app or tab. Close it there, then try again.`;
    default:
      return `Your ${device} could not start. You can still join and listen; try again in a moment.`;
  }
}
