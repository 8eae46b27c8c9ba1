// Is the server's port free, and if not, who holds it? Checked before anything starts, so a
// busy port is one clear line instead of EADDRINUSE after demo data was loaded.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";

/** Resolves null when `port` on `host` can be bound, else the error code (EADDRINUSE, EACCES, …). */
export function probePort(host: string, port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(null)));
  });
}

function run(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      timeout: 3000,
    });
  } catch {
    return ""; // not installed, or not allowed: the port alone is named
  }
}

// ss and lsof cut names at 15 characters ("next-server (v1"); the command line says more.
function describe(pid: string, shortName: string): string {
  let command = shortName;
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
    if (args) command = args.length > 80 ? `${args.slice(0, 77)}...` : args;
  } catch {
    // not Linux, or not ours to read: the short name will do
  }
  return `"${command}" (pid ${pid})`;
}

/** `"node server.js" (pid 1234)` for the program listening on the port, when `ss` or `lsof` can tell; else null. */
export function portHolder(port: number): string | null {
  const ss = run("ss", ["-ltnpH", `sport = :${port}`]);
  const fromSs = /users:\(\("([^"]+)",pid=(\d+)/.exec(ss);
  if (fromSs?.[1] && fromSs[2]) return describe(fromSs[2], fromSs[1]);
  const lsof = run("lsof", ["-nP", `-iTCP:${port}`, "-sTCP:LISTEN", "-Fpc"]);
  const pid = /^p(\d+)/m.exec(lsof)?.[1];
  const name = /^c(.+)$/m.exec(lsof)?.[1];
  if (pid && name) return describe(pid, name);
  return null;
}

/** The message for a port that cannot be bound, naming its holder when known. */
export function busyPortMessage(host: string, port: number, code: string): string {
  if (code !== "EADDRINUSE")
    return `Port ${port} on ${host} cannot be used (${code}). Set PORT to another port.`;
  const holder = portHolder(port);
  return `Port ${port} is already in use${holder ? ` by ${holder}` : ""}. Stop that program or set PORT to a free port (e.g. PORT=3001).`;
}

/** Resolves once something accepts connections on host:port, or rejects after `timeoutMs`. */
export async function waitForListening(host: string, port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host, port });
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`the server did not start listening on ${host}:${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
