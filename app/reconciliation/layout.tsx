// Owner only: checked here as well as in the page, so the redirect or 403 comes before streaming.
import type { ReactNode } from "react";
import { requirePage } from "@/lib/auth/page";

export default async function ReconciliationLayout({ children }: { children: ReactNode }) {
  await requirePage("owner");
  return children;
}
