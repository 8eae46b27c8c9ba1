// /settings/* — owner only; the tabs General / Security / Data above each section. Access is
// checked here too, before loading.tsx streams (a visitor gets a real redirect).
import type { ReactNode } from "react";
import { requirePage } from "@/lib/auth/page";
import { SettingsTabs } from "@/app/settings/settings-tabs";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  await requirePage("owner");
  return (
    <>
      <SettingsTabs />
      {children}
    </>
  );
}
