import type { Page } from 'playwright-core';

/** One of the page's peer connections: where its media comes from (the selected ICE pair's remote port) and how much arrived. */
export interface InboundPath {
  state: string;
  /** The server's UDP port on the selected candidate pair, or null before ICE has chosen one. */
  remotePort: number | null;
  audio: number;
  video: number;
}

/**
 * Every open peer connection of the page (browser.ts remembers them), read as webrtc-internals would: the remote
 * port of its selected candidate pair, and the inbound audio and video bytes it received.
 */
export function inboundPaths(page: Page): Promise<InboundPath[]> {
  return page.evaluate(async () => {
    const out: { state: string; remotePort: number | null; audio: number; video: number }[] = [];
    for (const pc of (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections ?? []) {
      if (pc.connectionState === 'closed') continue;
      const stats = await pc.getStats();
      const byId = new Map<string, Record<string, unknown>>();
      stats.forEach((s: Record<string, unknown>) => byId.set(s.id as string, s));
      const path = { state: pc.connectionState as string, remotePort: null as number | null, audio: 0, video: 0 };
      for (const s of byId.values()) {
        if (s.type === 'transport' && typeof s.selectedCandidatePairId === 'string') {
          const pair = byId.get(s.selectedCandidatePairId);
          const remote = pair ? byId.get(pair.remoteCandidateId as string) : undefined;
          if (remote && typeof remote.port === 'number') path.remotePort = remote.port;
        }
        if (s.type === 'inbound-rtp' && (s.kind === 'audio' || s.kind === 'video')) path[s.kind] += (s.bytesReceived as number | undefined) ?? 0;
      }
      out.push(path);
    }
    return out;
  });
}

/** Inbound audio and video bytes that came from the UDP ports `isFrom` accepts (one node's range, say). */
export async function inboundBytesFrom(page: Page, isFrom: (port: number) => boolean): Promise<{ audio: number; video: number }> {
  const totals = { audio: 0, video: 0 };
  for (const p of await inboundPaths(page)) {
    if (p.remotePort === null || !isFrom(p.remotePort)) continue;
    totals.audio += p.audio;
    totals.video += p.video;
  }
  return totals;
}
