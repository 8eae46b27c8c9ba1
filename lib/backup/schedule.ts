// While the server runs: a backup whenever the newest one is older than BACKUP_INTERVAL_HOURS
// (checked every few minutes, so a laptop that slept through the hour still gets its backup),
// keeping the newest BACKUP_KEEP.
import { BackupError, backupDue, dailyBackup } from "@/lib/backup/backup";
import type { Config } from "@/lib/config";
import { log } from "@/lib/log";

const CHECK_EVERY_MS = 5 * 60_000;

export function startBackupSchedule(
  cfg: Pick<Config, "databaseFile" | "dataDir" | "BACKUP_KEEP" | "BACKUP_INTERVAL_HOURS">,
): () => void {
  let running = false;
  let failedAt = 0;
  const intervalMs = cfg.BACKUP_INTERVAL_HOURS * 3_600_000;
  const tick = async () => {
    if (running) return;
    running = true;
    const now = new Date();
    try {
      if (!backupDue(cfg.dataDir, intervalMs, now)) return;
      // A damaged database fails its check every time: try again after the interval, not
      // every few minutes (each try copies the whole file).
      if (now.getTime() - failedAt < intervalMs) return;
      const made = await dailyBackup({
        databaseFile: cfg.databaseFile,
        dataDir: cfg.dataDir,
        keep: cfg.BACKUP_KEEP,
        now,
      });
      log.info(
        { job: "backup", outcome: "ok", file: made.file, bytes: made.bytes, pruned: made.pruned.length },
        "backup",
      );
    } catch (error) {
      if (error instanceof BackupError) failedAt = now.getTime();
      log.error({ job: "backup", outcome: "failed", err: error }, "backup failed");
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), 30_000);
  const timer = setInterval(() => void tick(), CHECK_EVERY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
