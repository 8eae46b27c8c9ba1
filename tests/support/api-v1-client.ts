// The typed /api/v1 client the API's own tests use (openapi-fetch over the generated
// lib/api/v1/schema.d.ts), and a contract checker: every response a test receives is validated
// against the document the server serves (Ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses).
import createClient, { type Client, type Middleware } from "openapi-fetch";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { paths } from "@/lib/api/v1/schema";

type Doc = { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };

export interface ContractChecker {
  /** Validates one response (its body read from a clone); returns the problems found. */
  check(method: string, url: string, response: Response): Promise<void>;
  /** Every violation seen so far (`METHOD path status: message`). */
  violations: string[];
  /** How many responses were checked. */
  checked: number;
}

const escapePointer = (part: string) => encodeURIComponent(part.replace(/~/g, "~0").replace(/\//g, "~1"));

function templateOf(doc: Doc, pathname: string): string | undefined {
  return Object.keys(doc.paths).find((template) => {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`);
    return pattern.test(pathname);
  });
}

export function contractChecker(doc: Doc): ContractChecker {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ ...doc, $id: "openapi" } as object);
  const violations: string[] = [];
  const state = { checked: 0 };
  return {
    violations,
    get checked() {
      return state.checked;
    },
    async check(method, url, response) {
      state.checked += 1;
      const pathname = new URL(url).pathname;
      const where = `${method} ${pathname} ${response.status}`;
      if (!response.headers.get("request-id")) violations.push(`${where}: no Request-Id header`);
      const template = templateOf(doc, pathname);
      const operation = template ? doc.paths[template]?.[method.toLowerCase()] : undefined;
      if (!template || !operation) {
        // An unknown path (404) or method (405) is still a documented Problem.
        const type = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
        if ((response.status === 404 || response.status === 405) && type === "application/problem+json") {
          const validate =
            ajv.getSchema("openapi#/components/schemas/Problem") ??
            ajv.compile({ $ref: "openapi#/components/schemas/Problem" });
          const body: unknown = await response.clone().json();
          if (!validate(body)) violations.push(`${where}: ${ajv.errorsText(validate.errors)}`);
          return;
        }
        return void violations.push(`${where}: not in the document`);
      }
      const status = String(response.status);
      const documented = operation.responses[status] as { content?: Record<string, unknown> } | undefined;
      if (!documented) return void violations.push(`${where}: status not documented`);
      const type = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
      if (!documented.content) {
        if (response.status !== 204 && response.status !== 304 && type) {
          violations.push(`${where}: body not documented`);
        }
        return;
      }
      if (!documented.content[type])
        return void violations.push(`${where}: content-type ${type} not documented`);
      const ref = ["paths", template, method.toLowerCase(), "responses", status, "content", type, "schema"]
        .map(escapePointer)
        .join("/");
      const validate = ajv.getSchema(`openapi#/${ref}`) ?? ajv.compile({ $ref: `openapi#/${ref}` });
      const body: unknown = await response.clone().json();
      if (!validate(body)) violations.push(`${where}: ${ajv.errorsText(validate.errors)}`);
    },
  };
}

/** A typed client for `base` with these credentials; every response goes through `checker`. */
export function apiClient(
  base: string,
  checker: ContractChecker,
  headers: Record<string, string> = {},
): Client<paths> {
  const client = createClient<paths>({ baseUrl: base, headers });
  const check: Middleware = {
    async onResponse({ request, response }) {
      await checker.check(request.method, request.url, response);
      return response;
    },
  };
  client.use(check);
  return client;
}

/** fetch with the contract check, for requests the typed client will not send (malformed ones). */
export async function checkedFetch(
  checker: ContractChecker,
  url: string,
  init: RequestInit = {},
): Promise<Response> {
  const response = await fetch(url, init);
  await checker.check(init.method ?? "GET", url, response);
  return response;
}
