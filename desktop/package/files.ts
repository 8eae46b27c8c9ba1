// The packaged app's fixed parts: its name, the start script, the Linux menu entry, and which
// packages stay outside the bundles (native code and Wasm that esbuild cannot inline).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Loaded at run time from app/node_modules: a native addon and Prisma's Wasm schema engine. */
export const EXTERNAL_PACKAGES = ["better-sqlite3", "@prisma/schema-engine-wasm"] as const;

/**
 * Packages a worker thread requires at run time although the bundles carry their own copy: the
 * sync's fetch thread loads the Stripe SDK (lib/stripe/fetch-thread.ts). Their CommonJS build only.
 */
export const THREAD_PACKAGES = ["stripe"] as const;

export function packageName(version: string, platform: string, arch: string): string {
  const os = platform === "win32" ? "windows" : platform === "darwin" ? "macos" : platform;
  return `stripe-bookings-${version}-${os}-${arch}`;
}

/** Node's LICENSE for the running binary: beside an official build, or where Debian puts it. */
export function nodeLicence(execPath: string): string | undefined {
  const prefix = path.resolve(path.dirname(execPath), "..");
  return [
    path.join(path.dirname(execPath), "LICENSE"), // Windows: beside node.exe
    path.join(prefix, "LICENSE"),
    path.join(prefix, "share", "doc", "node", "LICENSE"),
    path.join(prefix, "share", "doc", "nodejs", "LICENSE"),
    "/usr/share/doc/nodejs/LICENSE",
  ].find((file) => existsSync(file));
}

/**
 * `./stripe-bookings` opens the window; `serve` runs the server alone (a back-office machine on
 * the LAN); `cli <command>` is the command line. PACKAGED=1 puts the data in the OS data
 * directory (DATA_DIR still overrides); INIT_CWD keeps the caller's folder for relative paths.
 */
export function startScript(): string {
  return `#!/bin/sh
# Stripe Bookings. Usage: ./stripe-bookings [serve | cli <command> ... | install-menu]
set -e
# The data folder holds customers, sessions and secrets: what the app creates is yours alone.
umask 077
HERE="$(cd "$(dirname "$0")" && pwd)"
NODE="$HERE/node/node"
export PACKAGED=1 APP_ROOT="$HERE/app" NODE_ENV=production INIT_CWD="\${INIT_CWD:-$PWD}"
cd "$HERE/app"
case "\${1:-}" in
  serve) shift; exec "$NODE" --experimental-wasm-modules --no-warnings=ExperimentalWarning server/serve.mjs "$@" ;;
  cli) shift; exec "$NODE" --experimental-wasm-modules --no-warnings=ExperimentalWarning cli/index.mjs "$@" ;;
  install-menu)
    mkdir -p "$HOME/.local/share/applications"
    sed -e "s|^Exec=.*|Exec=\\"$HERE/stripe-bookings\\"|" -e "s|^Icon=.*|Icon=$HERE/icon.png|" \\
      "$HERE/stripe-bookings.desktop" > "$HOME/.local/share/applications/stripe-bookings.desktop"
    echo "Added Stripe Bookings to the applications menu." ;;
  *)
    export DESKTOP_SERVER_COMMAND="[\\"$NODE\\",\\"--experimental-wasm-modules\\",\\"--no-warnings=ExperimentalWarning\\",\\"server/serve.mjs\\"]"
    exec "$NODE" --experimental-wasm-modules --no-warnings=ExperimentalWarning desktop/launcher.mjs "$@" ;;
esac
`;
}

/** The Linux menu entry; `./stripe-bookings install-menu` writes it with this folder's paths. */
export function desktopEntry(version: string): string {
  return `[Desktop Entry]
Type=Application
Version=1.0
Name=Stripe Bookings
Comment=Bookings, calendars and staff screens from your Stripe data (${version})
Exec=stripe-bookings
Icon=stripe-bookings
Terminal=false
StartupWMClass=stripe-bookings
Categories=Office;
`;
}

/** Windows has no sh: the same three ways in, for cmd.exe. */
export function startScriptWindows(): string {
  return [
    "@echo off",
    "rem Stripe Bookings. Usage: stripe-bookings [serve | cli <command> ...]",
    "setlocal",
    'set "HERE=%~dp0"',
    'set "NODE=%HERE%node\\node.exe"',
    'if not defined INIT_CWD set "INIT_CWD=%CD%"',
    'set "PACKAGED=1" & set "APP_ROOT=%HERE%app" & set "NODE_ENV=production"',
    'cd /d "%HERE%app"',
    'set "FLAGS=--experimental-wasm-modules --no-warnings=ExperimentalWarning"',
    'if "%~1"=="serve" ( shift & "%NODE%" %FLAGS% server\\serve.mjs %* & exit /b %errorlevel% )',
    'if "%~1"=="cli" ( "%NODE%" %FLAGS% cli\\index.mjs %* & exit /b %errorlevel% )',
    'set DESKTOP_SERVER_COMMAND=["%NODE:\\=/%","--experimental-wasm-modules","server/serve.mjs"]',
    '"%NODE%" %FLAGS% desktop\\launcher.mjs %*',
    "",
  ].join("\r\n");
}

/**
 * Files a package must never hold: settings files (Next's standalone output copies the
 * checkout's `.env*`), the auth secret, databases, private keys. Matched on the file name.
 */
export function isSecretFileName(name: string): boolean {
  return (
    /^\.env(\..*)?$/.test(name) ||
    name === "auth-secret" ||
    /\.(db|db-wal|db-shm|sqlite|pem|key)$/i.test(name)
  );
}

/**
 * Values that are secrets whatever file they sit in: Stripe keys, webhook secrets, an auth secret.
 * A value is letters, digits and base64/URL symbols only, so this pattern's own source (which a
 * traced copy of this file carries) is not taken for a secret.
 */
const SECRET_VALUE =
  /(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{8,}|whsec_[A-Za-z0-9]{8,}|BETTER_AUTH_SECRET=[A-Za-z0-9+/=_-]{8,}/;

/** Every secret-looking file under `dir` (relative paths, with why): empty for a clean package. */
export function secretsIn(dir: string): string[] {
  const found: string[] = [];
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      const relative = path.relative(dir, file);
      if (entry.isDirectory()) visit(file);
      else if (!entry.isFile()) continue;
      else if (isSecretFileName(entry.name)) found.push(`${relative} (its name)`);
      else {
        const match = SECRET_VALUE.exec(readFileSync(file).toString("latin1"));
        if (match) found.push(`${relative} (holds ${match[0].slice(0, 12)}…)`);
      }
    }
  };
  visit(dir);
  return found;
}
