import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A tiny round-robin TCP load balancer in front of several app instances: each new connection goes to the next
 * backend that accepts it, as a load balancer with health checks would. Clients see one URL throughout.
 */
export interface TcpProxy {
  url: string;
  /** Cuts every connection open right now (both sides see it close), as a flaky network would. */
  dropAll(): number;
  /**
   * From now on, loses whatever the apps send on the connections open right now (acks, events), while what the
   * clients send still arrives: a reply lost on the wire. Connections made later are not affected.
   */
  loseReplies(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(backends: string[]): Promise<TcpProxy> {
  const targets = backends.map((u) => new URL(u));
  let next = 0;
  const open = new Set<net.Socket>();
  /** Each upstream with the client it answers, while both are open. */
  const pairs = new Map<net.Socket, net.Socket>();
  const connectAny = (tries: number, onConnected: (s: net.Socket) => void, onFail: () => void) => {
    if (tries === 0) return onFail();
    const t = targets[next++ % targets.length]!;
    const upstream = net.connect(Number(t.port), t.hostname);
    upstream.once('connect', () => onConnected(upstream));
    upstream.once('error', () => {
      upstream.destroy();
      connectAny(tries - 1, onConnected, onFail);
    });
  };
  const server = net.createServer((client) => {
    open.add(client);
    client.pause();
    client.on('error', () => undefined);
    client.on('close', () => open.delete(client));
    connectAny(
      targets.length,
      (upstream) => {
        open.add(upstream);
        pairs.set(upstream, client);
        upstream.removeAllListeners('error');
        upstream.on('error', () => client.destroy());
        upstream.on('close', () => {
          open.delete(upstream);
          pairs.delete(upstream);
          client.destroy();
        });
        client.on('close', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      },
      () => client.destroy(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dropAll() {
      const n = open.size;
      for (const s of open) s.destroy();
      return n;
    },
    loseReplies() {
      for (const [upstream, client] of pairs) {
        upstream.unpipe(client);
        // Read and drop, so the app is never held back by a full buffer.
        upstream.on('data', () => undefined);
        upstream.resume();
      }
    },
    async close() {
      for (const s of open) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
