// /settings/security — owner only: accounts, live sessions (revocable), API tokens
// (revocable) and the security audit log. The full Settings screen builds on these lists.
import { cliCommand } from "@/lib/desktop/commands";
import { config } from "@/lib/config";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { RevokeButton } from "@/app/settings/security/revoke-button";
import { DevicesSection } from "@/components/devices/devices-section";
import { StackedTable } from "@/components/ui/stacked-table";
import { listAudit } from "@/lib/auth/audit";
import { requirePage } from "@/lib/auth/page";
import { listApiTokens } from "@/lib/auth/tokens";
import { listSessions, listUsers } from "@/lib/auth/users";
import { prisma } from "@/lib/db/prisma";
import { loadSettings } from "@/lib/settings";
import { sqlite } from "@/lib/db/sqlite";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Security" };

// Tables become stacked cards on a phone (StackedTable), so nothing here scrolls sideways.
function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="min-w-0 rounded-lg border border-slate-200 bg-white">
      <h2 className="border-b border-slate-200 px-4 py-2 font-medium">{title}</h2>
      {children}
    </section>
  );
}

const mono = "font-mono";

export default async function SecurityPage() {
  const me = await requirePage("owner");
  const db = prisma();
  const now = new Date();
  const [users, sessions, tokens, audit] = await Promise.all([
    listUsers(db, now),
    listSessions(db, now),
    listApiTokens(db),
    listAudit(db, { limit: 100 }),
  ]);
  const { timeZone } = loadSettings(sqlite());
  const when = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Security</h1>
        <p className="text-sm text-slate-500">
          Accounts, sessions, API tokens and sign-in history · {timeZone}
        </p>
      </div>
      <Card title="Accounts">
        <StackedTable
          caption="Accounts"
          columns={[
            { header: "Email" },
            { header: "Role" },
            { header: "Walker" },
            { header: "Sessions" },
            { header: "State" },
          ]}
          rows={users.map((user) => ({
            key: user.id,
            cells: [
              <span key="email" className="break-all">
                {user.email}
              </span>,
              user.role,
              user.staffName ?? "—",
              user.activeSessions,
              user.disabled ? "disabled" : "active",
            ],
          }))}
        />
        <div className="space-y-1 px-4 py-2 text-xs text-slate-600">
          <p>
            Add a walker&apos;s account on the{" "}
            <Link href="/staff" className="text-indigo-800 underline underline-offset-2">
              Staff page
            </Link>{" "}
            (Add an account): it gives a one-time link, or a QR code, with which they choose their password.
            Their sessions, phones and tokens are on their own staff page.
          </p>
          <p>
            In a terminal (ID: the walker&apos;s number in the staff page&apos;s address, /staff/ID):{" "}
            <code className="break-all">
              {cliCommand(
                "user:create --email E --role staff --staff-id ID --name N --password-stdin",
                config(),
              )}
            </code>{" "}
            and a token for the walker&apos;s app:{" "}
            <code className="break-all">
              {cliCommand("token:create --name N --scope read|write --staff-id ID", config())}
            </code>
            .
          </p>
        </div>
      </Card>
      <Card title="Sessions">
        <StackedTable
          caption="Sessions"
          columns={[
            { header: "User", className: "basis-full md:basis-auto" },
            { header: "Signed in" },
            { header: "Last active" },
            { header: "Address", className: mono },
            { header: "Actions", hideHeader: true },
          ]}
          rows={sessions.map((session) => ({
            key: session.id,
            cells: [
              <span key="user" className="break-all">
                {session.userEmail}
                {session.id === me.sessionId ? (
                  <span className="ml-2 text-xs text-slate-500">(this browser)</span>
                ) : null}
              </span>,
              when.format(session.createdAt),
              when.format(session.lastActiveAt),
              session.ipAddress ?? "—",
              <RevokeButton
                key="revoke"
                url={`/api/sessions/${session.id}`}
                what={`${session.userEmail}'s session`}
              />,
            ],
          }))}
        />
      </Card>
      <DevicesSection viewer={me} zone={timeZone} canPair />
      <Card title="API tokens">
        {tokens.length === 0 ? (
          <p className="px-4 py-4 text-sm text-slate-600">
            No API tokens. Create one with{" "}
            <code className="break-all">
              {cliCommand("token:create --name N --scope read|write [--staff-id ID]", config())}
            </code>
            .
          </p>
        ) : (
          <StackedTable
            caption="API tokens"
            columns={[
              { header: "Name", className: "basis-full md:basis-auto" },
              { header: "Token", className: mono },
              { header: "Scope" },
              { header: "Last used" },
              { header: "Actions", hideHeader: true },
            ]}
            rows={tokens.map((token) => ({
              key: token.id,
              cells: [
                token.name,
                `${token.prefix}…`,
                token.scope,
                token.lastUsedAt ? when.format(token.lastUsedAt) : "never",
                token.revokedAt ? (
                  <span key="revoked" className="text-slate-600">
                    revoked
                  </span>
                ) : (
                  <RevokeButton key="revoke" url={`/api/tokens/${token.id}`} what={`token ${token.name}`} />
                ),
              ],
            }))}
          />
        )}
      </Card>
      <Card title="Audit log">
        <StackedTable
          caption="Audit log"
          columns={[
            { header: "When" },
            { header: "Event" },
            { header: "By", className: "break-all" },
            { header: "Target", className: "break-all" },
            { header: "Address", className: mono },
          ]}
          rows={audit.map((event) => ({
            key: event.id,
            cells: [
              when.format(event.at),
              event.type,
              event.actor ?? "—",
              event.target ?? "—",
              event.ip ?? "—",
            ],
          }))}
        />
      </Card>
    </div>
  );
}
