// 404 for any address the app does not have.
import type { Metadata } from "next";
import { MissingPage } from "@/components/pages/missing-page";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <MissingPage
      title="Page not found"
      reason="There is no page at this address. The link may be old or mistyped."
      back={{ href: "/", label: "Back to the start" }}
    />
  );
}
