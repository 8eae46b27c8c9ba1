// Built feed bodies by ETag. Many calendar apps (Google's among them) poll without
// If-None-Match, so an unchanged feed would be rebuilt on every poll; the ETag already proves
// the body would be identical, so the last bodies built are kept, up to a byte budget.
import { clearFeedBuilds } from "@/lib/calendar/feed-body";

const MAX_BYTES = 32 * 1024 * 1024;

const state = ((globalThis as { feedBodies?: { bodies: Map<string, string>; bytes: number } }).feedBodies ??=
  {
    bodies: new Map(),
    bytes: 0,
  });

/** The body built for `key` (database + ETag), building and remembering it when absent. */
export function cachedBody(key: string, build: () => string): string {
  const hit = state.bodies.get(key);
  if (hit !== undefined) {
    // Refresh its place: the least recently used body is evicted first.
    state.bodies.delete(key);
    state.bodies.set(key, hit);
    return hit;
  }
  const body = build();
  state.bodies.set(key, body);
  state.bytes += body.length;
  for (const [oldest, value] of state.bodies) {
    if (state.bytes <= MAX_BYTES || oldest === key) break;
    state.bodies.delete(oldest);
    state.bytes -= value.length;
  }
  return body;
}

/** Forgets built bodies and the builds they were patched from (a restart, for tests and benchmarks). */
export function clearBodyCache(): void {
  state.bodies.clear();
  state.bytes = 0;
  clearFeedBuilds();
}
