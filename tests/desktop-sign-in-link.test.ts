// The launcher's side of the desktop sign-in link: it presents the data directory's secret and
// opens the window on the link it gets, or on the plain URL when there is none to get.
import { mkdtempSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { signedInUrl } from "@/desktop/launcher/sign-in-link";
import { desktopLinkSecretFile, readOrCreateSecret } from "@/lib/auth/secret";

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(handler: http.RequestListener): Promise<string> {
  server = http.createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("desktop launcher sign-in link", () => {
  it("presents the secret from the data directory and opens the link it is given", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "desktop-link-"));
    const secret = readOrCreateSecret(desktopLinkSecretFile(dataDir));
    const base = await serve((request, response) => {
      const ok = request.method === "POST" && request.headers.authorization === `Bearer ${secret}`;
      response.writeHead(ok ? 200 : 401, { "content-type": "application/json" });
      response.end(JSON.stringify(ok ? { path: "/api/auth/desktop/redeem?token=abc" } : {}));
    });
    const said: string[] = [];
    expect(await signedInUrl(base, dataDir, (text) => said.push(text))).toBe(
      `${base}/api/auth/desktop/redeem?token=abc`,
    );
    expect(said).toEqual([]);
  });

  it("opens the app's own page when there is no owner yet (409) or the server refuses", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "desktop-link-"));
    let status = 409;
    const base = await serve((_request, response) => {
      response.writeHead(status);
      response.end();
    });
    const said: string[] = [];
    expect(await signedInUrl(base, dataDir, (text) => said.push(text))).toBe(base);
    expect(said).toEqual([]);
    status = 500;
    expect(await signedInUrl(base, dataDir, (text) => said.push(text))).toBe(base);
    expect(said.join("\n")).toMatch(/sign in there/);
  });
});
