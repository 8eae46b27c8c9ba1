// <data>/server.json: which process serves this data directory, on which port. Written when the
// server starts (instrumentation.ts) and removed when it stops; `restore` reads it to refuse
// while a server runs. A record whose process is gone is stale and ignored.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const recordSchema = z.object({
  pid: z.number().int(),
  host: z.string(),
  port: z.number().int(),
  startedAt: z.string(),
});
export type ServerRecord = z.infer<typeof recordSchema>;

export const serverRecordFile = (dataDir: string) => path.join(dataDir, "server.json");

export function writeServerRecord(dataDir: string, record: ServerRecord): void {
  writeFileSync(serverRecordFile(dataDir), `${JSON.stringify(record)}\n`, { mode: 0o600 });
}

/** Removes the record if it is this process's own (a newer server's record is left alone). */
export function removeServerRecord(dataDir: string, pid: number): void {
  const record = readServerRecord(dataDir);
  if (record?.pid === pid) rmSync(serverRecordFile(dataDir), { force: true });
}

export function readServerRecord(dataDir: string): ServerRecord | undefined {
  try {
    const parsed = recordSchema.safeParse(JSON.parse(readFileSync(serverRecordFile(dataDir), "utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function answers(host: string, port: number): Promise<boolean> {
  const reachable = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  try {
    const response = await fetch(
      `http://${reachable.includes(":") ? `[${reachable}]` : reachable}:${port}/api/health`,
      {
        signal: AbortSignal.timeout(1500),
      },
    );
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * The server running on this data directory, if any: its recorded process is alive, or
 * something answers on its recorded port (a process of another user or container).
 */
export async function runningServer(dataDir: string): Promise<ServerRecord | undefined> {
  const record = readServerRecord(dataDir);
  if (!record) return undefined;
  if (record.pid !== process.pid && alive(record.pid)) return record;
  return (await answers(record.host, record.port)) ? record : undefined;
}
