// /set-password?token=… — public: a one-time link the owner made on the staff page. Shows whom
// it is for and asks for a new password twice; an unknown, used or expired link gets a clear
// page and changes nothing. Looking a token up counts as a try against the address's budget
// (lib/auth/rate-limit.ts), as posting it does, so the page is no oracle for guessing links.
import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { publicPage } from "@/lib/auth/page";
import { peerAddress } from "@/lib/auth/peer";
import { reserveAddressAttempt, settleSignInAttempt } from "@/lib/auth/rate-limit";
import { findSetPasswordLink, LINK_ATTEMPT_LABEL } from "@/lib/auth/set-password";
import { linkTokenSchema } from "@/lib/auth/set-password-form";
import { prisma } from "@/lib/db/prisma";
import { sqlite } from "@/lib/db/sqlite";
import { formatStamp } from "@/lib/schedule/time";
import { screenContext } from "@/lib/schedule/context";
import { SetPasswordForm } from "@/app/set-password/set-password-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Choose your password", referrer: "no-referrer" };

function Frame({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="mx-auto mt-8 max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:mt-16">
      <h1 className="text-2xl font-semibold">{title}</h1>
      {children}
    </section>
  );
}

function Unusable() {
  return (
    <Frame title="This link does not work">
      <p className="mt-2 text-sm text-slate-700">
        It has expired, was already used, or was replaced by a newer link. Nothing was changed. Ask the owner
        for a new link (Staff → your name → Make a set-password link).
      </p>
      <p className="mt-4 text-sm">
        <Link href="/sign-in" className="text-indigo-800 underline underline-offset-2">
          Sign in
        </Link>{" "}
        if you already have a password.
      </p>
    </Frame>
  );
}

export default async function SetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const signedIn = await publicPage();
  const token = (await searchParams).token ?? "";
  const now = new Date();
  // Not even shaped like a link (a cut-off copy): no database read, so not a counted try.
  if (!linkTokenSchema.safeParse(token).success) return <Unusable />;
  const reservation = reserveAddressAttempt(sqlite(), {
    label: LINK_ATTEMPT_LABEL,
    ip: peerAddress(await headers()),
    now,
  });
  if (!reservation.allowed) {
    return (
      <Frame title="Too many tries">
        <p className="mt-2 text-sm text-slate-700">
          Too many wrong links were tried from this address. Try again in{" "}
          {Math.ceil(reservation.retryAfterSeconds / 60)} minutes.
        </p>
      </Frame>
    );
  }
  const link = await findSetPasswordLink(prisma(), token, now);
  if (!link) return <Unusable />;
  settleSignInAttempt(sqlite(), reservation.attemptId);
  const { zone } = screenContext();
  return (
    <Frame title="Choose your password">
      <p className="mt-1 text-sm text-slate-700">
        For <strong className="break-words">{link.email}</strong>
        {link.staffName ? ` (walker: ${link.staffName})` : ""}. This link works once, until{" "}
        {formatStamp(link.expiresAt, zone)}.
      </p>
      {link.hasPassword ? (
        <p className="mt-2 text-sm text-slate-700">
          It replaces your current password and signs you out elsewhere.
        </p>
      ) : null}
      {signedIn && signedIn.email !== link.email ? (
        <p className="mt-2 text-sm text-amber-900">
          This browser is signed in as {signedIn.email}; setting the password signs it in as {link.email}.
        </p>
      ) : null}
      <div className="mt-6">
        <SetPasswordForm token={token} email={link.email} />
      </div>
    </Frame>
  );
}
