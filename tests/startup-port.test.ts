// `./run start` on a busy port (issue 15): the port is checked before anything else (no data
// directory created, no demo data loaded), the holder is named, and "running at" never printed.
import net from "node:net";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { busyPortMessage, portHolder, probePort } from "@/lib/port";
import { killAll, spawnEntry, withTimeout } from "@/tests/support/faults/processes";

const dir = mkdtempSync(path.join(tmpdir(), "bookings-port-"));
const holder = net.createServer();
afterAll(async () => {
  await killAll();
  holder.close();
  rmSync(dir, { recursive: true, force: true });
});

async function busyPort(): Promise<number> {
  await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
  return (holder.address() as net.AddressInfo).port;
}

describe("a busy port", () => {
  it("is found, and its holder named when ss or lsof can tell", async () => {
    const port = await busyPort();
    expect(await probePort("127.0.0.1", port)).toBe("EADDRINUSE");
    const who = portHolder(port);
    // This test process holds it; without ss/lsof the message names the port alone.
    if (who) expect(who).toMatch(new RegExp(`\\(pid ${process.pid}\\)$`));
    expect(busyPortMessage("127.0.0.1", port, "EADDRINUSE")).toMatch(
      new RegExp(`^Port ${port} is already in use${who ? ` by ${who.replace(/[()]/g, "\\$&")}` : ""}\\. `),
    );
  });

  it.each([["server/serve.ts"], ["server/preflight.ts"]])(
    "%s stops before anything starts",
    async (entry) => {
      const port = (holder.address() as net.AddressInfo | null)?.port ?? (await busyPort());
      const dataDir = path.join(dir, entry.replace(/\W/g, "-"));
      const child = spawnEntry(entry, [], { DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1" });
      const exit = await withTimeout(child.exited, 20_000, `${entry} to refuse the port`);
      expect(exit.code).not.toBe(0);
      expect(child.stderr()).toContain(`Cannot start: Port ${port} is already in use`);
      expect(child.stdout()).not.toContain("running at");
      expect(existsSync(dataDir)).toBe(false); // nothing prepared, no demo loaded
    },
  );
});
