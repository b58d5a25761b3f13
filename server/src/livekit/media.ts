import { RoomServiceClient } from 'livekit-server-sdk';
import type { MediaStatus } from '../../../shared/schemas/circles';

export interface MediaConnection {
  /** What browsers connect to, ws:// or wss://. */
  url: string;
  apiKey: string;
  apiSecret: string;
}

/**
 * The app's view of LiveKit: connected to a server, or running without media for a stated reason. The local
 * livekit-server starts after the app listens (its webhooks point at us), so the connection can arrive late.
 */
export interface Media {
  connection(): MediaConnection | null;
  setConnection(conn: MediaConnection | null, reasonWhenNone?: string): void;
  /** Whether LiveKit answers now; cached briefly so a rush of joins does not become a rush of probes. */
  status(): Promise<MediaStatus>;
  roomService(): RoomServiceClient | null;
}

export const NO_MEDIA_MESSAGE =
  'Audio and video are unavailable right now. You can still see the circle; try again in a few minutes.';

export function httpUrlOf(wsUrl: string): string {
  return wsUrl.replace(/^ws(s?):\/\//, 'http$1://');
}

export function createMedia(initial: MediaConnection | null, opts: { cacheMs?: number; probeTimeoutMs?: number } = {}): Media {
  const cacheMs = opts.cacheMs ?? 2000;
  const timeoutMs = opts.probeTimeoutMs ?? 1500;
  let conn = initial;
  let reason: string | null = initial ? null : NO_MEDIA_MESSAGE;
  let rooms: RoomServiceClient | null = null;
  let cached: { at: number; value: Promise<MediaStatus> } | null = null;

  async function probe(c: MediaConnection): Promise<MediaStatus> {
    try {
      const res = await fetch(httpUrlOf(c.url), { signal: AbortSignal.timeout(timeoutMs) });
      await res.body?.cancel();
      return res.ok ? { available: true, message: null } : { available: false, message: NO_MEDIA_MESSAGE };
    } catch {
      return { available: false, message: NO_MEDIA_MESSAGE };
    }
  }

  return {
    connection: () => conn,
    setConnection(next, reasonWhenNone) {
      conn = next;
      reason = next ? null : (reasonWhenNone ?? NO_MEDIA_MESSAGE);
      rooms = null;
      cached = null;
    },
    status() {
      if (!conn) return Promise.resolve({ available: false, message: reason });
      const now = Date.now();
      if (!cached || now - cached.at > cacheMs) cached = { at: now, value: probe(conn) };
      return cached.value;
    },
    roomService() {
      if (!conn) return null;
      rooms ??= new RoomServiceClient(httpUrlOf(conn.url), conn.apiKey, conn.apiSecret);
      return rooms;
    },
  };
}
