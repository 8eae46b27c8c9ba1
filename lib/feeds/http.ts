// HTTP shapes of feed links: the address links are built on for this request (PUBLIC_URL, or
// the address the owner is using), and a link's JSON with who can open it and why not.
import { ownOrigin } from "@/lib/auth/origin";
import { config } from "@/lib/config";
import type { IssuedFeed } from "@/lib/feeds/manage";
import { feedOrigin, reachWarning, type FeedOrigin, type FeedReach } from "@/lib/feeds/reach";

/** Feed links carry a secret: never kept by a cache. */
export const NO_STORE = { "cache-control": "no-store" } as const;

function originFor(own: string | undefined): FeedOrigin {
  const cfg = config();
  return feedOrigin({
    publicUrl: cfg.PUBLIC_URL ? cfg.publicUrl : undefined,
    ownOrigin: own,
    fallback: cfg.publicUrl,
    host: cfg.HOST,
    port: cfg.PORT,
  });
}

/** Where the links of this request's answer point. */
export function feedOriginOf(request: Request): FeedOrigin {
  return originFor(ownOrigin(request, config().TRUST_PROXY));
}

/** The same for a page (server component): its request headers; the server itself speaks http. */
export function feedOriginOfHeaders(headers: Headers): FeedOrigin {
  const host = headers.get("host");
  if (!host) return originFor(undefined);
  try {
    return originFor(ownOrigin(new Request(`http://${host}/`, { headers }), config().TRUST_PROXY));
  } catch {
    return originFor(undefined); // not a host (the proxy answers those with 421 first)
  }
}

export interface FeedReachJson {
  reach: FeedReach;
  /** What the person must know before handing the link out; null when it works anywhere. */
  warning: string | null;
}

export function reachJson(where: FeedOrigin): FeedReachJson {
  return { reach: where.reach, warning: reachWarning(where.origin, where.reach) };
}

/** A feed's links as the owner's screens get them. */
export function issuedJson(issued: IssuedFeed, where: FeedOrigin) {
  return { ...issued, ...reachJson(where) };
}
