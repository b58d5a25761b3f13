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
