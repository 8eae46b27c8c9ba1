// The typed client's types (lib/api/v1/schema.d.ts) generated from the OpenAPI document with
// openapi-typescript. tests/api-v1-doc.test.ts fails when the committed file is stale;
// `UPDATE_API_TYPES=1` rewrites it.
import path from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import { format, resolveConfig } from "prettier";
import { buildOpenApiDocument } from "@/lib/api/v1/openapi";

export const SCHEMA_TYPES_FILE = "lib/api/v1/schema.d.ts";

export async function generateSchemaTypes(): Promise<string> {
  const document = JSON.parse(JSON.stringify(buildOpenApiDocument())) as Parameters<typeof openapiTS>[0];
  const ast = await openapiTS(document, { alphabetize: false });
  const text = `// Generated from /api/v1/openapi.json by openapi-typescript (tests/support/api-v1-types.ts). Do not edit.\n${astToString(ast)}`;
  // Formatted as the repository formats it, so the committed file passes `prettier --check`.
  const filepath = path.resolve(SCHEMA_TYPES_FILE);
  return format(text, { ...(await resolveConfig(filepath)), filepath });
}
