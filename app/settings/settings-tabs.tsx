"use client";
// The settings screen's tabs (General / Security / Data / Stripe), the current one marked from the URL.
import { usePathname } from "next/navigation";
import { LinkTabs } from "@/components/ui/tabs";

const TABS = [
  { href: "/settings", label: "General" },
  { href: "/settings/security", label: "Security" },
  { href: "/settings/data", label: "Data" },
  { href: "/settings/stripe", label: "Stripe" },
];

export function SettingsTabs() {
  const path = usePathname();
  return (
    <LinkTabs
      label="Settings sections"
      tabs={TABS.map((t) => ({
        ...t,
        current: t.href === "/settings" ? path === t.href : path.startsWith(t.href),
      }))}
    />
  );
}
