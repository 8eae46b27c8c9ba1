// The owner account the HTTP benchmarks sign in with: created by the real CLI on the bench's
// data directory, then signed in through Better Auth's route for a session cookie.
import { execFileSync } from "node:child_process";
import { ROOT } from "@/bench/support/server";

export function createOwnerAccount(dataDir: string, email: string, password: string): void {
  execFileSync(
    process.execPath,
    [
      "--experimental-wasm-modules",
      "--no-warnings",
      "--import",
      "tsx",
      "cli/index.ts",
      "user:create",
      "--email",
      email,
      "--role",
      "owner",
      "--password-stdin",
    ],
    {
      cwd: ROOT,
      input: password,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "silent", STRIPE_SECRET_KEY: "" },
      stdio: ["pipe", "ignore", "inherit"],
    },
  );
}

/** Signs in at `url` and returns the Cookie header value of the new session. */
export async function signInCookie(url: string, email: string, password: string): Promise<string> {
  const signIn = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email, password }),
  });
  if (signIn.status !== 200) throw new Error(`sign-in answered ${signIn.status}`);
  return signIn.headers
    .getSetCookie()
    .map((line) => line.split(";")[0]!)
    .join("; ");
}
