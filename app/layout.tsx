// The app shell: navigation around every screen. No web fonts are fetched (system stack).
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Providers } from "@/app/providers";
import { SignOutButton } from "@/app/sign-out-button";
import { publicPage } from "@/lib/auth/page";
import type { Role } from "@/lib/auth/users";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Stripe Bookings", template: "%s · Stripe Bookings" },
  description: "Your Stripe subscriptions and invoices, as a working schedule.",
};

const nav: { href: string; label: string; role: Role }[] = [
  { href: "/", label: "Today", role: "staff" },
  { href: "/bookings", label: "Bookings", role: "staff" },
  { href: "/rules", label: "Rules", role: "owner" },
  { href: "/settings/security", label: "Security", role: "owner" },
  { href: "/settings/data", label: "Data", role: "owner" },
];

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Links a signed-in user may open; none for a visitor who has not signed in.
  const user = await publicPage();
  const links = user ? nav.filter((item) => item.role === "staff" || user.role === "owner") : [];
  return (
    <html lang="en">
      <body className="min-h-screen">
        <header className="border-b border-slate-200 bg-white">
          <nav className="mx-auto flex max-w-6xl items-center gap-6 px-6 py-3" aria-label="Main">
            <Link href="/" className="font-semibold text-indigo-700">
              Stripe Bookings
            </Link>
            {links.map((item) => (
              <Link key={item.href} href={item.href} className="text-sm text-slate-600 hover:text-slate-900">
                {item.label}
              </Link>
            ))}
            {user ? (
              <span className="ml-auto flex items-center gap-3 text-sm text-slate-600">
                <span aria-label="Signed in as">{user.email}</span>
                <SignOutButton />
              </span>
            ) : null}
          </nav>
        </header>
        <Providers>
          <main className="mx-auto max-w-6xl px-6 py-8">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
