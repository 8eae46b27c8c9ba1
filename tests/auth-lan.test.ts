// LAN mode over real processes: a non-loopback HOST without an owner refuses to start (exit 2);
// with one it starts and prints its LAN URLs; requests from another address cannot use the
// loopback-only doors (desktop link, first-run form), even with a forged X-Forwarded-For.
import os from "node:os";
import { afterAll, describe, expect, it } from "vitest";
import { desktopLinkSecretFile, readOrCreateSecret } from "@/lib/auth/secret";
import { childEnv, startAppServer, standaloneBuilt } from "@/tests/support/faults/app-server";
import { preparedDataDir, removeDataDirs } from "@/tests/support/faults/data-dir";
import { freePort, killAll, spawnEntry, withTimeout } from "@/tests/support/faults/processes";
import { listAudit } from "@/lib/auth/audit";
import { createAccount, onDatabase, PASSWORD, rawRequest } from "@/tests/support/http-auth";

afterAll(async () => {
  await killAll();
  removeDataDirs();
});

const lanAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((item) => item && !item.internal && item.family === "IPv4")?.address;

describe.skipIf(!standaloneBuilt())("LAN mode", () => {
  it("refuses to start on a non-loopback HOST while no owner exists (exit 2, naming ./run user:create)", async () => {
    const dataDir = preparedDataDir();
    const port = await freePort();
    const child = spawnEntry(
      "server/serve.ts",
      [],
      childEnv(dataDir.dir, undefined, { HOST: "0.0.0.0", PORT: String(port) }),
    );
    const exit = await withTimeout(child.exited, 60_000, "the server to refuse");
    expect(exit.code).toBe(2);
    expect(child.stderr()).toContain("./run user:create");
    // Nothing listens.
    await expect(rawRequest(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
  }, 90_000);

  it("starts once an owner exists, prints its LAN URLs, and keeps loopback-only doors shut to the network", async () => {
    const dataDir = preparedDataDir();
    await createAccount(dataDir.file, { email: "owner@example.com", role: "owner" });
    const server = await startAppServer(dataDir.dir, { env: { HOST: "0.0.0.0" } });
    if (lanAddress) {
      await expect
        .poll(() => server.child.stdout(), { timeout: 10_000 })
        .toContain(`http://${lanAddress}:${server.port}`);
      const secret = readOrCreateSecret(desktopLinkSecretFile(dataDir.dir));
      const remote = `http://${lanAddress}:${server.port}`;
      const forged = {
        authorization: `Bearer ${secret}`,
        "x-forwarded-for": "127.0.0.1",
        "x-bookings-peer": "127.0.0.1",
      };
      const link = await rawRequest(`${remote}/api/desktop/sign-in-link`, {
        method: "POST",
        headers: forged,
      });
      expect(link.status).toBe(403);
      const setup = await rawRequest(`${remote}/api/setup/owner`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: remote, "x-forwarded-for": "127.0.0.1" },
        body: JSON.stringify({ email: "intruder@example.com", password: "long enough password" }),
      });
      expect(setup.status).toBe(403);
      // From loopback the same secret works.
      const local = await rawRequest(`http://127.0.0.1:${server.port}/api/desktop/sign-in-link`, {
        method: "POST",
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(local.status).toBe(200);
      // The link itself is refused from the network, and stays unused for this computer.
      const link2 = (JSON.parse(local.body) as { path: string }).path;
      expect((await rawRequest(`${remote}${link2}`)).status).toBe(403);
      const redeemed = await rawRequest(`http://127.0.0.1:${server.port}${link2}`);
      expect(redeemed.status).toBe(302);
      expect(String(redeemed.headers["set-cookie"])).toContain("bookings.session_token=");
    } else {
      await expect.poll(() => server.child.stdout(), { timeout: 10_000 }).toContain("On your network");
    }
  }, 90_000);
});

describe.skipIf(!standaloneBuilt())("behind an HTTPS reverse proxy on this machine (TRUST_PROXY)", () => {
  it("sets Secure cookies and records the client address the proxy forwarded", async () => {
    const dataDir = preparedDataDir();
    await createAccount(dataDir.file, { email: "owner@example.com", role: "owner" });
    const server = await startAppServer(dataDir.dir, {
      env: { TRUST_PROXY: "true", ALLOWED_HOSTS: "bookings.lan" },
    });
    const viaProxy = {
      host: "bookings.lan",
      "x-forwarded-proto": "https",
      "x-forwarded-for": "192.168.1.50",
    };
    const signedIn = await rawRequest(`${server.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { ...viaProxy, "content-type": "application/json", origin: "https://bookings.lan" },
      body: JSON.stringify({ email: "owner@example.com", password: PASSWORD }),
    });
    expect(signedIn.status).toBe(200);
    const line =
      (signedIn.headers["set-cookie"] ?? []).find((cookie) => cookie.includes("session_token")) ?? "";
    expect(line).toMatch(/^__Secure-bookings\.session_token=/);
    expect(line).toMatch(/; Secure/);
    const cookie = line.split(";")[0]!;
    expect((await rawRequest(`${server.url}/api/sync`, { headers: { ...viaProxy, cookie } })).status).toBe(
      200,
    );
    const crossSite = await rawRequest(`${server.url}/api/sync`, {
      method: "POST",
      headers: { ...viaProxy, cookie, origin: "http://bookings.lan" },
    });
    expect(crossSite.status).toBe(403);
    const events = await onDatabase(dataDir.file, (db) => listAudit(db, { type: "sign-in" }));
    expect(events[0]?.ip).toBe("192.168.1.50");
  }, 90_000);
});
