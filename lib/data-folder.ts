// What the data folder holds, for Settings → Data: the database, the backups (newest first)
// and the log files. Read from the file system only; a missing folder is shown as empty.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { backupsDir, listBackups } from "@/lib/backup/backup";
import { logsDir } from "@/lib/logs/rotating";

export interface FileInfo {
  name: string;
  path: string;
  bytes: number;
  modifiedAt: Date;
}

export interface DataFolderSummary {
  dataDir: string;
  database: FileInfo | null;
  backups: { dir: string; files: FileInfo[] };
  logs: { dir: string; files: FileInfo[] };
}

function info(file: string): FileInfo | null {
  try {
    const stat = statSync(file);
    return { name: path.basename(file), path: file, bytes: stat.size, modifiedAt: stat.mtime };
  } catch {
    return null;
  }
}

const present = (files: (FileInfo | null)[]) => files.filter((f): f is FileInfo => f !== null);

export function dataFolderSummary(dataDir: string, databaseFile: string): DataFolderSummary {
  const logs = logsDir(dataDir);
  let logNames: string[] = [];
  try {
    logNames = readdirSync(logs).filter((name) => name.endsWith(".log") || name.includes(".log."));
  } catch {
    logNames = [];
  }
  return {
    dataDir,
    database: info(databaseFile),
    backups: {
      dir: backupsDir(dataDir),
      files: present(listBackups(backupsDir(dataDir)).map(info)).reverse(),
    },
    logs: {
      dir: logs,
      files: present(logNames.map((name) => info(path.join(logs, name)))).sort(
        (a, b) => b.modifiedAt.getTime() - a.modifiedAt.getTime(),
      ),
    },
  };
}

/** 1536 → "1.5 KB": sizes as people read them. */
export function formatBytes(bytes: number): string {
  const units = ["bytes", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
