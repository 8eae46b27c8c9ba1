"use client";
// What an error.tsx boundary shows: what happened, what to do, and a retry.
import { Button } from "@/components/ui/button";

export function ErrorState({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 p-6">
      <h1 className="text-lg font-semibold text-rose-900">This screen could not be loaded</h1>
      <p className="mt-1 text-sm text-rose-900">
        Something went wrong on our side (it has been logged
        {error.digest ? `, reference ${error.digest}` : ""}). Try again; if it keeps failing, check that the
        server is running.
      </p>
      <Button className="mt-4" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
