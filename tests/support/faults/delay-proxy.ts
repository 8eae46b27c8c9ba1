// A pass-through HTTP proxy that delays every request, so a sync against the in-memory Stripe
// server takes long enough to be interrupted between pages.
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";

export interface DelayProxy {
  port: number;
  forwarded: number;
  close(): Promise<void>;
}

/** Forwards to 127.0.0.1:`targetPort` after `delayMs` per request. */
export async function startDelayProxy(targetPort: number, delayMs: number): Promise<DelayProxy> {
  const state = { forwarded: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      setTimeout(() => {
        const upstream = request(
          { host: "127.0.0.1", port: targetPort, method: req.method, path: req.url, headers: req.headers },
          (reply) => {
            state.forwarded += 1;
            res.writeHead(reply.statusCode ?? 502, reply.headers);
            reply.pipe(res);
          },
        );
        upstream.on("error", () => res.destroy());
        upstream.end(Buffer.concat(chunks));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get forwarded() {
      return state.forwarded;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
