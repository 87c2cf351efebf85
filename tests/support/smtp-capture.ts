// A real SMTP server for end-to-end tests (the `smtp-server` package): it
// accepts every message sent to SMTP_CAPTURE_PORT and shows what it received
// as JSON on http://127.0.0.1:MAIL_HTTP_PORT/messages.
import http from "node:http";
import { SMTPServer } from "smtp-server";

type Captured = { from: string; to: string[]; raw: string; receivedAt: string };
const messages: Captured[] = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      messages.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
        to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
        raw: Buffer.concat(chunks).toString("utf8"),
        receivedAt: new Date().toISOString(),
      });
      callback();
    });
  },
});

const web = http.createServer((request, response) => {
  if (request.url?.startsWith("/messages")) {
    response.writeHead(200, { "Content-Type": "application/json" });
    response.end(JSON.stringify({ messages }));
    return;
  }
  response.writeHead(404);
  response.end();
});

smtp.listen(Number(process.env.SMTP_CAPTURE_PORT), "127.0.0.1");
web.listen(Number(process.env.MAIL_HTTP_PORT), "127.0.0.1");
