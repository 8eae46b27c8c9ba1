// Who can open a feed link: the address in front of the token decides. Calendar services
// (Google, iCloud) fetch from their own servers, so only a public address works for them; a LAN
// address works for devices on the same network; 127.0.0.1/localhost only on this computer.
// One wording for the CLI and the screens.
import { isLoopbackBind, lanUrls } from "@/lib/auth/lan";
import { isLoopbackUrl } from "@/lib/config";

export type FeedReach = "anywhere" | "network" | "this-computer";

export interface FeedOrigin {
  /** The address links are built on (no trailing slash). */
  origin: string;
  reach: FeedReach;
}

/** The section of docs/FEEDS.md that says how to make links work elsewhere. */
export const FEEDS_DOC = "docs/FEEDS.md, “Links that work off this computer”";

const PRIVATE_HOST = [
  /^10\./,
  /^192\.168\./,
  /^172\.(1[6-9]|2\d|3[01])\./,
  /^169\.254\./,
  /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./, // carrier-grade NAT / Tailscale
  /^f[cd][0-9a-f]{2}:/i,
  /^fe80:/i,
  /\.(local|lan|home|internal|home\.arpa)$/i,
  /^[^.:]+$/, // a single-label name resolves on the local network only
];

/** How far a link on `url` reaches. */
export function reachOf(url: string): FeedReach {
  if (isLoopbackUrl(url)) return "this-computer";
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  } catch {
    return "this-computer";
  }
  return PRIVATE_HOST.some((pattern) => pattern.test(host)) ? "network" : "anywhere";
}

/**
 * Where feed links point: PUBLIC_URL when set; else the address the owner is using, unless that
 * is this computer while the server also listens on the network, then the first LAN address (as
 * phone pairing does). Never a loopback address when something better exists.
 */
export function feedOrigin(input: {
  publicUrl: string | undefined;
  ownOrigin: string | undefined;
  fallback: string;
  host: string;
  port: number;
  lan?: string[];
}): FeedOrigin {
  const origin = (input.publicUrl ?? input.ownOrigin ?? input.fallback).replace(/\/+$/, "");
  if (input.publicUrl || reachOf(origin) !== "this-computer" || isLoopbackBind(input.host))
    return { origin, reach: reachOf(origin) };
  const lan = (input.lan ?? lanUrls(input.host, input.port))[0];
  return lan ? { origin: lan, reach: reachOf(lan) } : { origin, reach: "this-computer" };
}

/** What a person must know about a link on `origin`; null when it works anywhere. */
export function reachWarning(origin: string, reach: FeedReach): string | null {
  const host = new URL(origin).host;
  if (reach === "this-computer")
    return (
      `${host} is this computer only; Google, Apple and phones cannot reach it. ` +
      `Set PUBLIC_URL to an address they can reach (see ${FEEDS_DOC}).`
    );
  if (reach === "network")
    return (
      `${host} is on your local network: devices on it can subscribe (Apple Calendar, Thunderbird, ICSx⁵ on a ` +
      `phone on the same Wi-Fi), but Google Calendar and iCloud cannot reach it. For those, set PUBLIC_URL to ` +
      `a public address (see ${FEEDS_DOC}).`
    );
  return null;
}
