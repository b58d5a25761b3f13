import { RoomServiceClient } from 'livekit-server-sdk';
import type { MessageId } from '../../../shared/i18n/catalog';
import type { MediaStatus } from '../../../shared/schemas/circles';
import { wordsNow } from '../live/wordsNow';

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
  setConnection(conn: MediaConnection | null, reasonWhenNone?: MessageId): void;
  /**
   * Whether LiveKit answers now, and if not why, in the current request's language (else English); the probe is
   * cached briefly so a rush of joins does not become a rush of probes.
   */
  status(): Promise<MediaStatus>;
  roomService(): RoomServiceClient | null;
}

export const NO_MEDIA_MESSAGE: MessageId = 'media.unavailable';

/** A probe's answer before it is put into words: why media is unavailable, as a message id. */
type Probed = { available: boolean; reason: MessageId | null };
const inWords = (p: Probed): MediaStatus => ({ available: p.available, message: p.reason === null ? null : wordsNow()(p.reason) });

export function httpUrlOf(wsUrl: string): string {
  return wsUrl.replace(/^ws(s?):\/\//, 'http$1://');
}

export function createMedia(initial: MediaConnection | null, opts: { cacheMs?: number; probeTimeoutMs?: number } = {}): Media {
  const cacheMs = opts.cacheMs ?? 2000;
  const timeoutMs = opts.probeTimeoutMs ?? 1500;
  let conn = initial;
  let reason: MessageId | null = initial ? null : NO_MEDIA_MESSAGE;
  let rooms: RoomServiceClient | null = null;
  let cached: { at: number; value: Promise<Probed> } | null = null;

  async function probe(c: MediaConnection): Promise<Probed> {
    try {
      const res = await fetch(httpUrlOf(c.url), { signal: AbortSignal.timeout(timeoutMs) });
      await res.body?.cancel();
      return res.ok ? { available: true, reason: null } : { available: false, reason: NO_MEDIA_MESSAGE };
    } catch {
      return { available: false, reason: NO_MEDIA_MESSAGE };
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
    async status() {
      if (!conn) return inWords({ available: false, reason });
      const now = Date.now();
      if (!cached || now - cached.at > cacheMs) cached = { at: now, value: probe(conn) };
      return inWords(await cached.value);
    },
    roomService() {
      if (!conn) return null;
      rooms ??= new RoomServiceClient(httpUrlOf(conn.url), conn.apiKey, conn.apiSecret);
      return rooms;
    },
  };
}
