// POST /api/rules/preview — what saving a rule would create, change and cancel; writes nothing.
import { z } from "zod";
import { sqlite } from "@/lib/db/sqlite";
import { previewRuleChange } from "@/lib/bookings/preview";
import { readJson, route } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

const bodySchema = z.object({
  /** Preview an edit of this rule; omit for a new rule. */
  ruleId: z.number().int().positive().optional(),
  /** The rule JSON as `rules:create` takes it; validated by lib/rules/schema. */
  rule: z.unknown(),
});

const brief = (b: { bookingKey: string; title: string; startAt: Date; endAt: Date; status: string }) => ({
  bookingKey: b.bookingKey,
  title: b.title,
  startAt: b.startAt.toISOString(),
  endAt: b.endAt.toISOString(),
  status: b.status,
});

export const POST = route("rules.preview", "owner", async (request) => {
  const body = await readJson(request, bodySchema);
  const preview = previewRuleChange(sqlite(), body, new Date());
  if (!preview.ok) {
    const notFound = preview.errors.some((e) => e.path === "id");
    throw new HttpError(notFound ? 404 : 422, "The rule is not valid.", preview.errors);
  }
  return Response.json({
    created: preview.created.map(brief),
    changed: preview.changed.map((u) => ({ ...brief(u.after), changed: u.changed })),
    cancelled: preview.cancelled.map((c) => brief(c.before)),
    unchanged: preview.unchanged,
  });
});
