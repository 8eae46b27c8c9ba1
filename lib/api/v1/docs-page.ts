// The human reference at /api/v1/docs: Swagger UI from the `swagger-ui-dist` package, served
// by this server (no CDN, works offline). Its scripts carry the request's CSP nonce.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { config } from "@/lib/config";

/** The assets the page loads, by the name they are served under. */
export const DOCS_ASSETS: Record<string, { file: string; type: string }> = {
  "swagger-ui.css": { file: "swagger-ui.css", type: "text/css; charset=utf-8" },
  "swagger-ui-bundle.js": { file: "swagger-ui-bundle.js", type: "text/javascript; charset=utf-8" },
  "init.js": { file: "", type: "text/javascript; charset=utf-8" },
};

// An external script, not inline: the CSP allows scripts by nonce, and 'strict-dynamic' lets
// the nonce'd bundle run it. The validator badge would call validator.swagger.io: off.
const INIT = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({ url: "/api/v1/openapi.json", dom_id: "#api", validatorUrl: null, deepLinking: true });
});
`;

/** The file of a docs asset, read from the installed package (the checkout's node_modules). */
export async function docsAsset(name: string): Promise<{ body: string; type: string } | null> {
  const asset = DOCS_ASSETS[name];
  if (!asset) return null;
  if (!asset.file) return { body: INIT, type: asset.type };
  const file = path.join(config().appRoot, "node_modules", "swagger-ui-dist", asset.file);
  return { body: await readFile(file, "utf8"), type: asset.type };
}

/** The CSP nonce proxy.ts put on this request. */
export function nonceOf(request: Request): string {
  const csp = request.headers.get("content-security-policy") ?? "";
  return /'nonce-([^']+)'/.exec(csp)?.[1] ?? "";
}

export function docsHtml(nonce: string): string {
  const n = nonce.replace(/[^A-Za-z0-9+/=]/g, "");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Stripe → Bookings API reference</title>
<link rel="stylesheet" href="/api/v1/docs/swagger-ui.css">
</head>
<body>
<main id="api"></main>
<script nonce="${n}" src="/api/v1/docs/swagger-ui-bundle.js"></script>
<script nonce="${n}" src="/api/v1/docs/init.js"></script>
</body>
</html>
`;
}
