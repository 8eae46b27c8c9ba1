// GET /api/staff/schedule?date&view&staff&service&status — the schedule board as JSON; the
// schedule screen polls it (TanStack Query) so webhook-driven changes appear without a reload.
// A walker's board holds only their own visits (lib/auth/policy.ts).
import { route } from "@/lib/http/handler";
import { walkerScope } from "@/lib/auth/policy";
import { prisma } from "@/lib/db/prisma";
import { boardQuerySchema, loadBoard } from "@/lib/schedule/board";
import { screenContext } from "@/lib/schedule/context";

export const dynamic = "force-dynamic";

export const GET = route("staff.schedule", "staff", async (request, _context, principal) => {
  const asked = boardQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const own = walkerScope(principal!);
  const query = own === null ? asked : { ...asked, staff: [own] };
  const { zone, today } = screenContext();
  return Response.json(await loadBoard(prisma(), query, zone, today), {
    headers: { "cache-control": "no-store" },
  });
});
