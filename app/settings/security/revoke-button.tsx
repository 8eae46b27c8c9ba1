"use client";
// Revokes one session or token (asks once), then refreshes the lists.
import { useRouter } from "next/navigation";
import { useState } from "react";

export function RevokeButton({ url, what }: { url: string; what: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function revoke() {
    if (!window.confirm(`Revoke ${what}? It stops working at once.`)) return;
    const response = await fetch(url, { method: "DELETE" });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { detail?: string };
      setError(body.detail ?? `Failed (${response.status})`);
      return;
    }
    router.refresh();
  }
  return (
    <>
      <button
        type="button"
        onClick={revoke}
        aria-label={`Revoke ${what}`}
        className="min-h-11 rounded-md border border-slate-300 px-3 py-1 text-xs text-slate-700 hover:bg-slate-100 sm:min-h-0 sm:px-2"
      >
        Revoke
      </button>
      {error ? (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </>
  );
}
