import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with fake camera and microphone, and no traffic beyond loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  // WebRTC between processes on one machine: offer 127.0.0.1 as a candidate (needed where lo is the only link).
  '--allow-loopback-in-peer-connection',
  // No DNS at all except for loopback: Chromium otherwise looks up Google hosts even with background networking off.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

export interface BrowserOptions {
  /** The time zone the page's clock reads, as a person elsewhere would have. */
  timezoneId?: string;
  /** A phone instead of a desktop window. */
  phone?: boolean;
}

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * One Chromium process with its own empty profile (in `timezoneId`, if given, as a person elsewhere would be).
 * Every RTCPeerConnection the page makes is remembered, so a test can read the receivers' stats the way
 * webrtc-internals would, without any hook in the product.
 */
export async function launchBrowser(opts: BrowserOptions = {}): Promise<TestBrowser> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'redmug-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    // A phone: 390×844 CSS px, touch, a mobile viewport (as an iPhone 12–15 is); a 1280×800 desktop otherwise.
    ...(opts.phone ? { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 } : { viewport: { width: 1280, height: 800 } }),
    ...(opts.timezoneId ? { timezoneId: opts.timezoneId } : {}),
  });
  await context.addInitScript(() => {
    const Native = window.RTCPeerConnection;
    const seen: RTCPeerConnection[] = [];
    (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections = seen;
    window.RTCPeerConnection = class extends Native {
      constructor(config?: RTCConfiguration) {
        super(config);
        seen.push(this);
      }
    } as typeof RTCPeerConnection;
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Bytes received so far on inbound RTP streams, by kind, across the page's peer connections. */
export function inboundBytes(page: Page): Promise<{ audio: number; video: number }> {
  return page.evaluate(async () => {
    const totals = { audio: 0, video: 0 };
    const pcs = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections ?? [];
    for (const pc of pcs) {
      if (pc.connectionState === 'closed') continue;
      const stats = await pc.getStats();
      stats.forEach((s: { type: string; kind?: string; bytesReceived?: number }) => {
        if (s.type === 'inbound-rtp' && (s.kind === 'audio' || s.kind === 'video')) totals[s.kind] += s.bytesReceived ?? 0;
      });
    }
    return totals;
  });
}

/** Video frames decoded so far on the page's inbound streams (bytes can arrive that nobody can decode). */
export function framesDecoded(page: Page): Promise<number> {
  return page.evaluate(async () => {
    let n = 0;
    for (const pc of (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections ?? []) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((s: { type: string; kind?: string; framesDecoded?: number }) => {
        if (s.type === 'inbound-rtp' && s.kind === 'video') n += s.framesDecoded ?? 0;
      });
    }
    return n;
  });
}
