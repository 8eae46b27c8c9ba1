// The window opens already signed in: the launcher proves it is this OS user (the secret file
// in the data directory) and gets a single-use link valid for 60 s. Without an owner yet, or
// if the server cannot give one, the window opens the app's own page (first-run form or sign-in).
import { desktopLinkSecretFile, readOrCreateSecret } from "@/lib/auth/secret";

export async function signedInUrl(
  baseUrl: string,
  dataDir: string,
  say: (text: string) => void,
): Promise<string> {
  try {
    const secret = readOrCreateSecret(desktopLinkSecretFile(dataDir));
    const response = await fetch(new URL("/api/desktop/sign-in-link", baseUrl), {
      method: "POST",
      headers: { authorization: `Bearer ${secret}` },
      // Generous: the route's first request loads its code, slow on a busy machine, and the
      // window shows "Starting…" meanwhile; giving up means signing in by hand.
      signal: AbortSignal.timeout(30_000),
    });
    if (response.status === 409) return baseUrl;
    if (!response.ok) {
      say(`Could not sign the window in automatically (HTTP ${response.status}); sign in there.`);
      return baseUrl;
    }
    const body = (await response.json()) as { path?: unknown };
    return typeof body.path === "string" ? new URL(body.path, baseUrl).href : baseUrl;
  } catch (error) {
    say(
      `Could not sign the window in automatically (${error instanceof Error ? error.message : String(error)}).`,
    );
    return baseUrl;
  }
}
