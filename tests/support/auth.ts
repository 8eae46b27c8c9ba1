// Credentials for tests that call route handlers in-process: an account or API token in the
// database the app points at (pointAppAtDatabase), and requests that carry them.
import { auth } from "@/lib/auth/auth";
import { createApiToken, type TokenScope } from "@/lib/auth/tokens";
import { createUser, type Role } from "@/lib/auth/users";
import { prisma } from "@/lib/db/prisma";

export const TEST_PASSWORD = "correct horse battery";

/** Cookie header value of a session Better Auth set (from Set-Cookie lines). */
export function cookieFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0]!)
    .filter((pair) => !pair.endsWith("="))
    .join("; ");
}

/** Creates the account (unless it exists) and signs it in (in-process); returns the Cookie header value. */
export async function signedInCookie(role: Role = "owner", email = `${role}@example.com`): Promise<string> {
  if (!(await prisma().user.findUnique({ where: { email } }))) {
    await createUser(prisma(), { email, role, password: TEST_PASSWORD }, { actor: "test", now: new Date() });
  }
  const response = await auth().api.signInEmail({
    body: { email, password: TEST_PASSWORD },
    asResponse: true,
  });
  if (!response.ok) throw new Error(`test sign-in failed: ${response.status}`);
  return cookieFrom(response);
}

export async function apiToken(scope: TokenScope = "read"): Promise<string> {
  const { token } = await createApiToken(
    prisma(),
    { name: `test-${scope}`, scope },
    { actor: "test", now: new Date() },
  );
  return token;
}

/** The same request with a session cookie (and our own Origin, as a browser sends) or a bearer token. */
export function withAuth(request: Request, credentials: { cookie?: string; bearer?: string }): Request {
  const headers = new Headers(request.headers);
  if (credentials.cookie) {
    headers.set("cookie", credentials.cookie);
    headers.set("origin", new URL(request.url).origin);
  }
  if (credentials.bearer) headers.set("authorization", `Bearer ${credentials.bearer}`);
  return new Request(request, { headers });
}
