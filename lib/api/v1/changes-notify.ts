// Wakes the open change streams (GET /api/v1/changes/stream) when the log moves. Writers in
// this process call `wakeChangeStreams()` while their transaction runs (better-sqlite3
// transactions are synchronous), so the check it schedules with setImmediate runs after the
// COMMIT (or ROLLBACK: then the counter has not moved and nobody is woken). Writes from another
// process (the CLI, a sync run from a terminal) are noticed by a slow poll of the counter, run
// only while a stream is open. One check serves every stream: 50 phones cost one query.
import { lastChangeSeq } from "@/lib/bookings/change-log";
import { sqlite, type Sqlite } from "@/lib/db/sqlite";

type Listener = (seq: number) => void;

/** How often the counter is read for writes from other processes. */
export const FALLBACK_POLL_MS = 1000;

const listeners = new Set<Listener>();
let scheduled = false;
let lastSeen = -1;
let poller: ReturnType<typeof setInterval> | undefined;
let database: () => Sqlite = sqlite;

function check(): void {
  scheduled = false;
  if (listeners.size === 0) return;
  const seq = lastChangeSeq(database());
  if (seq === lastSeen) return;
  lastSeen = seq;
  for (const listener of [...listeners]) listener(seq);
}

/** Call from a writer of the log (inside or after its transaction); cheap when nobody listens. */
export function wakeChangeStreams(): void {
  if (scheduled || listeners.size === 0) return;
  scheduled = true;
  setImmediate(check);
}

/** Calls `listener(seq)` whenever the committed log moves; returns the unsubscribe function. */
export function onChanges(listener: Listener, db: () => Sqlite = sqlite): () => void {
  database = db;
  if (listeners.size === 0) lastSeen = lastChangeSeq(database());
  listeners.add(listener);
  poller ??= setInterval(check, FALLBACK_POLL_MS);
  poller.unref?.();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && poller) {
      clearInterval(poller);
      poller = undefined;
    }
  };
}
