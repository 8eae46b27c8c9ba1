"use client";
// Main navigation: links in a row on wide screens, a Menu button on a phone. The current page
// is marked (aria-current) from the path.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { cn } from "@/components/ui/cn";

export interface NavLink {
  href: string;
  label: string;
}

function isCurrent(path: string, href: string): boolean {
  return href === "/" ? path === "/" : path === href || path.startsWith(`${href}/`);
}

export function MainNav({ links }: { links: NavLink[] }) {
  const path = usePathname() ?? "/";
  const [open, setOpen] = useState(false);
  const items = links.map((item) => (
    <Link
      key={item.href}
      href={item.href}
      onClick={() => setOpen(false)}
      aria-current={isCurrent(path, item.href) ? "page" : undefined}
      className={cn(
        "block rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100 hover:text-slate-900",
        "aria-[current=page]:bg-indigo-50 aria-[current=page]:font-medium aria-[current=page]:text-indigo-800",
      )}
    >
      {item.label}
    </Link>
  ));
  if (links.length === 0) return null;
  return (
    <>
      <div className="hidden items-center gap-1 md:flex">{items}</div>
      <div className="md:hidden">
        <button
          type="button"
          aria-expanded={open}
          aria-controls="phone-nav"
          onClick={() => setOpen((v) => !v)}
          className="rounded-md border border-slate-300 px-2.5 py-1 text-sm"
        >
          Menu
        </button>
        {open ? (
          <div
            id="phone-nav"
            className="absolute inset-x-0 top-full z-30 border-b border-slate-200 bg-white p-2 shadow-md"
          >
            {items}
          </div>
        ) : null}
      </div>
    </>
  );
}
