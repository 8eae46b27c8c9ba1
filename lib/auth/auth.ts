// The Better Auth instance: email + password accounts in our database through the Prisma
// adapter. Accounts are created by the owner (CLI, first-run form, Settings), never by
// sign-up; roles and the linked walker are additional fields on User. Its built-in rate
// limiter is off: lib/auth/rate-limit.ts limits per account and per address in the database.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { config } from "@/lib/config";
import { prisma } from "@/lib/db/prisma";
import { COOKIE_PREFIX } from "@/lib/auth/auth-cookie";
import { desktopLinkPlugin } from "@/lib/auth/desktop-plugin";
import { withHashedSessionTokens } from "@/lib/auth/hashed-sessions";
import { PEER_HEADER } from "@/lib/auth/peer";
import { authSecret } from "@/lib/auth/secret";

export const AUTH_BASE_PATH = "/api/auth";
/** Browsers keep the session cookie this long; each day of use extends the session. */
const SESSION_DAYS = 30;

function createAuth() {
  const cfg = config();
  return betterAuth({
    appName: "Stripe Bookings",
    secret: authSecret(cfg),
    // The proxy has already refused foreign Host headers (421), so any Host that reaches here
    // is ours; the fallback serves calls made outside a request (CLI, server code).
    baseURL: {
      allowedHosts: ["*"],
      fallback: cfg.publicUrl,
      protocol: cfg.TRUST_PROXY ? "auto" : "http",
    },
    basePath: AUTH_BASE_PATH,
    // Session tokens are stored hashed (lib/auth/hashed-sessions.ts).
    database: withHashedSessionTokens(prismaAdapter(prisma(), { provider: "sqlite" })),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "staff", input: false },
        disabled: { type: "boolean", required: false, defaultValue: false, input: false },
        staffId: { type: "number", required: false, input: false },
      },
    },
    session: { expiresIn: SESSION_DAYS * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    rateLimit: { enabled: false },
    // Errors that are not Better Auth's own (a full disk, a busy database) reach route(), which
    // maps them like every other route's (507, 503) instead of a bare 500.
    onAPIError: { throw: true },
    telemetry: { enabled: false },
    advanced: {
      cookiePrefix: COOKIE_PREFIX,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      ipAddress: { ipAddressHeaders: [PEER_HEADER] },
      trustedProxyHeaders: cfg.TRUST_PROXY,
      // Served over HTTPS (PUBLIC_URL says so): cookies are Secure whatever a request claims.
      ...(cfg.publicUrl.startsWith("https:") ? { useSecureCookies: true } : {}),
    },
    databaseHooks: {
      session: {
        create: {
          // Backstop: a disabled account never gets a session, whichever way it signs in.
          before: async (session) => {
            const user = await prisma().user.findUnique({ where: { id: session.userId } });
            if (!user || user.disabled) return false;
          },
        },
      },
    },
    plugins: [desktopLinkPlugin()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { auth?: Auth; authFile?: string };

/** The process's auth instance, bound to the configured database (rebuilt when tests repoint it). */
export function auth(): Auth {
  const file = config().databaseFile;
  if (!globalForAuth.auth || globalForAuth.authFile !== file) {
    globalForAuth.auth = createAuth();
    globalForAuth.authFile = file;
  }
  return globalForAuth.auth;
}
