/** B1: bare Socket.IO with the in-memory adapter and no application logic: join a room, broadcast to it. */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const server = createServer();
const io = new Server(server, { serveClient: false });
io.on('connection', (socket) => {
  socket.on('join', (room: string, ack?: () => void) => {
    void socket.join(room);
    ack?.();
  });
  socket.on('chat', (p: { room: string; text: string }) => {
    io.to(p.room).emit('chat', p);
  });
});
server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  process.stdout.write(`listening ${typeof addr === 'object' && addr ? addr.port : 0}\n`);
});
// A clean exit on the bench's SIGTERM, so `--profile` gets this process's CPU profile too.
process.on('SIGTERM', () => process.exit(0));
