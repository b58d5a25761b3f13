import nodemailer from 'nodemailer';

/** Sends plain-text mail. CAUTION: callers must never put confidential content (request text) in a message. */
export interface Mailer {
  send(message: {
    to: string;
    subject: string;
    text: string;
    /** Extra header fields, e.g. List-Unsubscribe (RFC 2369) and List-Unsubscribe-Post (RFC 8058). */
    headers?: Record<string, string>;
  }): Promise<void>;
}

/** SMTP through nodemailer; `url` is like smtps://user:pass@smtp.example.org:465. */
export function smtpMailer(opts: { url: string; from: string }): Mailer {
  const transport = nodemailer.createTransport(opts.url);
  return {
    async send(message) {
      await transport.sendMail({ from: opts.from, ...message });
    },
  };
}

/**
 * Whether a failed send surely delivered nothing, so sending again cannot make a second copy: the mail server
 * answered with a refusal (an SMTP reply code), or no message was ever handed over (no connection, no address,
 * sign-in refused). A connection lost while the message was being handed over is not sure: the server may have
 * queued it.
 */
export function surelyNotSent(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { responseCode?: unknown; code?: unknown; syscall?: unknown };
  if (typeof e.responseCode === 'number') return true;
  // Never connected (refused, unreachable). nodemailer reports a connection that closed mid-message as "CONN" too,
  // so the failed system call is what tells the two apart.
  if (e.syscall === 'connect') return true;
  return typeof e.code === 'string' && ['EDNS', 'EAUTH', 'EENVELOPE'].includes(e.code);
}
