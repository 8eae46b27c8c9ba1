// WAL checkpoints on a thread of their own. By default SQLite checkpoints inside the COMMIT
// that takes the WAL past 1,000 pages: the connection copies 4 MB into the database file and
// syncs it, and with better-sqlite3 that is the server's only thread. During a webhook backlog
// that stalled every request arriving meanwhile (worker slices p99 13 → 23 ms, 25% of the
// worker's time; docs/BENCHMARKS.md). A PASSIVE checkpoint from another connection never
// blocks writers or readers, so a worker thread does it every 100 ms, and the process's own
// connections checkpoint only past 10,000 pages, as a safety net (`enableBackgroundCheckpoints`).
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { backgroundCheckpointsEnabled, type Sqlite } from "@/lib/db/sqlite";
import { log } from "@/lib/log";

/** How often the thread checkpoints; a PASSIVE checkpoint with nothing to copy costs microseconds. */
export const CHECKPOINT_INTERVAL_MS = 100;

/**
 * How often a run's own thread checkpoints (`withCheckpointThread`). A sync writes ~10,000
 * pages (40 MB) a second here; of 100, 250 and 500 ms, 250 ms gave the fastest medians
 * (docs/BENCHMARKS.md, "the two cores' budget").
 */
export const RUN_CHECKPOINT_INTERVAL_MS = 250;

export interface Checkpointer {
  stop(): Promise<void>;
}

// Plain CommonJS run by the worker (eval): no loader, no bundler, the same in `./run start`
// (tsx) and in the desktop package (esbuild), where a separate worker file would need its own
// build step. The driver's path is resolved by the main thread and handed over.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma("busy_timeout = 1000");
let stopped = false;
const tick = () => {
  if (stopped) return;
  try {
    const [result] = db.pragma("wal_checkpoint(PASSIVE)");
    if (result && result.log > 0) parentPort.postMessage({ kind: "checkpoint", ...result });
  } catch (error) {
    parentPort.postMessage({ kind: "error", message: String(error && error.message || error) });
  }
  timer = setTimeout(tick, workerData.intervalMs);
};
let timer = setTimeout(tick, workerData.intervalMs);
parentPort.on("message", (message) => {
  if (message !== "stop") return;
  stopped = true;
  clearTimeout(timer);
  db.close();
  parentPort.close();
});
`;

export interface CheckpointerOptions {
  intervalMs?: number;
  /** Each checkpoint that copied frames (for tests and diagnostics). */
  onCheckpoint?: (result: { busy: number; log: number; checkpointed: number }) => void;
}

/** Starts checkpointing `file`'s WAL from a worker thread; `stop()` closes its connection. */
export function startCheckpointer(file: string, options: CheckpointerOptions = {}): Checkpointer {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, driver, intervalMs: options.intervalMs ?? CHECKPOINT_INTERVAL_MS },
  });
  // The server's lifetime is not tied to this thread: it must never keep a finished process alive.
  worker.unref();
  let lastError = "";
  worker.on(
    "message",
    (message: { kind: string; message?: string; busy: number; log: number; checkpointed: number }) => {
      if (message.kind === "checkpoint") options.onCheckpoint?.(message);
      else if (message.kind === "error" && message.message !== lastError) {
        // Once per distinct error: the main thread's own checkpoints still keep the WAL bounded.
        lastError = message.message ?? "";
        log.warn({ err: message.message }, "background checkpoint failed");
      }
    },
  );
  worker.on("error", (error) => log.warn({ err: error }, "checkpoint thread stopped"));
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  return {
    async stop() {
      worker.postMessage("stop");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
      await worker.terminate();
    },
  };
}

/**
 * Runs `work` with a checkpoint thread on `db`'s file for its duration, unless the process
 * already has one (the server) or the database is in memory: a long run of write transactions
 * (a sync from the CLI) then never stops in its own COMMIT to copy the WAL into the database
 * and sync the file. A thread that cannot start leaves the checkpoints to the connection.
 */
export async function withCheckpointThread<T>(
  db: Sqlite,
  work: () => Promise<T>,
  options: CheckpointerOptions = {},
): Promise<T> {
  if (db.memory || backgroundCheckpointsEnabled()) return work();
  let checkpointer: Checkpointer | null = null;
  try {
    checkpointer = startCheckpointer(db.name, { intervalMs: RUN_CHECKPOINT_INTERVAL_MS, ...options });
  } catch (error) {
    log.warn({ err: error }, "no checkpoint thread for this run: the connection checkpoints itself");
  }
  try {
    return await work();
  } finally {
    await checkpointer?.stop();
  }
}
