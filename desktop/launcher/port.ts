// Chooses the port: reuse our server if it already answers there, else take the port if it is
// free, else the next free one nearby (a stable port keeps the page's origin, so its browser
// storage, the same between launches), else any port the OS hands out.
import net from "node:net";
import { localUrl } from "@/lib/desktop/neutralino";
import { probeHealth } from "@/desktop/launcher/health";

/** Whether a listener could bind host:port right now. */
export function isPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** A port the OS reports free on host. */
export function anyFreePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen({ host, port: 0, exclusive: true }, () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error("The OS gave no free port."))));
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

const NEARBY = 20;

/** Picks the port for this launch; see the file comment for the order. */
export async function choosePort(host: string, preferred: number): Promise<PortChoice> {
  if (await probeHealth(localUrl(host, preferred, "/api/health"), 1_500)) {
    return { port: preferred, reuse: true, fellBack: false };
  }
  if (await isPortFree(host, preferred)) return { port: preferred, reuse: false, fellBack: false };
  for (let port = preferred + 1; port <= Math.min(preferred + NEARBY, 65_535); port++) {
    if (await isPortFree(host, port)) return { port, reuse: false, fellBack: true };
  }
  return { port: await anyFreePort(host), reuse: false, fellBack: true };
}
