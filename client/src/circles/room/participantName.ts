/** The name to show: the display name chosen at join. The identity is opaque and never shown. */
export function participantName(name: string | undefined): string {
  const trimmed = name?.trim();
  return trimmed ? trimmed : 'Guest';
}
