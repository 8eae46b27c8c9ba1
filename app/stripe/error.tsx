"use client";
import { ErrorState } from "@/components/ui/error-state";

export default function StripeError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState {...props} />;
}
