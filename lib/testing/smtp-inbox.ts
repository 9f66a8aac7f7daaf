import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { rcpt: string[]; mail: ParsedMail };

/**
 * A real SMTP server on loopback that keeps every message it accepts, parsed,
 * with the envelope's recipients (what a header trick could add to).
 * Port 0 picks a free one.
 */
export async function startSmtpInbox(port = 0) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // A reverse DNS lookup per connection takes seconds without a resolver.
    disableReverseLookup: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => received.push({ rcpt: session.envelope.rcptTo.map((r) => r.address), mail }))
        .then(() => callback(), callback);
    },
  });
  server.listen(port, "127.0.0.1");
  await once(server.server, "listening");
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
