// Decides "no such client" before the page's loading.tsx streams, so the answer is a real 404
// (lib/pages/shown.ts says why it cannot wait for the page).
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requirePage } from "@/lib/auth/page";
import { prisma } from "@/lib/db/prisma";
import { clientShown } from "@/lib/pages/shown";

export default async function ClientLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const viewer = await requirePage("staff");
  if (!(await clientShown(prisma(), viewer, (await params).id))) notFound();
  return children;
}
