// backup [FILE], restore FILE — a consistent copy of the live database, and putting one back.
// Relative paths are the caller's (INIT_CWD: the packaged start script runs from its app folder).
// A copy counts only once it passed its integrity check (BackupError, exit 1, otherwise).
import path from "node:path";
import { say, UsageError } from "@/cli/context";
import { defineCommand } from "@/cli/spec";
import { backupDatabase, backupFileName, backupsDir } from "@/lib/backup/backup";
import { RestoreError, restoreDatabase } from "@/lib/backup/restore";
import { damagedDatabaseMessage, openCheck } from "@/lib/backup/integrity";
import { config } from "@/lib/config";
import { UnusableDatabaseError } from "@/lib/startup";

const fromCaller = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

export const backup = defineCommand({
  name: "backup",
  usage: "[FILE]",
  summary: "consistent copy of the database (default: <data>/backups/app-<time>.db)",
  positionals: { names: ["FILE"], min: 0 },
  needsDatabase: false,
  async run({ positionals }, { out, now }) {
    const cfg = config();
    const dest = positionals[0]
      ? fromCaller(positionals[0])
      : path.join(backupsDir(cfg.dataDir), backupFileName(now));
    // An empty or unreadable database has nothing to back up: say so, and which backup restores it.
    const usable = openCheck(cfg.databaseFile);
    if (!usable.ok) {
      throw new UnusableDatabaseError(
        damagedDatabaseMessage({ ...cfg, packaged: cfg.PACKAGED, problem: usable.problem }),
      );
    }
    try {
      const made = await backupDatabase(cfg.databaseFile, dest);
      out(made.file);
      say(`Backed up ${cfg.databaseFile} (${made.bytes} bytes).`);
      return 0;
    } catch (error) {
      if ((error as { code?: string }).code === "SQLITE_CANTOPEN") {
        throw new UsageError(`There is no database to back up at ${cfg.databaseFile}.`);
      }
      throw error;
    }
  },
});

export const restore = defineCommand({
  name: "restore",
  usage: "FILE",
  summary: "replace the database with a backup (refused while a server runs; the old one is kept)",
  positionals: { names: ["FILE"], min: 1 },
  needsDatabase: false,
  async run({ positionals }, { out, now }) {
    const cfg = config();
    try {
      const result = await restoreDatabase({
        from: fromCaller(positionals[0]!),
        databaseFile: cfg.databaseFile,
        dataDir: cfg.dataDir,
        now,
      });
      out(cfg.databaseFile);
      say(
        `Restored ${cfg.databaseFile} from ${positionals[0]}.${result.replacedCopy ? ` The database it replaced is kept as ${result.replacedCopy}.` : ""}`,
      );
      return 0;
    } catch (error) {
      if (!(error instanceof RestoreError)) throw error;
      if (error.exitCode === 2) throw new UsageError(error.message);
      say(error.message);
      return 1;
    }
  },
});
