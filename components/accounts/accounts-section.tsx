// The "Accounts" card of a walker's staff page (owner): each account that signs in as the walker
// with its state and live sessions (end each), the walker's API tokens (revoke each), "Make a
// set-password link", "Disable"; and "Add an account" for this walker.
import { browserName, walkerAccounts, walkerTokens } from "@/lib/auth/account-access";
import { prisma } from "@/lib/db/prisma";
import { formatStamp } from "@/lib/schedule/time";
import { Card, CardHeader } from "@/components/ui/card";
import { Pill } from "@/components/ui/pill";
import { AddAccount } from "@/components/accounts/add-account";
import { ConfirmAction } from "@/components/accounts/confirm-action";
import { MakeLink } from "@/components/accounts/make-link";

export async function AccountsSection({
  staff,
  walkers,
  zone,
  viewerUserId,
  viewerSessionId,
}: {
  staff: { id: number; name: string };
  walkers: { id: number; name: string }[];
  zone: string;
  viewerUserId: string;
  viewerSessionId?: string;
}) {
  const now = new Date();
  const [accounts, tokens] = await Promise.all([
    walkerAccounts(prisma(), staff.id, now),
    walkerTokens(prisma(), staff.id),
  ]);
  return (
    <Card aria-labelledby="accounts-heading">
      <CardHeader
        id="accounts-heading"
        title="Accounts"
        actions={<AddAccount walkers={walkers} staffId={staff.id} zone={zone} />}
      />
      {accounts.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-700">
          No account signs in as {staff.name}. Add one: you get a link that lets them choose a password.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label={`Accounts of ${staff.name}`}>
          {accounts.map((account) => (
            <li key={account.id} className="space-y-2 px-4 py-3 text-sm" data-testid="account">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium break-words">{account.email}</span>
                <Pill>{account.role}</Pill>
                {account.disabled ? (
                  <Pill tone="rose">disabled</Pill>
                ) : !account.hasPassword ? (
                  <Pill tone="amber">no password yet</Pill>
                ) : null}
              </div>
              {account.linkExpiresAt && !account.disabled ? (
                <p className="text-xs text-slate-600">
                  A set-password link is waiting, until {formatStamp(account.linkExpiresAt, zone)}.
                </p>
              ) : null}
              {account.disabled ? null : (
                <>
                  <div>
                    <h3 className="text-xs font-medium text-slate-600 uppercase">Sessions</h3>
                    {account.sessions.length === 0 ? (
                      <p className="text-slate-700">Not signed in anywhere.</p>
                    ) : (
                      <ul className="mt-1 space-y-2" aria-label={`Sessions of ${account.email}`}>
                        {account.sessions.map((session) => {
                          const browser = browserName(session.userAgent);
                          return (
                            <li
                              key={session.id}
                              className="flex flex-wrap items-center gap-x-3 gap-y-1"
                              data-testid="session"
                            >
                              <div className="min-w-0 flex-1">
                                <p title={session.userAgent ?? undefined}>
                                  {browser}
                                  {session.id === viewerSessionId ? (
                                    <span className="ml-1 text-xs text-slate-600">(this browser)</span>
                                  ) : null}
                                </p>
                                <p className="text-xs text-slate-600">
                                  Signed in {formatStamp(session.createdAt, zone)} · Last active{" "}
                                  {formatStamp(session.lastActiveAt, zone)} ·{" "}
                                  {session.ipAddress ?? "no address"}
                                </p>
                              </div>
                              <ConfirmAction
                                url={`/api/sessions/${encodeURIComponent(session.id)}`}
                                method="DELETE"
                                label="End"
                                srLabel={`session of ${account.email} on ${browser}`}
                                title="End this session?"
                                description={`${account.email} · ${browser}`}
                                explain="That browser is signed out at once; signing in again needs the password."
                                done="Session ended"
                              />
                            </li>
                          );
                        })}
                      </ul>
                    )}
                  </div>
                  <div className="flex flex-wrap gap-2 pt-1">
                    <MakeLink userId={account.id} email={account.email} zone={zone} />
                    {account.id === viewerUserId ? null : (
                      <ConfirmAction
                        url={`/api/owner/users/${encodeURIComponent(account.id)}/disable`}
                        method="POST"
                        label="Disable"
                        srLabel={account.email}
                        title="Disable this account?"
                        description={account.email}
                        explain="It is signed out everywhere; its API tokens, paired phones and the calendar feeds it made stop working. It cannot sign in again."
                        done="Account disabled"
                      />
                    )}
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="border-t border-slate-200 px-4 py-3 text-sm">
        <h3 className="text-xs font-medium text-slate-600 uppercase">API tokens</h3>
        {tokens.length === 0 ? (
          <p className="text-slate-700">No API tokens act for {staff.name}.</p>
        ) : (
          <ul className="mt-1 space-y-2" aria-label={`API tokens of ${staff.name}`}>
            {tokens.map((token) => (
              <li key={token.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <div className="min-w-0 flex-1">
                  <p>
                    <span className="font-medium break-words">{token.name}</span>{" "}
                    <span className="font-mono text-xs">{token.prefix}…</span> <Pill>{token.scope}</Pill>
                  </p>
                  <p className="text-xs text-slate-600">
                    Made {formatStamp(token.createdAt, zone)} · Last used{" "}
                    {token.lastUsedAt ? formatStamp(token.lastUsedAt, zone) : "never"}
                  </p>
                </div>
                <ConfirmAction
                  url={`/api/tokens/${token.id}`}
                  method="DELETE"
                  label="Revoke"
                  srLabel={`token ${token.name}`}
                  title="Revoke this token?"
                  description={token.name}
                  explain="Whatever uses it gets 401 from now on."
                  done="Token revoked"
                />
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
