// Body limits before Next: Next's proxy step (proxy.ts) reads a request's whole body before any
// route handler runs, so route()'s limit alone would come only after a 100 MB upload had been
// received. Here, ahead of Next, a declared Content-Length over the path's limit
// (transportBodyLimit) is answered 413 without reading, and a body sent without a length is
// counted as it arrives and cut off (413; what follows is discarded, the connection closed
// shortly after) once it passes the limit.
import http from "node:http";
import { transportBodyLimit } from "@/lib/http/body-limit";
import { log } from "@/lib/log";

type Listener = (request: http.IncomingMessage, response: http.ServerResponse) => void;

/** How long a refused sender may go on writing (discarded) after the 413 before the connection is cut. */
const LINGER_MS = 2_000;

function refuse(request: http.IncomingMessage, response: http.ServerResponse, limit: number): void {
  if (response.headersSent) {
    request.socket.destroy();
    return;
  }
  const body = JSON.stringify({
    type: "about:blank",
    title: "Payload Too Large",
    status: 413,
    detail: `The request body is larger than this route accepts (${limit} bytes).`,
  });
  response.writeHead(413, {
    "content-type": "application/problem+json",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    connection: "close",
  });
  // A lingering close: Node ends a `connection: close` answer with socket.destroySoon(), which
  // would reset the connection under a sender still writing before it has read this answer. So
  // the socket half-closes instead, what still arrives is discarded (never kept), and the
  // connection is cut a little later.
  const socket = request.socket;
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
  request.resume();
  response.end(body);
  log.warn(
    { method: request.method, path: request.url?.split("?")[0], status: 413, limit },
    "body too large",
  );
}

export function installBodyLimit(): void {
  const original = http.createServer.bind(http);
  const wrap =
    (listener: Listener): Listener =>
    (request, response) => {
      const limit = transportBodyLimit((request.url ?? "/").split("?")[0]!);
      const declared = Number(request.headers["content-length"] ?? "0");
      if (declared > limit) return refuse(request, response, limit);
      if (request.headers["transfer-encoding"] !== undefined) {
        // Node's HTTP parser hands each body chunk to push(): count there, before anyone buffers it.
        let received = 0;
        const push = request.push.bind(request);
        request.push = (chunk: unknown, encoding?: BufferEncoding) => {
          if (received > limit) return true; // refused: discarded as it arrives
          if (chunk !== null) received += (chunk as Buffer).byteLength;
          if (received > limit) {
            refuse(request, response, limit);
            return true;
          }
          return push(chunk, encoding);
        };
      }
      listener(request, response);
    };
  (http as { createServer: unknown }).createServer = (...args: unknown[]) => {
    const index = args.findIndex((arg) => typeof arg === "function");
    if (index > -1) args[index] = wrap(args[index] as Listener);
    return (original as (...a: unknown[]) => http.Server)(...args);
  };
}
