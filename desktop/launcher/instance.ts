// One launcher per data folder. The launcher that owns the folder writes
// <data>/desktop-instance.json (pid, control port and token; 0600); a later launch that finds a
// live owner there asks it to bring its window to the front and exits, instead of opening a
// second window whose server would die with the first (issue 22). Reading the record and
// writing ours happen under a short mutex (proper-lockfile: an atomic mkdir with stale
// detection), so two launches a fraction of a second apart cannot both own the folder. A record
// whose process is gone, or that no longer answers on its control port (the pid was reused), is
// stale and taken over.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import lockfile from "proper-lockfile";
import { z } from "zod";
import { askToFocus, pingControl, type ControlAddress } from "@/desktop/launcher/control";

const recordSchema = z.object({
  pid: z.number().int(),
  port: z.number().int(),
  token: z.string().min(1),
  startedAt: z.string(),
});
export type InstanceRecord = z.infer<typeof recordSchema>;

export type Claim = { owned: true; release: () => void } | { owned: false; holder: InstanceRecord };

export const instanceFile = (dataDir: string) => path.join(dataDir, "desktop-instance.json");

export function readInstanceRecord(dataDir: string): InstanceRecord | undefined {
  try {
    const parsed = recordSchema.safeParse(JSON.parse(readFileSync(instanceFile(dataDir), "utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A live launcher other than us: its process exists and its control port answers. */
async function liveOwner(record: InstanceRecord | undefined, me: ControlAddress): Promise<boolean> {
  if (record === undefined || record.token === me.token) return false;
  return processAlive(record.pid) && (await pingControl(record));
}

function writeRecord(dataDir: string, record: InstanceRecord): void {
  // Written aside and renamed: a reader never sees half a record.
  const file = instanceFile(dataDir);
  const temporary = `${file}.${process.pid}.${record.token.slice(0, 8)}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(record)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}

/**
 * Makes this launcher (reachable at `me`) the owner of `dataDir`, or names the live owner.
 * `release()` removes our record (only if it is still ours).
 */
export async function claimInstance(dataDir: string, me: ControlAddress, pid = process.pid): Promise<Claim> {
  mkdirSync(dataDir, { recursive: true });
  const unlock = await lockfile.lock(dataDir, {
    lockfilePath: path.join(dataDir, "desktop-start.lock"),
    realpath: false,
    // Held for milliseconds; a mutex left by a launcher killed inside it is taken after 10 s.
    stale: 10_000,
    retries: { retries: 200, minTimeout: 20, maxTimeout: 100 },
  });
  try {
    const current = readInstanceRecord(dataDir);
    if (current !== undefined && (await liveOwner(current, me))) return { owned: false, holder: current };
    writeRecord(dataDir, { pid, port: me.port, token: me.token, startedAt: new Date().toISOString() });
  } finally {
    await unlock();
  }
  return {
    owned: true,
    release: () => {
      if (readInstanceRecord(dataDir)?.token === me.token) rmSync(instanceFile(dataDir), { force: true });
    },
  };
}

export type Start =
  { kind: "owner"; release: () => void } | { kind: "already-open"; pid: number; focused: boolean };

/**
 * Owns the data folder, or hands over to the launcher that does: asks it to bring its window to
 * the front. An owner that stops answering between the two steps (its window just closed) is
 * asked again after a moment, and then taken over.
 */
export async function ownOrHandOver(dataDir: string, me: ControlAddress): Promise<Start> {
  for (let attempt = 1; ; attempt++) {
    const claim = await claimInstance(dataDir, me);
    if (claim.owned) return { kind: "owner", release: claim.release };
    const answer = await askToFocus(claim.holder);
    if (answer !== "unreachable" || attempt >= 5) {
      return { kind: "already-open", pid: claim.holder.pid, focused: answer === "focused" };
    }
    await sleep(300);
  }
}
