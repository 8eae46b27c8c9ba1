// Access checked before loading.tsx streams, so a visitor gets a real redirect (see app/staff/layout.tsx).
import type { ReactNode } from "react";
import { requirePage } from "@/lib/auth/page";

export default async function RulesLayout({ children }: { children: ReactNode }) {
  await requirePage("owner");
  return children;
}
