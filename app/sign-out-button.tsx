"use client";
// Ends this browser's session and returns to the sign-in page.
import { useRouter } from "next/navigation";
import { useState } from "react";

export function SignOutButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  async function signOut() {
    setPending(true);
    await fetch("/api/auth/sign-out", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    }).catch(() => undefined);
    router.replace("/sign-in");
    router.refresh();
  }
  return (
    <button
      type="button"
      onClick={signOut}
      disabled={pending}
      className="min-h-11 shrink-0 rounded-md px-2 text-sm whitespace-nowrap text-slate-600 hover:bg-slate-100 hover:text-slate-900 sm:min-h-8"
    >
      Sign out
    </button>
  );
}
