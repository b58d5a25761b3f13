import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A message as the SMTP server received it: the envelope and the raw message (headers and body, as sent). */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface SmtpServer {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  /** The next `count` messages are refused at the end of DATA with a temporary failure (451), as a busy relay does. */
  refuseNext(count: number): void;
  /**
   * The next `count` messages are kept (queued) but the connection is cut before the reply, so the sender cannot
   * know it was delivered: a relay that crashed right after queueing.
   */
  dropNext(count: number): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server on a free loopback port (RFC 5321's plain dialogue: EHLO, MAIL, RCPT, DATA, QUIT; no TLS, no
 * auth), keeping what it is sent. The app's mailer (nodemailer) talks to it over TCP exactly as to a mail relay.
 */
export async function startSmtpServer(): Promise<SmtpServer> {
  const received: ReceivedMail[] = [];
  let refusing = 0;
  let dropping = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.setEncoding('utf8');
    const say = (line: string) => socket.write(`${line}\r\n`);
    let buffer = '';
    let envelope: { from: string; to: string[] } = { from: '', to: [] };
    let data: string[] | null = null;
    say('220 localhost ESMTP red-mug-test');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let i: number;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (data) {
          if (line === '.') {
            if (dropping > 0) {
              dropping -= 1;
              received.push({ ...envelope, raw: data.join('\r\n') });
              socket.destroy();
              return;
            }
            if (refusing > 0) {
              refusing -= 1;
              say('451 4.3.0 try again later');
            } else {
              received.push({ ...envelope, raw: data.join('\r\n') });
              say('250 2.0.0 queued');
            }
            envelope = { from: '', to: [] };
            data = null;
          } else data.push(line.startsWith('..') ? line.slice(1) : line);
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') socket.write('250-localhost\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n');
        else if (verb === 'HELO') say('250 localhost');
        else if (verb === 'MAIL') {
          envelope = { from: /<([^>]*)>/.exec(line)?.[1] ?? '', to: [] };
          say('250 2.1.0 ok');
        } else if (verb === 'RCPT') {
          envelope.to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
          say('250 2.1.5 ok');
        } else if (verb === 'DATA') {
          data = [];
          say('354 end with <CRLF>.<CRLF>');
        } else if (verb === 'RSET') {
          envelope = { from: '', to: [] };
          say('250 2.0.0 ok');
        } else if (verb === 'NOOP') say('250 2.0.0 ok');
        else if (verb === 'QUIT') {
          say('221 2.0.0 bye');
          socket.end();
        } else say('502 5.5.2 not implemented');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseNext(count) {
      refusing = count;
    },
    dropNext(count) {
      dropping = count;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The text of a received message with quoted-printable soft breaks and escapes undone (nodemailer wraps long lines). */
export function mailText(m: ReceivedMail): string {
  // A run of escapes is a whole UTF-8 sequence ("=C3=A9" is é).
  return m.raw.replace(/=\r\n/g, '').replace(/(?:=[0-9A-F]{2})+/g, (run) => Buffer.from(run.replace(/=/g, ''), 'hex').toString('utf8'));
}

/** A header field of a received message, unfolded (RFC 5322 continuation lines joined), or null when absent. */
export function mailHeader(m: ReceivedMail, name: string): string | null {
  const head = m.raw.split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ');
  const line = head.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? decodeWords(line.slice(name.length + 1).trim()) : null;
}

/** The body of a received message, decoded like `mailText`. */
export function mailBody(m: ReceivedMail): string {
  const text = mailText(m);
  return text.slice(text.indexOf('\r\n\r\n') + 4);
}

/** RFC 2047 encoded words (a French subject is "=?UTF-8?Q?...?="), decoded; the space between two of them goes. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_w, _charset: string, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeURIComponent(text.replace(/_/g, ' ').replace(/%/g, '%25').replace(/=([0-9A-Fa-f]{2})/g, '%$1')),
    );
}
