// GET /api/bookings/export?from=YYYY-MM-DD&to=YYYY-MM-DD[&staffId=][&clientId=][&includeCancelled=true]
// — an .ics download of the bookings starting on those local days (clientId is the Stripe
// customer id); cancelled bookings only when asked for. A walker exports only their own
// bookings; a staff account without a walker has none to export (403).
import { z } from "zod";
import { config } from "@/lib/config";
import { CALENDAR_CONTENT_TYPE, ExportRangeError, exportIcs } from "@/lib/calendar/feed";
import { UnknownTargetError } from "@/lib/calendar/query";
import { sqlite } from "@/lib/db/sqlite";
import { route } from "@/lib/http/handler";
import { walkerFilter, withTokens } from "@/lib/auth/policy";
import { HttpError } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const day = z.iso.date({ error: "must be a date written YYYY-MM-DD" });

const exportQuerySchema = z.object({
  from: day,
  to: day,
  staffId: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ error: "must be a staff id (a whole number)" }).int().positive().optional(),
  ),
  clientId: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  includeCancelled: z.preprocess(
    emptyAsUndefined,
    z.enum(["true", "false"], { error: "must be true or false" }).optional(),
  ),
});

function invalid(path: string, message: string): HttpError {
  return new HttpError(422, "The request does not match the expected shape.", [{ path, message }]);
}

export const GET = route(
  "bookings.export",
  withTokens("staff", "read"),
  async (request, _context, principal) => {
    if (principal!.role === "staff" && principal!.staffId === null)
      throw new HttpError(403, "Your account is not linked to a walker; ask the owner.");
    const query = exportQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const staffId = walkerFilter(principal!, query.staffId);
    let exported;
    try {
      exported = exportIcs(
        sqlite(),
        {
          from: query.from,
          to: query.to,
          staffId,
          clientStripeId: query.clientId,
          publicUrl: config().publicUrl,
          includeCancelled: query.includeCancelled === "true",
        },
        new Date(),
      );
    } catch (error) {
      if (error instanceof UnknownTargetError) {
        throw invalid(error.field === "staffId" ? "staffId" : "clientId", error.message);
      }
      if (error instanceof ExportRangeError) throw invalid(error.field, error.message);
      throw error;
    }
    return new Response(exported.body, {
      status: 200,
      headers: {
        "content-type": CALENDAR_CONTENT_TYPE,
        "content-disposition": `attachment; filename="${exported.filename}"`,
        "cache-control": "no-store",
      },
    });
  },
);
