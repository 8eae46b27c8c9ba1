// GET /calendar/<token>.ics — the subscribable feed. The token is the credential, so it is
// kept out of the request log and a bad one gets a 404 that says nothing.
import { config } from "@/lib/config";
import { serveFeed } from "@/lib/calendar/feed";
import { sqlite } from "@/lib/db/sqlite";
import { PREFIX_LENGTH } from "@/lib/feeds/tokens";
import { route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ file: string }> };

const notFound = () =>
  new Response("Not found\n", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });

// The token is the credential (public policy); the log sees its prefix only.
export const GET = route<Context>(
  "calendar.feed",
  "public",
  async (request, context) => {
    const { file } = await context.params;
    const token = /^(.+)\.ics$/.exec(file)?.[1];
    if (!token) return notFound();
    const result = serveFeed(sqlite(), token, {
      ifNoneMatch: request.headers.get("if-none-match"),
      ifModifiedSince: request.headers.get("if-modified-since"),
      now: new Date(),
      publicUrl: config().publicUrl,
      userAgent: request.headers.get("user-agent"),
    });
    if (result.status === 404) return notFound();
    if (result.status === 304) return new Response(null, { status: 304, headers: result.headers });
    return new Response(result.body, { status: 200, headers: result.headers });
  },
  { logPath: redacted },
);

function redacted(url: URL): string {
  return url.pathname.replace(/\/calendar\/([^/]+)$/, (_match, file: string) => {
    return `/calendar/${file.slice(0, PREFIX_LENGTH)}-redacted.ics`;
  });
}
