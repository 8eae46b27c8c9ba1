// `./run package`: builds dist/stripe-bookings-<version>-<platform>-<arch>.tar.gz, a folder that
// runs on a machine with no repository, npm or compiler: this machine's Node.js (with its
// licence), the standalone Next server, the launcher/CLI/server entries bundled to plain
// JavaScript (esbuild), the migrations with Prisma's Wasm engine, the Neutralino binary and
// resources, an icon and a Linux .desktop file. Layout and start script: desktop/package/files.ts.
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { binaryCandidates, neutralinoBinaryName } from "@/lib/desktop/neutralino";
import {
  desktopEntry,
  nodeLicence,
  isSecretFileName,
  packageName,
  secretsIn,
  startScriptWindows,
  startScript,
  EXTERNAL_PACKAGES,
  THREAD_PACKAGES,
} from "@/desktop/package/files";

const root = path.resolve(import.meta.dirname, "..", "..");
const STANDALONE_SKIP =
  /^(dist|tests|bench|e2e|scratch|data|docs)([/\\]|$)|^package-lock\.json$|\.tsbuildinfo$/;
// Next traces the whole checkout into its standalone output, yet its server loads only the
// compiled `.next/` chunks: the TypeScript sources are never read at run time.
const CHECKOUT_SOURCE = /^(?!node_modules[/\\]|\.next[/\\]).*\.(ts|tsx|mts|cts)$/;
// Only Next's image optimizer (`/_next/image`, used by `next/image`, which the app never
// imports) requires sharp, lazily: its ~18 MB of libvips never loads. The font metrics (4 MB)
// are read only by next/font's fallback calculation, which runs at build time.
const UNUSED_MODULES =
  /^node_modules[/\\](sharp|@img)([/\\]|$)|^node_modules[/\\]next[/\\]dist[/\\]server[/\\]capsize-font-metrics\.json$/;
/** Whether the standalone copy leaves `relative` out: checkout folders and sources, unused
 * modules, and any secret-looking file. */
const skipInStandalone = (relative: string) =>
  STANDALONE_SKIP.test(relative) ||
  CHECKOUT_SOURCE.test(relative) ||
  UNUSED_MODULES.test(relative) ||
  isSecretFileName(path.basename(relative));
/** What a native module needs of its `build/`: the addon itself, not node-gyp's intermediates
 * (sqlite3.c, objects, archives: ~17 MB for better-sqlite3) nor its test extension. */
const BUILD_KEEP = /^build([/\\]Release([/\\](?!test_extension)[^/\\]+\.node)?)?$/;

function fail(message: string): never {
  process.stderr.write(`Cannot package: ${message}\n`);
  process.exit(1);
}

/** The external packages and everything they need at run time, from node_modules. */
function copyExternals(appDir: string): void {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const from = path.join(root, "node_modules", name);
    if (!existsSync(from)) fail(`node_modules/${name} is missing (run ./run build first).`);
    cpSync(from, path.join(appDir, "node_modules", name), {
      recursive: true,
      // Build-time leftovers of the native module are not needed to run it.
      filter: (file) => {
        const relative = path.relative(from, file);
        if (/^build([/\\]|$)/.test(relative) && !BUILD_KEEP.test(relative)) return false;
        return !/[/\\](deps|src|test)([/\\]|$)/.test(relative ? `/${relative}` : "");
      },
    });
    const manifest = JSON.parse(readFileSync(path.join(from, "package.json"), "utf8")) as {
      dependencies?: Record<string, string>;
    };
    for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency);
  };
  for (const name of EXTERNAL_PACKAGES) visit(name);
}

/** THREAD_PACKAGES: their manifest, licence and CommonJS build (no source maps, no types). */
function copyThreadPackages(appDir: string): void {
  for (const name of THREAD_PACKAGES) {
    const from = path.join(root, "node_modules", name);
    if (!existsSync(from)) fail(`node_modules/${name} is missing (run ./run build first).`);
    cpSync(from, path.join(appDir, "node_modules", name), {
      recursive: true,
      filter: (file) => {
        const relative = path.relative(from, file);
        if (relative === "" || relative === "package.json" || relative === "LICENSE") return true;
        return /^cjs([/\\]|$)/.test(relative) && !/\.(map|d\.ts)$/.test(relative);
      },
    });
  }
}

/**
 * Drops the debug information and static symbol table of an ELF binary (a Node.js built with
 * them is ~13 MB larger; Debian's own is shipped stripped). The dynamic symbols native addons
 * link against stay. Linux only, and only when binutils' `strip` is there: otherwise as is.
 */
function stripSymbols(file: string): void {
  if (process.platform !== "linux") return;
  try {
    execFileSync("strip", [file], { stdio: "ignore" });
  } catch {
    process.stdout.write(`(strip is not available: ${path.basename(file)} is packaged unstripped)\n`);
  }
}

async function main(): Promise<void> {
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
  const { platform, arch } = process;
  const name = packageName(pkg.version, platform, arch);
  const dist = path.join(root, "dist");
  const stage = path.join(dist, name);
  const appDir = path.join(stage, "app");
  const standalone = path.join(root, ".next", "standalone");
  if (!existsSync(path.join(standalone, "server.js")))
    fail("no production build (.next/standalone); run ./run build.");
  const binaryName = neutralinoBinaryName(platform, arch);
  const neutralino =
    process.env.NEU_BINARY || binaryCandidates(root, platform, arch).find((file) => existsSync(file));
  if (!neutralino || !existsSync(neutralino) || binaryName === undefined) {
    fail("no Neutralino binary: set NEU_BINARY or put it in desktop/bin/ (see docs/DESKTOP.md).");
  }
  const licence = nodeLicence(process.execPath);
  if (!licence) fail(`Node.js's LICENSE was not found beside ${process.execPath}.`);

  rmSync(stage, { recursive: true, force: true });
  mkdirSync(appDir, { recursive: true });

  // 1. The entries, bundled: no tsx, no TypeScript, no dev dependency at run time.
  await build({
    entryPoints: {
      "desktop/launcher": path.join(root, "desktop", "launcher.ts"),
      "server/serve": path.join(root, "server", "serve.ts"),
      "cli/index": path.join(root, "cli", "index.ts"),
    },
    outdir: appDir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    tsconfig: path.join(root, "tsconfig.json"),
    external: [...EXTERNAL_PACKAGES],
    // CommonJS dependencies inside an ES module bundle still call require().
    banner: {
      js: 'import { createRequire as __cr } from "node:module"; const require = __cr(import.meta.url);',
    },
    logLevel: "warning",
  });
  writeFileSync(
    path.join(appDir, "package.json"),
    JSON.stringify({ type: "module", version: pkg.version }, null, 2),
  );
  copyExternals(appDir);
  copyThreadPackages(appDir);

  // 2. The standalone Next server (symlinks kept as they are: they are relative).
  // Next's file tracing can pull checkout folders (dist/ with older packages, tests/) into the
  // standalone output; the package needs none of them.
  cpSync(standalone, path.join(appDir, ".next", "standalone"), {
    recursive: true,
    verbatimSymlinks: true,
    // Next copies the checkout's `.env*` into its standalone output: a developer's Stripe key
    // or auth secret must not go out with every copy.
    filter: (file) => !skipInStandalone(path.relative(standalone, file)),
  });
  // 3. Migrations (applied at every start by server/serve and the CLI) and the schema.
  cpSync(path.join(root, "prisma", "migrations"), path.join(appDir, "prisma", "migrations"), {
    recursive: true,
  });
  copyFileSync(path.join(root, "prisma", "schema.prisma"), path.join(appDir, "prisma", "schema.prisma"));
  // 4. The window: Neutralino's binary, its config and resources.
  copyFileSync(path.join(root, "neutralino.config.json"), path.join(appDir, "neutralino.config.json"));
  cpSync(path.join(root, "desktop", "resources"), path.join(appDir, "desktop", "resources"), {
    recursive: true,
  });
  mkdirSync(path.join(appDir, "desktop", "bin"), { recursive: true });
  const windowBinary = path.join(appDir, "desktop", "bin", binaryName);
  copyFileSync(neutralino, windowBinary);
  chmodSync(windowBinary, 0o755);
  // 5. Node.js and its licence.
  mkdirSync(path.join(stage, "node"), { recursive: true });
  const nodeBinary = path.join(stage, "node", platform === "win32" ? "node.exe" : "node");
  copyFileSync(process.execPath, nodeBinary);
  chmodSync(nodeBinary, 0o755);
  stripSymbols(nodeBinary);
  copyFileSync(licence, path.join(stage, "node", "LICENSE"));
  // 6. Start script, icon, .desktop file.
  writeFileSync(path.join(stage, "stripe-bookings"), startScript(), { mode: 0o755 });
  if (platform === "win32") writeFileSync(path.join(stage, "stripe-bookings.cmd"), startScriptWindows());
  copyFileSync(path.join(root, "desktop", "resources", "icon.png"), path.join(stage, "icon.png"));
  writeFileSync(path.join(stage, "stripe-bookings.desktop"), desktopEntry(pkg.version));

  // The last word before anything is archived: no secret-looking file, wherever it came from.
  const secrets = secretsIn(stage);
  if (secrets.length > 0) {
    rmSync(stage, { recursive: true, force: true });
    fail(`secret-looking files would ship:\n  ${secrets.join("\n  ")}`);
  }
  const archive = path.join(dist, `${name}.tar.gz`);
  rmSync(archive, { force: true });
  execFileSync("tar", ["-czf", archive, "-C", dist, name], { stdio: "inherit" });
  rmSync(stage, { recursive: true, force: true });
  const mb = (statSync(archive).size / 1024 / 1024).toFixed(1);
  process.stdout.write(`${archive} (${mb} MB)\n`);
}

await main();
