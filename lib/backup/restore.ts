// Restoring a backup over the database: refused while a server runs on the same data
// directory (it would keep writing to the replaced file), the backup is checked first, and the
// database being replaced is kept beside the backups.
import { copyFileSync, existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { backupDatabase, backupsDir } from "@/lib/backup/backup";
import { quickCheck } from "@/lib/backup/integrity";
import { runningServer } from "@/lib/backup/server-record";
import { makePrivate } from "@/lib/private-files";

export class RestoreError extends Error {
  constructor(
    message: string,
    /** 1: a state to fix first (server running); 2: bad input (missing or damaged file). */
    public readonly exitCode: 1 | 2,
  ) {
    super(message);
    this.name = "RestoreError";
  }
}

const stamp = (now: Date) => now.toISOString().replace(/[-:]/g, "").replace(".", "");

export async function restoreDatabase(input: {
  from: string;
  databaseFile: string;
  dataDir: string;
  now: Date;
}): Promise<{ replacedCopy?: string }> {
  const from = path.resolve(input.from);
  if (!existsSync(from)) throw new RestoreError(`No such file: ${from}`, 2);
  const check = quickCheck(from);
  if (!check.ok) throw new RestoreError(`${from} is not a usable database (${check.problem}).`, 2);
  const server = await runningServer(input.dataDir);
  if (server) {
    throw new RestoreError(
      `A Stripe Bookings server (pid ${server.pid}, port ${server.port}) is running on ${input.dataDir}. Stop it (close the window or Ctrl-C), then restore.`,
      1,
    );
  }
  let replacedCopy: string | undefined;
  if (existsSync(input.databaseFile)) {
    replacedCopy = path.join(backupsDir(input.dataDir), `replaced-${stamp(input.now)}.db`);
    try {
      await backupDatabase(input.databaseFile, replacedCopy);
    } catch {
      // A database too damaged for the backup API is still kept, byte for byte.
      copyFileSync(input.databaseFile, replacedCopy);
      makePrivate(replacedCopy);
    }
  }
  const incoming = `${input.databaseFile}.restoring`;
  copyFileSync(from, incoming);
  makePrivate(incoming); // a copy keeps its source's mode: a 0644 file from elsewhere

  // A stale write-ahead log would be replayed into the restored file: it belongs to the old one.
  for (const suffix of ["-wal", "-shm", "-journal"])
    rmSync(`${input.databaseFile}${suffix}`, { force: true });
  renameSync(incoming, input.databaseFile);
  return { replacedCopy };
}
