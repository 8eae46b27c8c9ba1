// Accounts and requests for tests against the built server over HTTP: accounts are written
// into the server's database file through lib/auth (as the CLI does), requests go through
// node:http so tests control every header (Host included).
import http from "node:http";
import { createApiToken, type TokenScope } from "@/lib/auth/tokens";
import { createUser, type Role } from "@/lib/auth/users";
import { createPrisma } from "@/lib/db/prisma";

export const PASSWORD = "correct horse battery";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request with exactly these headers (fetch will not send a foreign Host). */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: options.method ?? "GET", headers: options.headers },
      (response) => {
        // An event stream never ends: its status and headers are the answer.
        if ((response.headers["content-type"] ?? "").startsWith("text/event-stream")) {
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: "" });
          response.destroy();
          return;
        }
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      },
    );
    request.on("error", reject);
    request.setTimeout(20_000, () => request.destroy(new Error(`timeout: ${url}`)));
    if (options.body !== undefined) request.write(options.body);
    request.end();
  });
}

async function withDb<T>(
  file: string,
  work: (db: ReturnType<typeof createPrisma>) => Promise<T>,
): Promise<T> {
  const db = createPrisma(file);
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}

export async function createAccount(
  file: string,
  account: { email: string; role: Role; staffId?: number; password?: string },
): Promise<void> {
  await withDb(file, (db) =>
    createUser(
      db,
      { ...account, password: account.password ?? PASSWORD },
      { actor: "test", now: new Date() },
    ),
  );
}

export async function createToken(
  file: string,
  scope: TokenScope,
  name = `t-${scope}`,
): Promise<{ id: number; token: string }> {
  return withDb(file, async (db) => {
    const created = await createApiToken(db, { name, scope }, { actor: "test", now: new Date() });
    return { id: created.summary.id, token: created.token };
  });
}

/** Runs lib code on the server's database file (disable a user, revoke a token, …). */
export const onDatabase = withDb;

/** Cookie header value from a response's Set-Cookie lines. */
export function cookieOf(response: RawResponse): string {
  const lines = response.headers["set-cookie"] ?? [];
  return lines
    .map((line) => line.split(";")[0]!)
    .filter((pair) => !pair.endsWith("="))
    .join("; ");
}

/** POST /api/auth/sign-in/email as the sign-in page does (same-origin JSON). */
export async function signIn(
  baseUrl: string,
  email: string,
  password = PASSWORD,
): Promise<RawResponse & { cookie: string }> {
  const response = await rawRequest(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  return { ...response, cookie: cookieOf(response) };
}
