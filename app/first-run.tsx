// Shown on / while no owner account exists: the form on this computer, a pointer elsewhere.
import { cliCommand } from "@/lib/desktop/commands";
import { config } from "@/lib/config";
import { CredentialsForm } from "@/app/credentials-form";

export function FirstRun({ local }: { local: boolean }) {
  return (
    <section className="mx-auto mt-8 max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-semibold">Create the owner account</h1>
      {local ? (
        <>
          <p className="mb-6 mt-1 text-sm text-slate-600">
            The owner sees everything and adds staff accounts later. Choose a password of at least 8
            characters.
          </p>
          <CredentialsForm
            action="/api/setup/owner"
            submitLabel="Create the owner account"
            next="/"
            withName
            newPassword
          />
        </>
      ) : (
        <p className="mt-2 text-sm text-slate-600">
          The owner account can only be created on the computer running the server: open this app there, or
          run{" "}
          <code>
            {cliCommand("user:create --email you@example.com --role owner --password-stdin", config())}
          </code>
          .
        </p>
      )}
    </section>
  );
}
