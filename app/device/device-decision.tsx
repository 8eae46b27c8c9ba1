"use client";
// Approve or Deny the phone waiting for a code; then say what happened and what to do next.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { useToast } from "@/components/ui/toast";
import { apiJson, ApiError } from "@/lib/schedule/api-client";

export function DeviceDecision({ userCode, deviceName }: { userCode: string; deviceName: string }) {
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState<"approved" | "denied">();
  const [error, setError] = useState<string>();
  const toast = useToast();

  async function decide(action: "approve" | "deny") {
    setPending(true);
    setError(undefined);
    try {
      const result = await apiJson<{ status: "approved" | "denied" }>("/api/v1/device/verify", {
        body: { userCode, action },
      });
      setDone(result.status);
      toast({
        title: result.status === "approved" ? "Phone approved" : "Phone denied",
        description: deviceName,
      });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    } finally {
      setPending(false);
    }
  }

  if (done) {
    return (
      <p
        role="status"
        className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-950"
      >
        {done === "approved"
          ? "Approved. The phone signs in within a few seconds; you can go back to it."
          : "Denied. The phone was told no; nothing was signed in."}
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <FormError message={error} />
      <div className="flex gap-2">
        <Button variant="primary" disabled={pending} onClick={() => void decide("approve")}>
          Approve
        </Button>
        <Button disabled={pending} onClick={() => void decide("deny")}>
          Deny
        </Button>
      </div>
    </div>
  );
}
