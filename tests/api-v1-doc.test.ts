// The /api/v1 contract: every route file's methods are in the generated OpenAPI document (and
// nothing else is), every operation declares a policy-checked route, and the committed typed
// client (lib/api/v1/schema.d.ts) is what openapi-typescript generates from the document now.
// The document is complete (descriptions, headers, required bodies) and Redocly lints it clean.
import { execFile } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/v1/openapi";
import { generateSchemaTypes, SCHEMA_TYPES_FILE } from "@/tests/support/api-v1-types";
import { REPO_ROOT } from "@/tests/support/faults/processes";

const run = promisify(execFile);
const V1 = path.join(REPO_ROOT, "app", "api", "v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
/** Routes that serve the documentation itself, not the API. */
const UNDOCUMENTED = new Set([
  "/api/v1/openapi.json",
  "/api/v1/docs",
  "/api/v1/docs/{asset}",
  "/api/v1/problems/{type}",
  "/api/v1/{...path}",
]);

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

const apiPath = (file: string) =>
  `/${path.relative(path.join(REPO_ROOT, "app"), path.dirname(file)).split(path.sep).join("/")}`.replace(
    /\[([^\]]+)\]/g,
    "{$1}",
  );

describe("the /api/v1 OpenAPI document", () => {
  it("documents exactly the methods the route files export", () => {
    const document = buildOpenApiDocument() as unknown as { paths: Record<string, Record<string, unknown>> };
    const served: string[] = [];
    for (const file of routeFiles(V1)) {
      const route = apiPath(file);
      if (UNDOCUMENTED.has(route)) continue;
      const source = readFileSync(file, "utf8");
      for (const method of METHODS) {
        if (new RegExp(`export const ${method}\\b`).test(source)) served.push(`${method} ${route}`);
      }
      expect(source, `${route} answers CORS preflights`).toMatch(/export const OPTIONS = preflight/);
    }
    const documented = Object.entries(document.paths).flatMap(([route, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${route}`),
    );
    expect(served.sort()).toEqual(documented.sort());
    expect(served.length).toBeGreaterThanOrEqual(16);
  });

  it("gives every write an Idempotency-Key parameter and every operation an id", () => {
    const document = buildOpenApiDocument() as unknown as {
      paths: Record<
        string,
        Record<string, { operationId?: string; parameters?: { name: string; in: string }[] }>
      >;
    };
    for (const [route, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        expect(operation.operationId, `${method} ${route}`).toBeTruthy();
        // Phone sign-in's codes are single-use by design (RFC 8628): no Idempotency-Key there.
        if (method === "get" || route.startsWith("/api/v1/device/")) continue;
        expect(operation.parameters?.map((p) => `${p.in}:${p.name}`)).toContain("header:Idempotency-Key");
      }
    }
  });

  it("answers every method on every route file: the ones it serves, 405 problems for the rest", () => {
    for (const file of routeFiles(V1)) {
      const route = apiPath(file);
      if (route.startsWith("/api/v1/changes") || route.startsWith("/api/v1/device")) continue;
      const source = readFileSync(file, "utf8");
      const exported = new Set(
        [...source.matchAll(/export const (?:\{([^}]+)\}|(\w+))/g)].flatMap((m) =>
          (m[1] ?? m[2]!).split(",").map((name) => name.trim()),
        ),
      );
      for (const method of [...METHODS, "PUT"]) expect(exported, `${route} ${method}`).toContain(method);
    }
  });

  it("describes every operation, marks booking bodies required, and documents the headers", () => {
    const document = JSON.parse(JSON.stringify(buildOpenApiDocument())) as {
      paths: Record<
        string,
        Record<
          string,
          {
            description?: string;
            requestBody?: { required?: boolean };
            parameters?: { name: string }[];
            responses: Record<string, { headers?: Record<string, unknown> }>;
          }
        >
      >;
    };
    expect(JSON.stringify(document)).not.toMatch(/prefixItems|"items":false/);
    for (const [route, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const where = `${method} ${route}`;
        expect(operation.description?.length ?? 0, where).toBeGreaterThan(40);
        for (const [status, response] of Object.entries(operation.responses)) {
          expect(Object.keys(response.headers ?? {}), `${where} ${status}`).toContain("Request-Id");
        }
        // The SSE stream has no ETag; the device flow's endpoints answer as RFC 8628 prescribes.
        if (route.startsWith("/api/v1/device/")) continue;
        if (method === "get" && route !== "/api/v1/changes/stream") {
          expect(operation.parameters?.map((p) => p.name)).toContain("If-None-Match");
          expect(Object.keys(operation.responses["200"]!.headers!)).toEqual(
            expect.arrayContaining(["ETag", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"]),
          );
          expect(operation.responses["304"], where).toBeDefined();
        }
        expect(Object.keys(operation.responses["401"]!.headers!)).toContain("WWW-Authenticate");
        expect(Object.keys(operation.responses["429"]!.headers!)).toContain("Retry-After");
      }
    }
    expect(document.paths["/api/v1/bookings"]!.post!.requestBody?.required).toBe(true);
    expect(document.paths["/api/v1/bookings/{id}"]!.patch!.requestBody?.required).toBe(true);
    const created = document.paths["/api/v1/bookings"]!.post!.responses["201"]!.headers!;
    expect(Object.keys(created)).toEqual(expect.arrayContaining(["ETag", "Location", "Idempotent-Replayed"]));
    expect(document.paths["/api/v1/bookings/{id}"]!.patch!.parameters?.map((p) => p.name)).toContain(
      "If-Match",
    );
  });

  it("has schemas a draft-07 validator compiles in strict mode (what Prism and older tools read)", () => {
    const document = JSON.parse(JSON.stringify(buildOpenApiDocument())) as {
      components: { schemas: Record<string, object> };
      paths: Record<string, Record<string, { parameters?: { schema: object }[]; responses: object }>>;
    };
    // Refs point into the document; as separate draft-07 schemas they point at each other by id.
    const relink = <T>(value: T): T =>
      JSON.parse(JSON.stringify(value).replace(/"#\/components\/schemas\/([^"]+)"/g, '"$1"')) as T;
    const ajv = new Ajv({ strict: true, allErrors: true });
    addFormats.default(ajv);
    ajv.addVocabulary(["example", "discriminator", "xml", "externalDocs"]);
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      ajv.addSchema({ ...relink(schema), $id: name });
    }
    for (const name of Object.keys(document.components.schemas))
      expect(() => ajv.getSchema(name), name).not.toThrow();
    let compiled = 0;
    for (const item of Object.values(document.paths)) {
      for (const operation of Object.values(item)) {
        for (const parameter of operation.parameters ?? []) {
          ajv.compile(relink(parameter.schema));
          compiled += 1;
        }
        for (const match of JSON.stringify(operation.responses).matchAll(/"schema":(\{"\$ref":"[^"]+"\})/g)) {
          ajv.compile(relink(JSON.parse(match[1]!) as object));
          compiled += 1;
        }
      }
    }
    expect(compiled).toBeGreaterThan(50);
  });

  it("lints clean with Redocly's recommended rules (no warnings)", async () => {
    const file = path.join(tmpdir(), `openapi-lint-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(buildOpenApiDocument()));
    const lint = await run(
      process.execPath,
      [path.join(REPO_ROOT, "node_modules/@redocly/cli/bin/cli.js"), "lint", file, "--format=json"],
      { env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } },
    ).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    const report = JSON.parse(lint.stdout) as { totals: { errors: number; warnings: number } };
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);

  it("the committed typed client matches the document", async () => {
    const generated = await generateSchemaTypes();
    const file = path.join(REPO_ROOT, SCHEMA_TYPES_FILE);
    if (process.env.UPDATE_API_TYPES === "1") writeFileSync(file, generated);
    const committed = readFileSync(file, "utf8");
    expect(committed === generated, "stale: run the test with UPDATE_API_TYPES=1").toBe(true);
  }, 60_000);
});

describe("the contract checker", () => {
  it("reports a body, status or route the document does not allow", async () => {
    const { contractChecker } = await import("@/tests/support/api-v1-client");
    const checker = contractChecker(JSON.parse(JSON.stringify(buildOpenApiDocument())) as never);
    const json = (body: unknown, status = 200, type = "application/json") =>
      new Response(JSON.stringify(body), { status, headers: { "content-type": type, "request-id": "r1" } });
    await checker.check("GET", "http://x/api/v1/staff", json({ data: [], nextCursor: null, hasMore: false }));
    const unknown = {
      type: "http://x/api/v1/problems/not-found",
      title: "Not found",
      status: 404,
      requestId: "r1",
    };
    await checker.check("GET", "http://x/api/v1/nowhere", json(unknown, 404, "application/problem+json"));
    expect(checker.violations).toEqual([]);
    await checker.check("GET", "http://x/api/v1/staff", json({ data: [{ id: "1" }], nextCursor: null }));
    await checker.check("GET", "http://x/api/v1/staff", json({}, 418));
    await checker.check("GET", "http://x/api/v1/nowhere", json({}));
    await checker.check("GET", "http://x/api/v1/bookings/1", json({ type: "x" }, 404));
    await checker.check("GET", "http://x/api/v1/staff", new Response(null, { status: 304 }));
    expect(checker.violations).toHaveLength(5);
    expect(checker.violations[0]).toMatch(/GET \/api\/v1\/staff 200: .*must have required property/);
    expect(checker.violations[1]).toMatch(/418: status not documented/);
    expect(checker.violations[2]).toMatch(/not in the document/);
    expect(checker.violations[3]).toMatch(/content-type application\/json not documented/);
    expect(checker.violations[4]).toMatch(/no Request-Id header/);
  });
});
