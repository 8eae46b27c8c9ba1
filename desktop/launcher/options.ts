// The launcher's settings: command-line flags over environment variables, validated with zod.
// Server settings (PORT, HOST, DATA_DIR, ...) go through lib/config.ts so the launcher and the
// server it starts agree on the port and the data directory.
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { ConfigError, parseConfig } from "@/lib/config";
import { runsPackaged } from "@/lib/desktop/commands";

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

const commandSchema = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: 'must be a JSON array such as ["node","server.mjs"]' });
      return z.NEVER;
    }
  })
  .pipe(z.array(z.string().min(1)).min(1, "must name at least the program to run"));

export const desktopEnvSchema = z.object({
  NEU_BINARY: z.preprocess(emptyAsUndefined, z.string().optional()),
  DESKTOP_SERVER_COMMAND: z.preprocess(emptyAsUndefined, commandSchema.optional()),
  DESKTOP_HEALTH_TIMEOUT_MS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(100).max(600_000).default(30_000),
  ),
  DESKTOP_WINDOW_TITLE: z.preprocess(emptyAsUndefined, z.string().default("Stripe Bookings")),
});
export type DesktopEnv = z.infer<typeof desktopEnvSchema>;

export interface LaunchOptions {
  appRoot: string;
  host: string;
  preferredPort: number;
  dataDir: string;
  logsDir: string;
  /** Program and arguments that start the server; run with cwd = appRoot. */
  serverCommand: string[];
  /** False when DESKTOP_SERVER_COMMAND replaced the real server, which needs no build. */
  needsBuild: boolean;
  neuBinary?: string;
  healthTimeoutMs: number;
  stopGraceMs: number;
  windowTitle: string;
  /** The window's first page while the server starts (desktop/launcher/start-page.ts). */
  startPageFile: string;
  /** Environment for both children. */
  env: Record<string, string | undefined>;
  platform: string;
  arch: string;
}

/** A command-line flag the launcher does not know; main() answers with the usage text. */
export class UsageError extends Error {}

const FLAGS = `  --port N               port to serve on (default: PORT or 3000; a busy port falls back to a free one)
  --health-timeout-ms MS how long to wait for the server to become healthy (default 30000)
  --help                 this text`;
const WHAT = `Opens Stripe Bookings in a native window: opens the window at once on a "Starting…" page,
starts the local server beside it (unless ours already runs), and sends the window to the app
once /api/health answers. See docs/DESKTOP.md.`;

/** The launcher's help, naming the commands as this install runs them (`./run` or the package's script). */
export function usage(env: Record<string, string | undefined>): string {
  if (!runsPackaged(env))
    return `Usage: ./run desktop [--port N] [--health-timeout-ms MS]\n\n${WHAT}\n\n${FLAGS}`;
  return `Usage: ./stripe-bookings [--port N] [--health-timeout-ms MS]
       ./stripe-bookings cli <command>   the command line (./stripe-bookings cli help lists the commands)
       ./stripe-bookings serve           the server alone, for a browser or other devices
       ./stripe-bookings install-menu    adds Stripe Bookings to the applications menu

${WHAT}

${FLAGS}`;
}

function parseFlags(argv: string[]): { port?: string; timeout?: string; help: boolean } {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        port: { type: "string" },
        "health-timeout-ms": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    return { port: values.port, timeout: values["health-timeout-ms"], help: values.help ?? false };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** The default server: the same entry `./run start` uses, so the window gets migrations too. */
export function defaultServerCommand(execPath: string): string[] {
  return [
    execPath,
    "--experimental-wasm-modules",
    "--no-warnings=ExperimentalWarning",
    "--import",
    "tsx",
    "server/serve.ts",
  ];
}

/**
 * Flags win over environment variables. Throws UsageError for unknown flags and ConfigError
 * naming every bad setting; returns "help" when --help was asked for.
 */
export function resolveOptions(
  argv: string[],
  source: Record<string, string | undefined>,
  defaults: { appRoot: string; execPath: string; platform: string; arch: string; startPageFile?: string },
): LaunchOptions | "help" {
  const flags = parseFlags(argv);
  if (flags.help) return "help";
  const env: Record<string, string | undefined> = {
    ...source,
    ...(flags.port !== undefined ? { PORT: flags.port } : {}),
    ...(flags.timeout !== undefined ? { DESKTOP_HEALTH_TIMEOUT_MS: flags.timeout } : {}),
  };
  const appRoot = path.resolve(env.APP_ROOT ?? defaults.appRoot);
  const issues: string[] = [];
  let server: ReturnType<typeof parseConfig> | undefined;
  try {
    server = parseConfig({ ...env, APP_ROOT: appRoot });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    issues.push(...error.issues);
  }
  const desktop = desktopEnvSchema.safeParse(env);
  if (!desktop.success) {
    issues.push(...desktop.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  if (!server || !desktop.success) throw new ConfigError(issues);
  const settings = desktop.data;
  return {
    appRoot,
    host: server.HOST,
    preferredPort: server.PORT,
    dataDir: server.dataDir,
    logsDir: path.join(server.dataDir, "logs"),
    serverCommand: settings.DESKTOP_SERVER_COMMAND ?? defaultServerCommand(defaults.execPath),
    needsBuild: settings.DESKTOP_SERVER_COMMAND === undefined,
    neuBinary: settings.NEU_BINARY,
    healthTimeoutMs: settings.DESKTOP_HEALTH_TIMEOUT_MS,
    stopGraceMs: 5_000,
    windowTitle: settings.DESKTOP_WINDOW_TITLE,
    startPageFile: defaults.startPageFile ?? path.join(appRoot, "desktop", "resources", "starting.html"),
    env,
    platform: defaults.platform,
    arch: defaults.arch,
  };
}
