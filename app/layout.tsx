// The app shell: navigation around every screen. No web fonts are fetched (system stack).
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Providers } from "@/app/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Stripe Bookings", template: "%s · Stripe Bookings" },
  description: "Your Stripe subscriptions and invoices, as a working schedule.",
};

const nav = [
  { href: "/", label: "Today" },
  { href: "/bookings", label: "Bookings" },
  { href: "/rules", label: "Rules" },
];

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <header className="border-b border-slate-200 bg-white">
          <nav className="mx-auto flex max-w-6xl items-center gap-6 px-6 py-3" aria-label="Main">
            <Link href="/" className="font-semibold text-indigo-700">
              Stripe Bookings
            </Link>
            {nav.map((item) => (
              <Link key={item.href} href={item.href} className="text-sm text-slate-600 hover:text-slate-900">
                {item.label}
              </Link>
            ))}
          </nav>
        </header>
        <Providers>
          <main className="mx-auto max-w-6xl px-6 py-8">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
