// The short HTML page each problem `type` URI resolves to (static text, no scripts).
import { problemCatalogue, type ProblemSlug } from "@/lib/api/v1/problems";

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
/** `code` spans in the catalogue's text as <code>. */
const inline = (text: string) => escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>");

export function problemPage(slug: ProblemSlug): string {
  const [status, title, description] = problemCatalogue[slug];
  const others = (Object.keys(problemCatalogue) as ProblemSlug[])
    .map((other) => `<li><a href="${other}">${escapeHtml(other)}</a> (${problemCatalogue[other][0]})</li>`)
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — API problem</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}code{background:#f3f3f3;padding:0 .2em}</style>
</head><body>
<p>Stripe → Bookings API · problem type</p>
<h1>${escapeHtml(title)}</h1>
<p><strong>HTTP ${status}</strong> · <code>${escapeHtml(slug)}</code></p>
<p>${inline(description)}</p>
<p>Every problem also carries <code>requestId</code>, the response's <code>Request-Id</code>: give it when reporting one.
The API reference is at <a href="../docs">/api/v1/docs</a>.</p>
<h2>All problem types</h2><ul>${others}</ul>
</body></html>`;
}
