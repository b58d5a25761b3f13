import { findLivekitBinary, startLocalLivekit, type LocalLivekit } from '../../server/src/livekit/localLivekit';

/** A local livekit-server for one test file (webhooks to `webhookUrl`, if given); fails loudly when the binary is missing. */
export async function startTestLivekit(opts: { webhookUrl?: string; logLevel?: 'debug' | 'info' | 'warn'; onLog?: (line: string) => void } = {}): Promise<LocalLivekit> {
  const bin = findLivekitBinary(process.env.LIVEKIT_BIN);
  if (!bin) throw new Error('livekit-server is needed: run infra/provision.sh (npm test does)');
  return startLocalLivekit({ bin, ...opts });
}

/** `Encryption_Type.GCM` in LiveKit's protocol (livekit-server-sdk reports tracks with it, without exporting the enum). */
export const GCM = 1;
