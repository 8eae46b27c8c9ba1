// Link tabs (server-rendered): each tab is a URL, the current one marked with aria-current.
import Link from "next/link";

export function LinkTabs({
  tabs,
  label,
}: {
  tabs: { href: string; label: string; current: boolean }[];
  label: string;
}) {
  return (
    <nav aria-label={label} className="mb-4 flex gap-1 overflow-x-auto border-b border-slate-200">
      {tabs.map((t) => (
        <Link
          key={t.href}
          href={t.href}
          aria-current={t.current ? "page" : undefined}
          className="-mb-px inline-flex items-center border-b-2 max-sm:min-h-11 border-transparent px-3 py-2 text-sm whitespace-nowrap text-slate-700 hover:text-slate-900 aria-[current=page]:border-indigo-700 aria-[current=page]:font-medium aria-[current=page]:text-indigo-800"
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
