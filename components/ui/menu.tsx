"use client";
// Row and page action menus on Radix DropdownMenu (arrow keys, type-ahead, Escape).
import { DropdownMenu as M } from "radix-ui";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export interface MenuItem {
  label: string;
  onSelect: () => void;
  danger?: boolean;
  disabled?: boolean;
}

export function Menu({ trigger, items, label }: { trigger: ReactNode; items: MenuItem[]; label?: string }) {
  return (
    // Not modal: a modal menu hides the rest of the page (aria-hidden) while the skip link and
    // <main> stay focusable, which axe reports as serious (aria-hidden-focus). Focus still moves
    // into the menu, and Escape or a click outside closes it.
    <M.Root modal={false}>
      <M.Trigger asChild>{trigger}</M.Trigger>
      <M.Portal>
        <M.Content
          aria-label={label}
          align="end"
          sideOffset={4}
          className="z-50 min-w-44 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
        >
          {items.map((item) => (
            <M.Item
              key={item.label}
              disabled={item.disabled}
              onSelect={item.onSelect}
              className={cn(
                "flex min-h-11 cursor-pointer items-center rounded px-2 py-1.5 text-sm sm:min-h-0 outline-none data-[disabled]:opacity-50 data-[highlighted]:bg-slate-100",
                item.danger ? "text-rose-800" : "text-slate-800",
              )}
            >
              {item.label}
            </M.Item>
          ))}
        </M.Content>
      </M.Portal>
    </M.Root>
  );
}
