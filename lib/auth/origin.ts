// CSRF defence for cookie-authenticated requests: a state-changing request must come from a
// page of ours. Browsers send Origin on every cross-origin and same-origin POST (and
// Sec-Fetch-Site on all requests), so a request that carries a cookie but neither is refused.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** Our own origin as the browser sees it: scheme from the request URL (or trusted proxy), host from `Host`. */
export function ownOrigin(request: Request, trustProxy = false): string | undefined {
  const host = request.headers.get("host") ?? new URL(request.url).host;
  if (!host) return undefined;
  const forwarded = trustProxy ? request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() : undefined;
  const scheme =
    forwarded === "https" || forwarded === "http" ? forwarded : new URL(request.url).protocol.slice(0, -1);
  return `${scheme}://${host}`;
}

/** True when the request demonstrably comes from our own pages. */
export function isSameOrigin(request: Request, trustProxy = false): boolean {
  const origin = request.headers.get("origin");
  if (origin && origin !== "null") return origin === ownOrigin(request, trustProxy);
  const site = request.headers.get("sec-fetch-site");
  return site === "same-origin";
}
