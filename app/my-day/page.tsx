// My day: a walker's home on every screen size — today's and tomorrow's visits with the client's
// file, Start and Finish. The owner has Today (/) and the schedule; an account not linked to a
// walker is told why it sees nothing.
import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/page";
import { prisma } from "@/lib/db/prisma";
import { sqlite } from "@/lib/db/sqlite";
import { headCursor } from "@/lib/api/v1/changes";
import { clientFiles, type ClientFileView } from "@/lib/clients/file";
import { myDay } from "@/lib/schedule/my-day";
import { screenContext } from "@/lib/schedule/context";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { MyDayView } from "@/app/my-day/my-day-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "My day" };

export default async function MyDayPage() {
  const user = await requirePage("staff");
  const { zone } = screenContext();
  if (user.staffId === null) {
    return (
      <>
        <PageHeader title="My day" timeZone={zone} />
        <EmptyState title="Your account is not linked to a walker">
          {user.role === "owner"
            ? "My day lists a walker's own visits; the whole business is on Today and the schedule."
            : "Ask the owner to link your account to your walker on the Staff page; your visits then show here."}
        </EmptyState>
      </>
    );
  }
  const db = sqlite();
  const now = new Date();
  const day = myDay(db, { staffId: user.staffId, zone, now });
  const clients = [
    ...new Set(
      [...day.today.visits, ...day.tomorrow.visits]
        .map((v) => v.clientStripeId)
        .filter((c): c is string => !!c),
    ),
  ];
  const files: Record<string, ClientFileView> = Object.fromEntries(
    await clientFiles(prisma(), clients, user, now),
  );
  // Read after the list: a change committed in between is sent again, never missed.
  const liveCursor = headCursor(db, user.staffId);
  return (
    <>
      <PageHeader title="My day" timeZone={zone} />
      <MyDayView initial={day} files={files} zone={zone} liveCursor={liveCursor} />
    </>
  );
}
