// A pass-through HTTP proxy in front of the local Stripe server that can "lose the network":
// while down, every request's connection is dropped (as an unplugged cable or a dead Wi-Fi
// looks to the SDK); `downAfter(n)` lets n more requests through first, to cut a sync mid-run.
import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface SwitchProxy {
  port: number;
  url: string;
  forwarded: number;
  up(): void;
  down(): void;
  downAfter(requests: number): void;
  close(): Promise<void>;
}

export async function startSwitchProxy(targetPort: number): Promise<SwitchProxy> {
  const state = { forwarded: 0, isDown: false, budget: Infinity };
  const sockets = new Set<Socket>();
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (state.isDown || state.budget <= 0) {
      state.isDown = true;
      req.socket.destroy();
      return;
    }
    state.budget -= 1;
    const upstream = request(
      { host: "127.0.0.1", port: targetPort, method: req.method, path: req.url, headers: req.headers },
      (reply) => {
        state.forwarded += 1;
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  };
  const server = createServer(handle);
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    get forwarded() {
      return state.forwarded;
    },
    up: () => {
      state.isDown = false;
      state.budget = Infinity;
    },
    down: () => {
      state.isDown = true;
      dropAll();
    },
    downAfter: (requests) => {
      state.isDown = false;
      state.budget = requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        dropAll();
        server.close(() => resolve());
      }),
  };
}
