"use client";
// "Pair a phone": a one-time code for the viewer's own phone, as a QR code the app scans (or
// typed), valid 10 minutes. The dialog asks every 2 s whether a phone has used it, then says so.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { QrCode } from "@/components/ui/qr-code";
import { useToast } from "@/components/ui/toast";
import { apiJson, ApiError } from "@/lib/schedule/api-client";

interface Pairing {
  id: number;
  code: string;
  pairingUrl: string;
  server: string;
  reachable: boolean;
  expiresAt: string;
}
interface Status {
  status: "waiting" | "paired" | "expired";
  deviceName: string | null;
}

const POLL_MS = 2_000;

export function PairPhone() {
  const [open, setOpen] = useState(false);
  const [pairing, setPairing] = useState<Pairing>();
  const [expired, setExpired] = useState(false);
  const [error, setError] = useState<string>();
  const router = useRouter();
  const toast = useToast();

  const start = useCallback(async () => {
    setError(undefined);
    setExpired(false);
    setPairing(undefined);
    try {
      setPairing(await apiJson<Pairing>("/api/v1/device/pairings", { method: "POST", body: {} }));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  }, []);

  useEffect(() => {
    if (!open || !pairing || expired) return;
    const timer = setInterval(() => {
      apiJson<Status>(`/api/v1/device/pairings/${pairing.id}`)
        .then((status) => {
          if (status.status === "paired") {
            toast({ title: "Phone paired", description: status.deviceName ?? undefined });
            setOpen(false);
            setPairing(undefined);
            router.refresh();
          } else if (status.status === "expired") {
            setExpired(true);
          }
        })
        .catch(() => {
          // A missed poll is retried at the next tick.
        });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [open, pairing, expired, router, toast]);

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) void start();
        else setPairing(undefined);
      }}
      title="Pair a phone"
      description="Scan the code with the Stripe Bookings app, or type the code in it."
      trigger={
        <Button size="sm" variant="primary">
          Pair a phone
        </Button>
      }
    >
      <FormError message={error} />
      {!pairing && !error ? <p className="text-sm text-slate-700">Making a code…</p> : null}
      {pairing ? (
        <div className="space-y-4" data-testid="pairing">
          <div className="flex flex-col items-center gap-3 sm:flex-row sm:items-start">
            <div className="shrink-0">
              <QrCode value={pairing.pairingUrl} label="QR code to pair a phone" size={176} />
            </div>
            <div className="space-y-2 text-sm">
              <p>
                <span className="block text-xs font-medium text-slate-600 uppercase">Code</span>
                <span className="font-mono text-2xl font-semibold tracking-widest" data-testid="pairing-code">
                  {pairing.code}
                </span>
              </p>
              <p>
                <span className="block text-xs font-medium text-slate-600 uppercase">Server</span>
                <span className="font-mono break-all">{pairing.server}</span>
              </p>
              <p className="text-slate-700">
                Works once, for 10 minutes. The phone acts for you: it sees and changes what you can.
              </p>
            </div>
          </div>
          {!pairing.reachable ? (
            <p
              role="note"
              className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            >
              This server listens only on this computer, so a phone cannot reach it. Start it on the network
              (see docs/LAN.md) and make a new code.
            </p>
          ) : null}
          {expired ? (
            <div className="flex items-center justify-between gap-2 rounded-md bg-slate-50 px-3 py-2 text-sm">
              <span role="status">This code has expired.</span>
              <Button size="sm" onClick={() => void start()}>
                New code
              </Button>
            </div>
          ) : (
            <p role="status" className="text-sm text-slate-700">
              Waiting for the phone…
            </p>
          )}
          <p className="text-xs text-slate-600">
            Does the phone show a code instead? Enter it on{" "}
            <Link href="/device" className="text-indigo-800 underline underline-offset-2">
              Approve a phone
            </Link>
            .
          </p>
        </div>
      ) : null}
    </Dialog>
  );
}
