// The app shell: navigation around every screen. No web fonts are fetched (system stack).
import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Providers } from "@/app/providers";
import { SignOutButton } from "@/app/sign-out-button";
import { MainNav } from "@/components/shell/nav";
import { publicPage } from "@/lib/auth/page";
import type { Role } from "@/lib/auth/users";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Stripe Bookings", template: "%s · Stripe Bookings" },
  description: "Your Stripe subscriptions and invoices, as a working schedule.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Staff see the day's work; owners also the configuration screens.
const nav: { href: string; label: string; role: Role }[] = [
  { href: "/", label: "Today", role: "staff" },
  { href: "/schedule", label: "Schedule", role: "staff" },
  { href: "/bookings", label: "Bookings", role: "staff" },
  { href: "/clients", label: "Clients", role: "staff" },
  { href: "/staff", label: "Staff", role: "staff" },
  { href: "/rules", label: "Rules", role: "owner" },
  { href: "/feeds", label: "Feeds", role: "owner" },
  { href: "/stripe", label: "Stripe", role: "owner" },
  { href: "/reports", label: "Reports", role: "owner" },
  { href: "/reconciliation", label: "Reconciliation", role: "owner" },
  // General, Security and Data are tabs of the settings screen.
  { href: "/settings", label: "Settings", role: "owner" },
];

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Links a signed-in user may open; none for a visitor who has not signed in.
  const user = await publicPage();
  const links = user
    ? nav
        .filter((item) => item.role === "staff" || user.role === "owner")
        // A walker's home is My day (app/page.tsx sends them there).
        .map(({ href, label }) =>
          href === "/" && user.role !== "owner" ? { href: "/my-day", label: "My day" } : { href, label },
        )
    : [];
  return (
    <html lang="en">
      <body className="min-h-screen">
        {/* The first thing a keyboard reaches: past the navigation to the page itself. */}
        <a
          href="#main"
          className="sr-only rounded-md bg-white px-4 py-3 text-sm font-medium text-indigo-800 shadow-lg focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-[60] focus:outline-2 focus:outline-indigo-600"
        >
          Skip to content
        </a>
        <header className="relative border-b border-slate-200 bg-white">
          <nav className="mx-auto flex max-w-7xl items-center gap-3 px-4 py-2 sm:px-6" aria-label="Main">
            <Link href="/" className="shrink-0 font-semibold whitespace-nowrap text-indigo-800">
              Stripe Bookings
            </Link>
            <MainNav links={links} account={user?.email} />
            {user ? (
              <span className="ml-auto flex min-w-0 items-center gap-3 text-sm text-slate-600">
                <span aria-label="Signed in as" className="hidden max-w-64 min-w-0 truncate lg:block">
                  {user.email}
                </span>
                <SignOutButton />
              </span>
            ) : null}
          </nav>
        </header>
        <Providers>
          <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 focus:outline-none sm:px-6">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
