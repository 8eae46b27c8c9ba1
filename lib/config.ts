// The one place that reads the environment. Every setting is validated here; a bad value
// stops start-up with a message that names it.
import path from "node:path";
import envPaths from "env-paths";
import { z } from "zod";
import {
  readStoredStripeKeys,
  secretKeyValue,
  stripeKeysFile,
  webhookSecretValue,
  type KeySource,
} from "@/lib/desktop/stripe-keys";

const port = z.coerce.number().int().min(1).max(65535);
const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const flag = z
  .preprocess(emptyAsUndefined, z.enum(["true", "false", "1", "0"]).optional())
  .transform((value) => value === "true" || value === "1");
const whole = (min: number, max: number, fallback: number) =>
  z.preprocess(emptyAsUndefined, z.coerce.number().int().min(min).max(max).default(fallback));

/** The app's folder name in the OS data directory (packaged installs). */
export const APP_DATA_NAME = "stripe-bookings";

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const envSchema = z.object({
  // Empty counts as unset everywhere: `.env.example` copied as is must be valid.
  PORT: z.preprocess(emptyAsUndefined, port.default(3000)),
  HOST: z.preprocess(emptyAsUndefined, z.string().min(1).default("127.0.0.1")),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().optional()),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^file:.+/, "must be a SQLite URL like file:/path/to/app.db")
      .optional(),
  ),
  STRIPE_SECRET_KEY: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^(sk|rk)_(test|live)_\w+$/, "must be a Stripe secret or restricted key (sk_… or rk_…)")
      .optional(),
  ),
  STRIPE_WEBHOOK_SECRET: z.preprocess(
    emptyAsUndefined,
    z.string().startsWith("whsec_", "must start with whsec_").optional(),
  ),
  STRIPE_API_HOST: z.preprocess(emptyAsUndefined, z.string().optional()),
  STRIPE_API_PORT: z.preprocess(emptyAsUndefined, port.optional()),
  STRIPE_API_PROTOCOL: z.preprocess(emptyAsUndefined, z.enum(["http", "https"]).optional()),
  /** Requests per second a sync may send; default 25 for sk_test/rk_test keys, 90 for live keys. */
  STRIPE_RATE_LIMIT: z.preprocess(emptyAsUndefined, z.coerce.number().positive().max(1000).optional()),
  BUSINESS_TIMEZONE: z.preprocess(
    emptyAsUndefined,
    z.string().refine(isTimeZone, "must be an IANA time zone such as Europe/London").default("Europe/London"),
  ),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ),
  PUBLIC_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  APP_ROOT: z.preprocess(emptyAsUndefined, z.string().optional()),
  /** Extra host names the server answers to (comma-separated), e.g. a LAN name behind Caddy. */
  ALLOWED_HOSTS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .optional()
      .transform((value) =>
        (value ?? "")
          .split(",")
          .map((name) => name.trim().toLowerCase())
          .filter(Boolean),
      ),
  ),
  /** Signs session cookies; when unset, a secret generated once is kept in the data directory. */
  BETTER_AUTH_SECRET: z.preprocess(
    emptyAsUndefined,
    z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
  ),
  /** Browser origins allowed to call /api/v1 (comma-separated, e.g. https://app.example.com); none by default. */
  API_CORS_ORIGINS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .optional()
      .transform((value) =>
        (value ?? "")
          .split(",")
          .map((origin) => origin.trim().replace(/\/$/, ""))
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z
            .url({ protocol: /^https?$/ })
            .refine((o) => new URL(o).origin === o, "must be an origin like https://app.example.com"),
        ),
      ),
  ),
  /** Requests per minute per API token or account on /api/v1 (bursts up to this many). */
  API_RATE_LIMIT_PER_MINUTE: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(1).max(1_000_000).default(600),
  ),
  /** Behind a reverse proxy on this machine (e.g. Caddy): trust its X-Forwarded-For / -Proto. */
  TRUST_PROXY: z
    .preprocess(emptyAsUndefined, z.enum(["true", "false", "1", "0"]).optional())
    .transform((value) => value === "true" || value === "1"),
  /** Set by the packaged app's start script: data goes to the OS data directory, not ./data. */
  PACKAGED: flag,
  /** Daily online backups into <data>/backups: how many to keep, and how often (hours). */
  BACKUP_KEEP: whole(1, 1000, 14),
  BACKUP_INTERVAL_HOURS: whole(1, 24 * 30, 24),
  /** Events API catch-up while the app runs (webhooks cannot reach a laptop): every N minutes; 0 = off. */
  STRIPE_CATCH_UP_MINUTES: whole(0, 24 * 60, 5),
  /** While Stripe is unreachable: how often to check whether the network is back (seconds). */
  STRIPE_OFFLINE_PROBE_SECONDS: whole(5, 3600, 30),
});

export type Env = z.infer<typeof envSchema>;

export interface Config extends Env {
  /** The checkout (holds prisma/migrations); the standalone server runs from elsewhere. */
  appRoot: string;
  dataDir: string;
  databaseFile: string;
  /** Base URL links and feed URLs are built from. */
  publicUrl: string;
  demoMode: boolean;
  /** Where STRIPE_SECRET_KEY came from: the environment (or `.env`) wins over Settings → Stripe. */
  stripeKeySource: KeySource;
  webhookSecretSource: KeySource;
}

export class ConfigError extends Error {
  constructor(public readonly issues: string[]) {
    // One line per bad setting, no stack trace: the person fixes `.env` and runs again.
    super(issues.map((line) => `Invalid setting ${line}`).join("\n"));
    this.name = "ConfigError";
  }
}

/** Parses an environment (process.env by default). Throws ConfigError naming each bad setting. */
export function parseConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "(env)"}: ${issue.message}`),
    );
  }
  const env = parsed.data;
  // The comment keeps Next from tracing the whole project because of a cwd-relative path.
  const appRoot = path.resolve(/*turbopackIgnore: true*/ env.APP_ROOT ?? process.cwd());
  // DATA_DIR wins; a packaged app keeps its data where the OS keeps app data; a checkout, ./data.
  const dataDir = env.DATA_DIR
    ? path.resolve(appRoot, env.DATA_DIR)
    : env.PACKAGED
      ? envPaths(APP_DATA_NAME, { suffix: "" }).data
      : path.resolve(appRoot, "data");
  const databaseFile = env.DATABASE_URL
    ? path.resolve(appRoot, env.DATABASE_URL.replace(/^file:/, ""))
    : path.join(dataDir, "app.db");
  const host = env.HOST === "0.0.0.0" ? "127.0.0.1" : env.HOST;
  const stripe = storedUnderEnvironment(env, dataDir);
  return {
    ...env,
    ...stripe,
    appRoot,
    dataDir,
    databaseFile,
    publicUrl: (env.PUBLIC_URL ?? `http://${host}:${env.PORT}`).replace(/\/$/, ""),
    demoMode: stripe.STRIPE_SECRET_KEY === undefined,
  };
}

/**
 * The Stripe key and webhook secret: the environment's when set, else those saved on
 * Settings → Stripe (<data>/stripe-keys.json). A stored value that fails the same rules (edited
 * by hand) stops start-up like a bad environment value, naming the file.
 */
function storedUnderEnvironment(env: Env, dataDir: string) {
  const stored = readStoredStripeKeys(dataDir);
  const issues: string[] = [];
  const pick = (name: string, fromEnv: string | undefined, saved: string | undefined, rule: z.ZodString) => {
    if (fromEnv !== undefined) return { value: fromEnv, source: "environment" as const };
    if (saved === undefined) return { value: undefined, source: "none" as const };
    const checked = rule.safeParse(saved);
    if (!checked.success)
      issues.push(`${name} (saved in ${stripeKeysFile(dataDir)}): ${checked.error.issues[0]?.message}`);
    return { value: checked.data, source: "settings" as const };
  };
  const key = pick("STRIPE_SECRET_KEY", env.STRIPE_SECRET_KEY, stored.secretKey, secretKeyValue);
  const webhook = pick(
    "STRIPE_WEBHOOK_SECRET",
    env.STRIPE_WEBHOOK_SECRET,
    stored.webhookSecret,
    webhookSecretValue,
  );
  if (issues.length > 0) throw new ConfigError(issues);
  return {
    STRIPE_SECRET_KEY: key.value,
    STRIPE_WEBHOOK_SECRET: webhook.value,
    stripeKeySource: key.source,
    webhookSecretSource: webhook.source,
  };
}

let cached: Config | undefined;

/** The process's configuration, parsed once. */
export function config(): Config {
  cached ??= parseConfig();
  return cached;
}

/** Tests change the environment between cases. */
export function resetConfigForTests(): void {
  cached = undefined;
}

/** True when a URL's host is this computer only (localhost, 127.0.0.0/8, ::1): calendar services cannot reach it. */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  } catch {
    return false;
  }
  return host === "localhost" || host.endsWith(".localhost") || /^127\./.test(host) || host === "::1";
}
