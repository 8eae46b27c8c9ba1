// Issue 22, desktop item 8: each launch signed the window in with a new 30-day session and left
// the previous one behind. Over HTTP against the built server: two launches' links redeemed →
// one desktop session for the account, the earlier window's cookie ended, and a session signed
// in with a password untouched.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignInLink, DESKTOP_LINK_PATH, DESKTOP_SESSION_AGENT } from "@/lib/auth/desktop-link";
import { startAppServer, standaloneBuilt, type AppServer } from "@/tests/support/faults/app-server";
import { preparedDataDir, removeDataDirs, type DataDir } from "@/tests/support/faults/data-dir";
import { killAll } from "@/tests/support/faults/processes";
import { cookieOf, createAccount, onDatabase, rawRequest, signIn } from "@/tests/support/http-auth";

let dataDir: DataDir;
let server: AppServer;

const ownerId = () =>
  onDatabase(dataDir.file, async (db) => (await db.user.findFirstOrThrow({ where: { role: "owner" } })).id);

/** What the launcher does: a link for the owner, opened by the window. */
async function launch(): Promise<string> {
  const userId = await ownerId();
  const token = await onDatabase(dataDir.file, (db) => createSignInLink(db, userId, new Date()));
  const response = await rawRequest(`${server.url}${DESKTOP_LINK_PATH}?token=${token}`, {
    headers: { "user-agent": "a window" },
  });
  expect(response.status).toBe(302);
  return cookieOf(response);
}

const signedInAs = async (cookie: string) => {
  const response = await rawRequest(`${server.url}/api/auth/get-session`, { headers: { cookie } });
  return (JSON.parse(response.body || "null") as { user?: { email: string } } | null)?.user?.email ?? null;
};

describe.skipIf(!standaloneBuilt())("desktop sign-in reuses one session per account", () => {
  beforeAll(async () => {
    dataDir = preparedDataDir();
    await createAccount(dataDir.file, { email: "owner@example.com", role: "owner" });
    server = await startAppServer(dataDir.dir);
  }, 120_000);
  afterAll(async () => {
    await killAll();
    removeDataDirs();
  });

  it("a second launch replaces the first launch's session; a password session stays", async () => {
    const browser = (await signIn(server.url, "owner@example.com")).cookie;
    const first = await launch();
    expect(await signedInAs(first)).toBe("owner@example.com");
    // Better Auth stamps createdAt in milliseconds: the second launch is strictly later.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await launch();
    expect(second).not.toBe(first);

    const userId = await ownerId();
    const sessions = await onDatabase(dataDir.file, (db) =>
      db.session.findMany({ where: { userId }, select: { userAgent: true } }),
    );
    const desktop = sessions.filter((s) => s.userAgent?.startsWith(DESKTOP_SESSION_AGENT));
    expect(desktop).toHaveLength(1);
    expect(desktop[0]!.userAgent).toBe(`${DESKTOP_SESSION_AGENT}; a window`);
    expect(sessions).toHaveLength(2); // the desktop's one and the browser's
    expect(await signedInAs(first)).toBeNull();
    expect(await signedInAs(second)).toBe("owner@example.com");
    expect(await signedInAs(browser)).toBe("owner@example.com");
  });
});
