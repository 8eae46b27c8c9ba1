"use client";
// Main navigation: links in a row where they all fit, otherwise a Menu button opening them as a
// Radix dropdown menu (arrow keys, type-ahead, Escape; focus returns to the button). The owner's
// eleven links fit in a row only from 1280 px, a walker's five from 768 px. The current page is
// marked (aria-current) in both. Not modal, like the kit's Menu (components/ui/menu.tsx).
import Link from "next/link";
import { usePathname } from "next/navigation";
import { DropdownMenu as M } from "radix-ui";
import { useState } from "react";
import { cn } from "@/components/ui/cn";

export interface NavLink {
  href: string;
  label: string;
}

function isCurrent(path: string, href: string): boolean {
  return href === "/" ? path === "/" : path === href || path.startsWith(`${href}/`);
}

const current =
  "aria-[current=page]:bg-indigo-50 aria-[current=page]:font-medium aria-[current=page]:text-indigo-800";

// Row of links from this width up; the Menu button below it (static class names for Tailwind).
const layouts = {
  md: { row: "hidden md:flex", menu: "md:hidden" },
  xl: { row: "hidden xl:flex", menu: "xl:hidden" },
} as const;

/** More links than this need the wide (xl) row. */
const FITS_FROM_MD = 6;

export function MainNav({ links, account }: { links: NavLink[]; account?: string }) {
  const path = usePathname() ?? "/";
  const [open, setOpen] = useState(false);
  if (links.length === 0) return null;
  const layout = layouts[links.length > FITS_FROM_MD ? "xl" : "md"];
  return (
    <>
      <div className={cn("items-center gap-1", layout.row)}>
        {links.map((item) => (
          <Link
            key={item.href}
            href={item.href}
            aria-current={isCurrent(path, item.href) ? "page" : undefined}
            className={cn(
              "rounded-md px-2 py-1.5 text-sm whitespace-nowrap text-slate-700 hover:bg-slate-100 hover:text-slate-900",
              current,
            )}
          >
            {item.label}
          </Link>
        ))}
      </div>
      <div className={layout.menu}>
        <M.Root open={open} onOpenChange={setOpen} modal={false}>
          <M.Trigger asChild>
            <button
              type="button"
              className="inline-flex min-h-11 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 sm:min-h-9"
            >
              <svg aria-hidden viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor">
                <path d="M2 4h12M2 8h12M2 12h12" strokeWidth="1.5" strokeLinecap="round" />
              </svg>
              Menu
            </button>
          </M.Trigger>
          <M.Portal>
            <M.Content
              id="main-menu"
              align="start"
              sideOffset={6}
              collisionPadding={8}
              className="z-50 max-h-[var(--radix-dropdown-menu-content-available-height)] w-[min(18rem,calc(100vw-1rem))] overflow-y-auto rounded-md border border-slate-200 bg-white p-1 shadow-lg"
            >
              {links.map((item) => (
                <M.Item key={item.href} asChild>
                  <Link
                    href={item.href}
                    aria-current={isCurrent(path, item.href) ? "page" : undefined}
                    className={cn(
                      "flex min-h-11 items-center rounded px-3 text-sm text-slate-800 outline-none data-[highlighted]:bg-slate-100",
                      current,
                    )}
                  >
                    {item.label}
                  </Link>
                </M.Item>
              ))}
              {account ? (
                <>
                  <M.Separator className="my-1 h-px bg-slate-200" />
                  <M.Label className="px-3 py-2 text-xs break-all text-slate-600">
                    Signed in as {account}
                  </M.Label>
                </>
              ) : null}
            </M.Content>
          </M.Portal>
        </M.Root>
      </div>
    </>
  );
}
