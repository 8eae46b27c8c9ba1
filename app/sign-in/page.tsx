// /sign-in — public. A signed-in visitor goes straight on to where they were heading.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CredentialsForm } from "@/app/credentials-form";
import { publicPage, safeNextPath } from "@/lib/auth/page";
import { hasOwner } from "@/lib/auth/users";
import { config } from "@/lib/config";
import { cliCommand } from "@/lib/desktop/commands";
import { prisma } from "@/lib/db/prisma";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const user = await publicPage();
  const next = safeNextPath((await searchParams).next);
  if (user) redirect(next);
  const ownerExists = await hasOwner(prisma());
  return (
    <section className="mx-auto mt-8 max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:mt-16">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">Use the email and password the owner gave you.</p>
      <CredentialsForm action="/api/auth/sign-in/email" submitLabel="Sign in" next={next} />
      {!ownerExists ? (
        <p className="mt-6 text-sm text-slate-600">
          No account exists yet. On the computer running the server, open{" "}
          <Link className="text-indigo-700 underline" href="/">
            the home page
          </Link>{" "}
          to create the owner account, or run <code>{cliCommand("user:create", config())}</code>.
        </p>
      ) : null}
    </section>
  );
}
