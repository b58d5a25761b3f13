/**
 * A load generator process (forked by bench/run.ts): holds a slice of the clients, one connection each, and
 * measures delivery latency with the send time carried in each message (one clock: all on loopback).
 */
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';

export type Kind = 'ws' | 'sio' | 'app';
export interface ClientSpec {
  circle: string;
  /** Place in the circle, 0…size-1: the circle's messages rotate through its members, one a second. */
  slot: number;
  circleSize: number;
  /** Offset of this circle's second (ms), so circles do not all send at the same instant. */
  phaseMs: number;
  /** App only: the session cookie value and the session to join. */
  cookie?: string;
}
export type ToLoadgen =
  | { type: 'connect'; kind: Kind; url: string; clients: ClientSpec[]; connectsPerSecond: number }
  | { type: 'run'; durationMs: number; graceMs: number; handEveryMs: number }
  | { type: 'close' };
export interface RunResult {
  latencies: number[];
  /** Send time (epoch ms) of each latency sample, in the same order. */
  sentAt: number[];
  sent: number;
  received: number;
  crossCircle: number;
  cpuMicros: number;
  wallMs: number;
}
export type FromLoadgen =
  | { type: 'connected'; ok: number; failed: number; firstError: string | null }
  | { type: 'result'; result: RunResult };

interface Conn {
  spec: ClientSpec;
  send(text: string): void;
  hand(up: boolean): void;
  onMessage(fn: (text: string) => void): void;
  close(): void;
}

const send = (m: FromLoadgen) => process.send?.(m);
/** Epoch milliseconds with sub-millisecond resolution; every process on this machine reads the same clock. */
const now = () => performance.timeOrigin + performance.now();

async function connect(kind: Kind, url: string, spec: ClientSpec): Promise<Conn> {
  if (kind === 'ws') {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/?room=${encodeURIComponent(spec.circle)}`);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return {
      spec,
      send: (text) => ws.send(JSON.stringify({ t: 'chat', text })),
      hand: (up) => ws.send(JSON.stringify({ t: 'hand', up })),
      onMessage: (fn) =>
        ws.on('message', (data) => {
          const m = JSON.parse(String(data)) as { t: string; text?: string };
          if (m.t === 'chat' && m.text) fn(m.text);
        }),
      close: () => ws.close(),
    };
  }
  const socket: Socket = io(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: kind === 'app' ? { origin: url, cookie: `rm_sid=${spec.cookie}` } : {},
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  if (kind === 'sio') {
    await socket.timeout(30_000).emitWithAck('join', spec.circle);
    return {
      spec,
      send: (text) => socket.emit('chat', { room: spec.circle, text }),
      hand: (up) => socket.emit('chat', { room: spec.circle, text: `hand:${up}` }),
      onMessage: (fn) => socket.on('chat', (p: { text: string }) => p.text.startsWith('hand:') || fn(p.text)),
      close: () => socket.disconnect(),
    };
  }
  const ack = (await socket.timeout(30_000).emitWithAck('circle:join', { sessionId: spec.circle, displayName: 'Bench' })) as {
    ok: boolean;
    message?: string;
  };
  if (!ack.ok) throw new Error(`circle:join refused: ${ack.message}`);
  return {
    spec,
    send: (text) => socket.emit('chat:send', { text }, () => undefined),
    hand: (up) => socket.emit(up ? 'hand:raise' : 'hand:lower', {}, () => undefined),
    onMessage: (fn) => socket.on('chat:received', (m: { text: string }) => fn(m.text)),
    close: () => socket.disconnect(),
  };
}

let conns: Conn[] = [];

process.on('message', async (msg: ToLoadgen) => {
  if (msg.type === 'connect') {
    const gap = 1000 / msg.connectsPerSecond;
    let failed = 0;
    let ok = 0;
    let firstError: string | null = null;
    const started = Date.now();
    const pending: Array<Promise<void>> = [];
    for (const [i, spec] of msg.clients.entries()) {
      // Paced ramp-up: the i-th connection starts at i × gap.
      const wait = started + i * gap - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      pending.push(
        connect(msg.kind, msg.url, spec).then(
          (c) => {
            conns.push(c);
            ok++;
          },
          (err: Error) => {
            failed++;
            firstError ??= err.message;
          },
        ),
      );
    }
    await Promise.all(pending);
    send({ type: 'connected', ok, failed, firstError });
  } else if (msg.type === 'run') {
    const latencies: number[] = [];
    const sentAt: number[] = [];
    let received = 0;
    let crossCircle = 0;
    let sent = 0;
    let measuring = true;
    for (const c of conns) {
      c.onMessage((text) => {
        if (!measuring) return;
        const [circle, ts] = text.split('|');
        received++;
        if (circle !== c.spec.circle) crossCircle++;
        latencies.push(now() - Number(ts));
        sentAt.push(Number(ts));
      });
    }
    const cpu0 = process.cpuUsage();
    const t0 = Date.now();
    // One message a second per circle, from each member in turn (a person types far slower than once a second,
    // and the server's per-person chat limit is set for people).
    const timers: NodeJS.Timeout[] = conns.map((c) =>
      setTimeout(() => {
        const tick = () => {
          c.send(`${c.spec.circle}|${now()}`);
          sent++;
        };
        tick();
        timers.push(setInterval(tick, 1000 * c.spec.circleSize));
      }, c.spec.phaseMs + c.spec.slot * 1000),
    );
    // One member per circle raises and lowers a hand in turn, at the circle's own phase: circles do not all raise
    // hands at the same instant any more than they all chat at once.
    for (const c of conns.filter((x) => x.spec.slot === 1)) {
      let up = true;
      timers.push(
        setTimeout(() => {
          const toggle = () => {
            c.hand(up);
            up = !up;
          };
          toggle();
          timers.push(setInterval(toggle, msg.handEveryMs));
        }, c.spec.phaseMs),
      );
    }
    await new Promise((r) => setTimeout(r, msg.durationMs));
    for (const t of timers) clearInterval(t);
    await new Promise((r) => setTimeout(r, msg.graceMs));
    measuring = false;
    const cpu = process.cpuUsage(cpu0);
    send({
      type: 'result',
      result: { latencies, sentAt, sent, received, crossCircle, cpuMicros: cpu.user + cpu.system, wallMs: Date.now() - t0 },
    });
  } else if (msg.type === 'close') {
    for (const c of conns) c.close();
    conns = [];
    process.exit(0);
  }
});
