// Access is checked here as well as in the pages: a layout renders before the loading.tsx
// boundary streams, so a visitor who is not signed in gets a real redirect (307), not a 200
// page that redirects in the browser.
import type { ReactNode } from "react";
import { requirePage } from "@/lib/auth/page";

export default async function StaffSectionLayout({ children }: { children: ReactNode }) {
  await requirePage("staff");
  return children;
}
