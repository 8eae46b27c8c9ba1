// Chooses the port: reuse our server if it already runs for this data directory or answers on
// the port, else take the port if it is free, else the next free one nearby (a stable port
// keeps the page's origin, so its browser storage, the same between launches), else any port
// the OS hands out. A server that is still starting (or slow on a loaded machine) is waited
// for rather than doubled: two servers on one data directory must never run.
import net from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { runningServer } from "@/lib/backup/server-record";
import { localUrl } from "@/lib/desktop/neutralino";
import { probe, probeHealth } from "@/desktop/launcher/health";

/** Whether a listener could bind host:port right now. */
export function isPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const listener = net.createServer();
    listener.once("error", () => resolve(false));
    listener.listen({ host, port, exclusive: true }, () => listener.close(() => resolve(true)));
  });
}

/** A port the OS reports free on host. */
export function anyFreePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const listener = net.createServer();
    listener.once("error", reject);
    listener.listen({ host, port: 0, exclusive: true }, () => {
      const address = listener.address();
      const port = typeof address === "object" && address ? address.port : 0;
      listener.close(() => (port > 0 ? resolve(port) : reject(new Error("The OS gave no free port."))));
    });
  });
}

export interface PortChoice {
  port: number;
  /** Our server already runs there: use it, and leave it running when the window closes. */
  reuse: boolean;
  /** The preferred port was taken by something else. */
  fellBack: boolean;
}

export interface ChooseOptions {
  dataDir: string;
  /** How long to wait for our own server that is running but not (yet) healthy. */
  patienceMs: number;
  signal?: AbortSignal;
}

const NEARBY = 20;

/**
 * Waits until the server at `url` is healthy. Gives up at once when another program answers
 * there, and after `patienceMs` when nothing healthy does.
 */
async function becomesHealthy(url: string, patienceMs: number, signal?: AbortSignal): Promise<boolean> {
  const deadline = performance.now() + patienceMs;
  for (;;) {
    if (signal?.aborted) return false;
    const left = deadline - performance.now();
    const seen = await probe(url, Math.min(3_000, Math.max(left, 200)), signal);
    if (seen === "healthy") return true;
    if (seen === "other" || performance.now() >= deadline) return false;
    await sleep(200);
  }
}

/** Picks the port for this launch; see the file comment for the order. */
export async function choosePort(
  host: string,
  preferred: number,
  options: ChooseOptions,
): Promise<PortChoice> {
  const recorded = await runningServer(options.dataDir);
  if (recorded) {
    const url = localUrl(recorded.host, recorded.port, "/api/health");
    if (await becomesHealthy(url, options.patienceMs, options.signal)) {
      return { port: recorded.port, reuse: true, fellBack: recorded.port !== preferred };
    }
  }
  const preferredUrl = localUrl(host, preferred, "/api/health");
  if (await probeHealth(preferredUrl, 1_500, options.signal)) {
    return { port: preferred, reuse: true, fellBack: false };
  }
  if (await isPortFree(host, preferred)) return { port: preferred, reuse: false, fellBack: false };
  // Busy: perhaps our server, still starting or slowed down by a loaded machine.
  if (await becomesHealthy(preferredUrl, Math.min(options.patienceMs, 10_000), options.signal)) {
    return { port: preferred, reuse: true, fellBack: false };
  }
  for (let port = preferred + 1; port <= Math.min(preferred + NEARBY, 65_535); port++) {
    if (await isPortFree(host, port)) return { port, reuse: false, fellBack: true };
  }
  return { port: await anyFreePort(host), reuse: false, fellBack: true };
}
