// What a signed-in user sees on a page their role does not allow (403).
import Link from "next/link";

export default function Forbidden() {
  return (
    <section className="mx-auto mt-8 max-w-md rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-xl font-semibold">No permission</h1>
      <p className="mt-2 text-sm text-slate-600">
        Your account cannot open this page. Ask the owner if you need it.
      </p>
      <Link href="/" className="mt-4 inline-block text-sm text-indigo-700 underline">
        Back to Today
      </Link>
    </section>
  );
}
