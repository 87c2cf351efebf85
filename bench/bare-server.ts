// The baseline server for the HTTP benchmarks, run as its own process (as the
// app is) so it does not share the load generator's event loop: plain
// node:http answering every request with the same bytes.
// Usage: bare-server.ts FILE CONTENT_TYPE PORT
import fs from "node:fs";
import http from "node:http";

const [file, contentType, port] = process.argv.slice(2);
if (!file || !contentType || !port) throw new Error("usage: bare-server.ts FILE CONTENT_TYPE PORT");
const body = fs.readFileSync(file);

http
  .createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": contentType, "Content-Length": body.length });
    response.end(body);
  })
  .listen(Number(port), "127.0.0.1");
