// DNS-rebinding defence: the server answers only to host names that are this machine's
// (loopback names, its own addresses and host names) or listed in ALLOWED_HOSTS.
import os from "node:os";

/**
 * A `Host` header as RFC 9110 allows it: a bracketed IPv6 address or a plain name/IPv4 address,
 * then an optional port. Nothing else (userinfo such as `localhost:3301@evil.example`, paths,
 * spaces, a second colon) is a host.
 */
const HOST_HEADER = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9._-]+))(?::\d{1,5})?$/;

/** `Host` header value without its port, lower-cased, IPv6 brackets removed; "" when malformed. */
export function hostName(hostHeader: string): string {
  const match = HOST_HEADER.exec(hostHeader.trim().toLowerCase());
  return match ? (match[1] ?? match[2] ?? "") : "";
}

export function isLoopbackHostName(name: string): boolean {
  return (
    name === "localhost" ||
    name.endsWith(".localhost") ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name) ||
    name === "::1"
  );
}

let cached: { names: string[]; at: number } | undefined;
/** Addresses change with networks (DHCP, Wi-Fi), so the list is re-read every few seconds. */
const MACHINE_NAMES_TTL_MS = 5_000;

/** This machine's host names and interface addresses. */
export function machineNames(now = Date.now()): string[] {
  if (cached && now - cached.at < MACHINE_NAMES_TTL_MS) return cached.names;
  cached = { names: readMachineNames(), at: now };
  return cached.names;
}

function readMachineNames(): string[] {
  const names = [os.hostname().toLowerCase()];
  if (!names[0]!.includes(".")) names.push(`${names[0]}.local`);
  for (const list of Object.values(os.networkInterfaces())) {
    for (const item of list ?? []) names.push(item.address.toLowerCase().replace(/%.*$/, ""));
  }
  return names;
}

/** True when a request with this `Host` header may be served. */
export function isAllowedHost(hostHeader: string | null, extra: readonly string[]): boolean {
  if (!hostHeader) return false;
  const name = hostName(hostHeader);
  if (!name) return false;
  if (isLoopbackHostName(name)) return true;
  if (extra.includes(name)) return true;
  return machineNames().includes(name);
}

/** Routes authenticated by their own secret (signature, feed token): tunnels and calendar services reach them. */
export function isHostCheckExempt(pathname: string): boolean {
  return pathname === "/api/stripe/webhook" || /^\/calendar\/[^/]+\.ics$/.test(pathname);
}
