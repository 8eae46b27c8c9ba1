// Who is on the other end of the connection. Clients can send any X-Forwarded-For, so the
// server process (server/peer-header.ts) writes the socket's address into PEER_HEADER,
// replacing whatever the client sent; only this header is trusted for loopback checks,
// rate limits and the audit log.
import { isIP } from "node:net";

export const PEER_HEADER = "x-bookings-peer";

export function isLoopbackAddress(address: string | undefined | null): boolean {
  if (!address) return false;
  const plain = address.replace(/^::ffff:/i, "");
  if (isIP(plain) === 4) return plain.startsWith("127.");
  return plain === "::1";
}

/** The connecting address as the server recorded it; "unknown" when not served through it. */
export function peerAddress(headers: Headers): string {
  return headers.get(PEER_HEADER) ?? "unknown";
}

/**
 * The address to record for a connection: the socket's, or, behind a trusted reverse proxy on
 * this machine, the last address that proxy appended to X-Forwarded-For.
 */
export function resolvePeer(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trustProxy: boolean,
): string {
  const socket = socketAddress ?? "unknown";
  if (!trustProxy || !isLoopbackAddress(socket) || !forwardedFor) return socket;
  const last = forwardedFor.split(",").at(-1)?.trim();
  return last && isIP(last.replace(/^\[|\]$/g, "")) ? last : socket;
}
