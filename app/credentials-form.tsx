"use client";
// The one email + password form: sign-in and first-run owner creation. Errors are announced
// (role="alert") and the password is never kept after a failed attempt.
import { useState, type FormEvent } from "react";

interface Props {
  /** Where the form posts its JSON. */
  action: string;
  submitLabel: string;
  /** Where to go after success (a same-site path). */
  next: string;
  /** Ask for a display name too (owner creation). */
  withName?: boolean;
  newPassword?: boolean;
}

async function failureMessage(response: Response): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as { detail?: string; message?: string };
  if (response.status === 401) return "Wrong email or password.";
  if (response.status === 429) return body.detail ?? "Too many failed sign-ins. Try again later.";
  return body.detail ?? body.message ?? `Something went wrong (${response.status}). Try again.`;
}

const field =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/30";

export function CredentialsForm({ action, submitLabel, next, withName = false, newPassword = false }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
    setPending(true);
    setError(null);
    try {
      const response = await fetch(action, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(data),
      });
      if (response.ok) {
        window.location.assign(next);
        return;
      }
      setError(await failureMessage(response));
      const password = form.elements.namedItem("password");
      if (password instanceof HTMLInputElement) password.value = "";
    } catch {
      setError("The server did not answer. Is it still running?");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      {withName ? (
        <label className="block text-sm font-medium text-slate-700">
          Name
          <input name="name" type="text" autoComplete="name" className={field} />
        </label>
      ) : null}
      <label className="block text-sm font-medium text-slate-700">
        Email
        <input name="email" type="email" autoComplete="username" required className={field} />
      </label>
      <label className="block text-sm font-medium text-slate-700">
        Password
        <input
          name="password"
          type="password"
          autoComplete={newPassword ? "new-password" : "current-password"}
          required
          minLength={newPassword ? 8 : undefined}
          className={field}
        />
      </label>
      <p role="alert" className="min-h-5 text-sm text-red-700">
        {error}
      </p>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-indigo-600 px-4 py-2 text-base font-medium text-white hover:bg-indigo-700 focus:outline-none focus:ring-2 focus:ring-indigo-600/40 focus:ring-offset-2 disabled:opacity-60"
      >
        {submitLabel}
      </button>
    </form>
  );
}
