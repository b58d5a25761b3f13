/**
 * B0, the floor: a bare `ws` server. Rooms are sets of sockets; a message is forwarded as the very string that
 * arrived (encoded once) to everyone in the sender's room.
 */
import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

const rooms = new Map<string, Set<WebSocket>>();
const server = createServer((_req, res) => res.end('ok'));
const wss = new WebSocketServer({ server });

wss.on('connection', (ws, req) => {
  const room = new URL(req.url ?? '/', 'http://x').searchParams.get('room') ?? 'none';
  let set = rooms.get(room);
  if (!set) rooms.set(room, (set = new Set()));
  set.add(ws);
  ws.on('message', (data, isBinary) => {
    for (const peer of set) if (peer.readyState === 1) peer.send(data, { binary: isBinary });
  });
  ws.on('close', () => set.delete(ws));
});

server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  process.stdout.write(`listening ${typeof addr === 'object' && addr ? addr.port : 0}\n`);
});
// A clean exit on the bench's SIGTERM, so `--profile` gets this process's CPU profile too.
process.on('SIGTERM', () => process.exit(0));
