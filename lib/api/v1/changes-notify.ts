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
export const FALLBACK_POLL_MS = 500;

interface NotifyState {
  listeners: Set<Listener>;
  scheduled: boolean;
  lastSeen: number;
  poller: ReturnType<typeof setInterval> | undefined;
  database: () => Sqlite;
}

// On globalThis: Next bundles routes and instrumentation (the webhook worker) separately, and a
// module instantiated twice must still reach the same streams.
const KEY = Symbol.for("bookings.changes-notify");
const globals = globalThis as typeof globalThis & { [KEY]?: NotifyState };
const state: NotifyState = (globals[KEY] ??= {
  listeners: new Set(),
  scheduled: false,
  lastSeen: -1,
  poller: undefined,
  database: sqlite,
});
const { listeners } = state;

function check(): void {
  state.scheduled = false;
  if (listeners.size === 0) return;
  const seq = lastChangeSeq(state.database());
  if (seq === state.lastSeen) return;
  state.lastSeen = seq;
  for (const listener of [...listeners]) listener(seq);
}

/** Call from a writer of the log (inside or after its transaction); cheap when nobody listens. */
export function wakeChangeStreams(): void {
  if (state.scheduled || listeners.size === 0) return;
  state.scheduled = true;
  setImmediate(check);
}

/** Calls `listener(seq)` whenever the committed log moves; returns the unsubscribe function. */
export function onChanges(listener: Listener, db: () => Sqlite = sqlite): () => void {
  state.database = db;
  if (listeners.size === 0) state.lastSeen = lastChangeSeq(db());
  listeners.add(listener);
  state.poller ??= setInterval(check, FALLBACK_POLL_MS);
  state.poller.unref?.();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && state.poller) {
      clearInterval(state.poller);
      state.poller = undefined;
    }
  };
}
