"use client";
import { ErrorState } from "@/components/ui/error-state";

export default function SetPasswordError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState {...props} />;
}
