// The schedule: a day or week with a column per walker plus "Unassigned". The server renders
// the first board; the client keeps it fresh (the changes stream, polling as the fallback) and
// handles selection and filters.
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { requirePage } from "@/lib/auth/page";
import { walkerScope } from "@/lib/auth/policy";
import { prisma } from "@/lib/db/prisma";
import { sqlite } from "@/lib/db/sqlite";
import { headCursor } from "@/lib/api/v1/changes";
import { boardQuerySchema, loadBoard } from "@/lib/schedule/board";
import { screenContext } from "@/lib/schedule/context";
import { ONLY_ME_COOKIE, rememberedStaff } from "@/lib/schedule/only-me";
import { PageHeader } from "@/components/ui/page-header";
import { ScheduleBoard } from "@/app/schedule/schedule-board";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Schedule" };

export default async function SchedulePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePage("staff");
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : v]),
  );
  const parsed = boardQuerySchema.safeParse(raw);
  const given = parsed.success ? parsed.data : boardQuerySchema.parse({});
  // "Only me", when picked before, fills in a URL that names no walker filter.
  const remembered = rememberedStaff(
    (await cookies()).get(ONLY_ME_COOKIE)?.value,
    raw.staff,
    user.staffId ?? null,
  );
  const asked = remembered ? { ...given, staff: remembered } : given;
  // A walker's board holds only their own visits, as /api/staff/schedule (which it polls) does.
  const own = walkerScope(user);
  const query = own === null ? asked : { ...asked, staff: [own] };
  const { zone, today } = screenContext();
  const board = await loadBoard(prisma(), query, zone, today);
  // Read after the board: a change committed in between is sent again, never missed.
  const liveCursor = headCursor(sqlite(), own);
  return (
    <>
      <PageHeader title="Schedule" description="Who walks what, by walker" timeZone={zone} />
      <ScheduleBoard
        initial={board}
        query={query}
        zone={zone}
        today={today}
        myStaffId={user.staffId ?? null}
        liveCursor={liveCursor}
      />
    </>
  );
}
