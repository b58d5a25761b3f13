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
  /** The browser's language (navigator.language and Accept-Language), e.g. 'fr-CA'; Chromium's own without it. */
  locale?: string;
  /** The fake camera plays this .y4m file instead of Chromium's own test pattern. */
  fakeVideo?: string;
  /** Chromium's command line from the defaults (other host-resolver rules, a certificate to trust). */
  args?: (defaults: string[]) => string[];
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
    args: (opts.args ?? ((d) => d))(opts.fakeVideo ? [...CHROMIUM_ARGS, `--use-file-for-fake-video-capture=${opts.fakeVideo}`] : CHROMIUM_ARGS),
    // A phone: 390×844 CSS px, touch, a mobile viewport (as an iPhone 12–15 is); a 1280×800 desktop otherwise.
    ...(opts.phone ? { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 } : { viewport: { width: 1280, height: 800 } }),
    ...(opts.timezoneId ? { timezoneId: opts.timezoneId } : {}),
    ...(opts.locale ? { locale: opts.locale } : {}),
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

/**
 * How sharp a video looks: the mean difference between horizontally neighbouring pixels (R, G and B, 0–255) of
 * the first <video> inside `selector`, drawn at 320×240. A checkerboard scores tens; the same blurred, about 1.
 */
export function videoSharpness(page: Page, selector: string): Promise<number | null> {
  return page.evaluate((sel) => {
    const video = document.querySelector(sel)?.querySelector('video') ?? null;
    if (!video || video.readyState < 2 || !video.videoWidth) return null;
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 240;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return null;
    ctx.drawImage(video, 0, 0, 320, 240);
    const d = ctx.getImageData(0, 0, 320, 240).data;
    let sum = 0;
    for (let y = 0; y < 240; y++) {
      for (let x = 1; x < 320; x++) {
        const a = (y * 320 + x) * 4;
        sum += Math.abs(d[a]! - d[a - 4]!) + Math.abs(d[a + 1]! - d[a - 3]!) + Math.abs(d[a + 2]! - d[a - 2]!);
      }
    }
    return sum / (3 * 319 * 240);
  }, selector);
}
