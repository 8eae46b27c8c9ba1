// /reports — opens the first report (visits).
import { redirect } from "next/navigation";
import { requirePage } from "@/lib/auth/page";

export const dynamic = "force-dynamic";

export default async function ReportsPage() {
  await requirePage("owner");
  redirect("/reports/visits");
}
