// The window's first page. The window opens at once on desktop/resources/starting.html
// ("Starting…"), served by the launcher itself on a private loopback port, while the server
// starts beside it. The page reports when it is drawn (POST shown), then long-polls `next`: the
// launcher answers with the signed-in app URL once the server is healthy, or with the reason
// it could not start. Every path sits under a random per-launch prefix, and the app URL (a
// single-use sign-in link) is handed out once, so other local programs learn no more than
// the window's command line already tells them.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";

/** How long one `next` request is held before the page is told to ask again (204). */
const HOLD_MS = 10_000;

type Destination = { url: string } | { error: string };

export interface StartPage {
  /** The page to open the window on. */
  url: string;
  /** Resolves with performance.now() when the page says it has been drawn. */
  shown: Promise<number>;
  /** Resolves once the page has been given its destination. */
  handedOver: Promise<void>;
  /** Sends the page to `url` (the signed-in app). */
  go: (url: string) => void;
  /** Shows why the app could not start. */
  fail: (message: string) => void;
  close: () => Promise<void>;
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/** Serves `pageFile` on 127.0.0.1 at a free port under a random prefix. */
export async function serveStartPage(pageFile: string): Promise<StartPage> {
  const html = readFileSync(pageFile);
  const prefix = `/${randomBytes(16).toString("hex")}/`;
  const shown = deferred<number>();
  const handedOver = deferred<void>();
  const waiting = new Set<http.ServerResponse>();
  let destination: Destination | undefined;
  let delivered = false;

  let closing: Promise<void> | undefined;
  // Idle keep-alive connections close at once; a response still being written gets a second.
  const stopServing = () =>
    new Promise<void>((resolve) => {
      for (const response of waiting) if (!response.headersSent) response.writeHead(204).end();
      waiting.clear();
      server.close(() => resolve());
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 1_000).unref();
    });
  const close = () => (closing ??= stopServing());

  const answer = (response: http.ServerResponse) => {
    if (!destination) return false;
    if ("url" in destination && delivered) {
      response.writeHead(410).end();
      return true;
    }
    response
      .writeHead(200, { "content-type": "application/json", "cache-control": "no-store" })
      .end(JSON.stringify(destination));
    if ("url" in destination) {
      delivered = true;
      handedOver.resolve();
      // Its work is done once the page has left (a "shown" report may still be on its way).
      setTimeout(() => void close(), 5_000).unref();
    }
    return true;
  };

  let port = 0;
  const server = http.createServer((request, response) => {
    // Only this loopback origin, so a web page elsewhere cannot rebind a name to it.
    if (request.headers.host !== `127.0.0.1:${port}`) return void response.writeHead(403).end();
    if (request.method === "GET" && request.url === prefix) {
      response
        .writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" })
        .end(html);
    } else if (request.method === "POST" && request.url === `${prefix}shown`) {
      shown.resolve(performance.now());
      response.writeHead(204).end();
    } else if (request.method === "GET" && request.url === `${prefix}next`) {
      if (answer(response)) return;
      waiting.add(response);
      const timer = setTimeout(() => {
        waiting.delete(response);
        if (!response.headersSent) response.writeHead(204).end();
      }, HOLD_MS);
      response.once("close", () => {
        clearTimeout(timer);
        waiting.delete(response);
      });
    } else {
      response.writeHead(404).end();
    }
  });
  const settle = (value: Destination) => {
    if (destination) return;
    destination = value;
    for (const response of [...waiting]) {
      waiting.delete(response);
      answer(response);
    }
  };

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host: "127.0.0.1", port: 0 }, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  // Nothing here may take the launcher down: a broken connection only loses the page's poll.
  server.on("error", () => undefined);
  server.on("clientError", (_error, socket) => socket.destroy());
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    shown: shown.promise,
    handedOver: handedOver.promise,
    go: (url) => settle({ url }),
    fail: (error) => settle({ error }),
    close,
  };
}
