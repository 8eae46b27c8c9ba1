// /settings/security — owner only: accounts, live sessions (revocable), API tokens
// (revocable) and the security audit log. The full Settings screen builds on these lists.
import { cliCommand } from "@/lib/desktop/commands";
import { config } from "@/lib/config";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { RevokeButton } from "@/app/settings/security/revoke-button";
import { DevicesSection } from "@/components/devices/devices-section";
import { listAudit } from "@/lib/auth/audit";
import { requirePage } from "@/lib/auth/page";
import { listApiTokens } from "@/lib/auth/tokens";
import { listSessions, listUsers } from "@/lib/auth/users";
import { prisma } from "@/lib/db/prisma";
import { loadSettings } from "@/lib/settings";
import { sqlite } from "@/lib/db/sqlite";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Security" };

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    // Focusable: a table wider than a phone scrolls sideways, and keyboard users must reach it.
    <section
      aria-label={title}
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
    >
      <h2 className="border-b border-slate-200 px-4 py-2 font-medium">{title}</h2>
      {children}
    </section>
  );
}

const th = "px-4 py-2 text-left text-xs font-medium uppercase tracking-wide text-slate-500";
const td = "px-4 py-2 text-sm";

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
        <table className="w-full">
          <thead>
            <tr>
              <th className={th}>Email</th>
              <th className={th}>Role</th>
              <th className={th}>Walker</th>
              <th className={th}>Sessions</th>
              <th className={th}>State</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map((user) => (
              <tr key={user.id}>
                <td className={td}>{user.email}</td>
                <td className={td}>{user.role}</td>
                <td className={td}>{user.staffName ?? "—"}</td>
                <td className={td}>{user.activeSessions}</td>
                <td className={td}>{user.disabled ? "disabled" : "active"}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
        <table className="w-full">
          <thead>
            <tr>
              <th className={th}>User</th>
              <th className={th}>Signed in</th>
              <th className={th}>Last active</th>
              <th className={th}>Address</th>
              <th className={th}>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {sessions.map((session) => (
              <tr key={session.id}>
                <td className={td}>
                  {session.userEmail}
                  {session.id === me.sessionId ? (
                    <span className="ml-2 text-xs text-slate-500">(this browser)</span>
                  ) : null}
                </td>
                <td className={td}>{when.format(session.createdAt)}</td>
                <td className={td}>{when.format(session.lastActiveAt)}</td>
                <td className={`${td} font-mono`}>{session.ipAddress ?? "—"}</td>
                <td className={td}>
                  <RevokeButton url={`/api/sessions/${session.id}`} what={`${session.userEmail}'s session`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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
          <table className="w-full">
            <thead>
              <tr>
                <th className={th}>Name</th>
                <th className={th}>Token</th>
                <th className={th}>Scope</th>
                <th className={th}>Last used</th>
                <th className={th}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tokens.map((token) => (
                <tr key={token.id}>
                  <td className={td}>{token.name}</td>
                  <td className={`${td} font-mono`}>{token.prefix}…</td>
                  <td className={td}>{token.scope}</td>
                  <td className={td}>{token.lastUsedAt ? when.format(token.lastUsedAt) : "never"}</td>
                  <td className={td}>
                    {token.revokedAt ? (
                      <span className="text-slate-600">revoked</span>
                    ) : (
                      <RevokeButton url={`/api/tokens/${token.id}`} what={`token ${token.name}`} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <Card title="Audit log">
        <table className="w-full">
          <thead>
            <tr>
              <th className={th}>When</th>
              <th className={th}>Event</th>
              <th className={th}>By</th>
              <th className={th}>Target</th>
              <th className={th}>Address</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {audit.map((event) => (
              <tr key={event.id}>
                <td className={td}>{when.format(event.at)}</td>
                <td className={td}>{event.type}</td>
                <td className={td}>{event.actor ?? "—"}</td>
                <td className={td}>{event.target ?? "—"}</td>
                <td className={`${td} font-mono`}>{event.ip ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
