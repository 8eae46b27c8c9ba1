// POST /api/staff/defaults {scope, key, staffId|null} — the walker new occurrences of a client,
// subscription or rule get; re-derives what it covers. Hand assignments are never overridden.
// Owner only: it decides who walks whom.
import { route, readJson } from "@/lib/http/handler";
import { actorOf } from "@/lib/auth/principal";
import { sqlite } from "@/lib/db/sqlite";
import { setStaffDefault } from "@/lib/bookings/staff-defaults";
import { defaultFormSchema } from "@/lib/schedule/forms";
import { rethrowEditError } from "@/lib/schedule/edit-errors";

export const dynamic = "force-dynamic";

export const POST = route("staff.defaults.set", "owner", async (request, _context, principal) => {
  const form = await readJson(request, defaultFormSchema);
  try {
    const summary = setStaffDefault(sqlite(), { ...form, actor: actorOf(principal), now: new Date() });
    return Response.json({ ok: true, summary });
  } catch (error) {
    rethrowEditError(error);
  }
});
