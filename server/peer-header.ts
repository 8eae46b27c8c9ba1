// Makes the connecting address trustworthy for the app: every request Next receives carries
// PEER_HEADER set from the socket (or, behind a trusted local proxy, from its
// X-Forwarded-For), replacing anything the client sent. Without this, loopback checks would
// rest on headers any client can forge.
import http from "node:http";
import { PEER_HEADER, resolvePeer } from "@/lib/auth/peer";

type Listener = (request: http.IncomingMessage, response: http.ServerResponse) => void;

export function installPeerHeader(trustProxy: boolean): void {
  const original = http.createServer.bind(http);
  const wrap =
    (listener: Listener): Listener =>
    (request, response) => {
      const forwarded = request.headers["x-forwarded-for"];
      request.headers[PEER_HEADER] = resolvePeer(
        request.socket.remoteAddress,
        Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
        trustProxy,
      );
      if (!trustProxy) {
        // Next fills these from the socket only when absent; a client must not choose them.
        delete request.headers["x-forwarded-for"];
        delete request.headers["x-forwarded-proto"];
        delete request.headers["x-forwarded-host"];
      }
      listener(request, response);
    };
  // Next's standalone server calls http.createServer(listener) (or with options first).
  (http as { createServer: unknown }).createServer = (...args: unknown[]) => {
    const index = args.findIndex((arg) => typeof arg === "function");
    if (index > -1) args[index] = wrap(args[index] as Listener);
    return (original as (...a: unknown[]) => http.Server)(...args);
  };
  process.env.BOOKINGS_PEER_HEADER = "1";
}
