// Where to send someone after sign-in (`?next=`): only a path on this site. Checked the way a
// browser reads it (WHATWG URL parsing drops TAB/CR/LF and turns `\` into `/`), so a value
// such as "/\t/evil.example" that looks local as text but leaves the site is refused.

/** Stands in for our origin: only whether the parsed URL stays on it matters. */
const BASE = "http://bookings.invalid";

/**
 * A same-site path (pathname + query + fragment, as the browser would resolve it) or "/".
 * The result never leaves the site and is never a network-path reference ("//host").
 */
export function safeNextPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/a/..//evil" resolves to the path "//evil", which a Location header would read as a host.
  if (!path.startsWith("/") || path.startsWith("//")) return "/";
  return path;
}
