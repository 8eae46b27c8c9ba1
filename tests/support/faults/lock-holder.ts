// Another writer on the same SQLite file, in a worker thread so it keeps its lock (and lets it
// go on time) while the test's own thread is blocked inside a synchronous better-sqlite3 call.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { withTimeout } from "@/tests/support/faults/processes";

const driver = createRequire(import.meta.url).resolve("better-sqlite3");

// CommonJS, run by the worker: BEGIN IMMEDIATE, one real write, hold, COMMIT.
const script = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma("busy_timeout = 5000");
db.exec("BEGIN IMMEDIATE");
db.prepare("UPDATE Setting SET businessName = businessName || '' WHERE id = 1").run();
parentPort.postMessage("locked");
setTimeout(() => {
  db.exec("COMMIT");
  db.close();
  parentPort.postMessage("released");
}, workerData.holdMs);
`;

export interface LockHolder {
  /** Resolves when the lock has been let go (the worker committed). */
  released: Promise<void>;
}

/** Resolves once another connection holds the write lock of `file`; it commits after `holdMs`. */
export async function holdWriteLock(file: string, holdMs: number): Promise<LockHolder> {
  const worker = new Worker(script, { eval: true, workerData: { driver, file, holdMs } });
  let onLocked: () => void = () => undefined;
  let onReleased: () => void = () => undefined;
  const locked = new Promise<void>((resolve) => (onLocked = resolve));
  const released = new Promise<void>((resolve) => (onReleased = resolve));
  const failed = new Promise<never>((_, reject) => worker.once("error", reject));
  worker.on("message", (message) => (message === "locked" ? onLocked() : onReleased()));
  released.then(() => worker.terminate()).catch(() => undefined);
  await withTimeout(Promise.race([locked, failed]), 5000, "the lock holder");
  return {
    released: withTimeout(Promise.race([released, failed]), holdMs + 10_000, "the lock holder to commit"),
  };
}
