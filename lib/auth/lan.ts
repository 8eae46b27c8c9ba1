// LAN mode: listening on anything but loopback opens the app to the network, so the server
// refuses to start until an owner account exists; once it starts it says where to reach it.
import os from "node:os";
import type { Config } from "@/lib/config";
import { cliCommand } from "@/lib/desktop/commands";

export function isLoopbackBind(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, "");
  return name === "localhost" || name === "::1" || /^127\./.test(name);
}

type Interfaces = ReturnType<typeof os.networkInterfaces>;

/** URLs other devices can use: every non-internal address for a wildcard bind, else the host. */
export function lanUrls(
  host: string,
  port: number,
  interfaces: Interfaces = os.networkInterfaces(),
): string[] {
  const wildcard = host === "0.0.0.0" || host === "::";
  if (!wildcard) return [`http://${host.includes(":") ? `[${host}]` : host}:${port}`];
  const urls: string[] = [];
  for (const list of Object.values(interfaces)) {
    for (const item of list ?? []) {
      if (item.internal) continue;
      if (item.family === "IPv4") urls.push(`http://${item.address}:${port}`);
      else if (host === "::" && !item.address.startsWith("fe80"))
        urls.push(`http://[${item.address}]:${port}`);
    }
  }
  return urls;
}

/** Why the server must not start on `host` (null when it may). */
export async function lanStartProblem(
  host: string,
  databaseFile: string,
  cfg: Pick<Config, "PACKAGED">,
): Promise<string | null> {
  if (isLoopbackBind(host)) return null;
  // Loaded only in LAN mode: a loopback start does not pay for the Prisma client here.
  const [{ createPrisma }, { hasOwner }] = await Promise.all([
    import("@/lib/db/prisma"),
    import("@/lib/auth/users"),
  ]);
  const db = createPrisma(databaseFile);
  try {
    if (await hasOwner(db)) return null;
  } finally {
    await db.$disconnect();
  }
  return (
    `HOST=${host} would open the app to the network, but no owner account exists yet.\n` +
    `Create it first: ${cliCommand("user:create --email you@example.com --role owner --password-stdin", cfg)}\n` +
    `(or start once with HOST=127.0.0.1 and create it at http://127.0.0.1:<port>/).`
  );
}
