import { z } from 'zod';

/**
 * What someone chose on the pre-join page, kept on this device for their next circle: the name they show and the
 * camera, microphone and speaker they used, and whether they blur their background. Only in this browser's storage, per account, and forgotten on signing out.
 */
const Remembered = z.object({
  displayName: z.string().max(40).default(''),
  cameraDeviceId: z.string().max(200).default(''),
  microphoneDeviceId: z.string().max(200).default(''),
  speakerDeviceId: z.string().max(200).default(''),
  blurBackground: z.boolean().default(false),
});
export type Remembered = z.infer<typeof Remembered>;

const PREFIX = 'redmug:prejoin:';
const EMPTY: Remembered = { displayName: '', cameraDeviceId: '', microphoneDeviceId: '', speakerDeviceId: '', blurBackground: false };

export function recallChoices(userId: string): Remembered {
  try {
    const parsed = Remembered.safeParse(JSON.parse(localStorage.getItem(PREFIX + userId) ?? 'null'));
    return parsed.success ? parsed.data : EMPTY;
  } catch {
    return EMPTY;
  }
}

export function rememberChoices(userId: string, choices: Remembered): void {
  // Only what is listed above is kept (never whether the camera or microphone was on).
  const kept = Remembered.safeParse(choices);
  if (!kept.success) return;
  try {
    localStorage.setItem(PREFIX + userId, JSON.stringify(kept.data));
  } catch {
    // Storage full or switched off: the next circle simply starts from the defaults.
  }
}

/** One choice changed in the call (blur turned on, say): remembered with the rest. */
export function rememberChoice(userId: string, change: Partial<Remembered>): void {
  rememberChoices(userId, { ...recallChoices(userId), ...change });
}

/** On signing out: nothing of anyone's circle choices stays on the device. */
export function forgetAllChoices(): void {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
  } catch {
    // nothing stored, nothing to forget
  }
}

/** The name to offer first: the one chosen last time, else the first word of the account's first name. */
export function defaultDisplayName(remembered: string, firstName: string): string {
  return (remembered || firstName.trim().split(/\s+/)[0] || '').slice(0, 40);
}
