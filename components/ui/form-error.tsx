// The message of a form that failed as a whole (e.g. the server said no).
export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-900">
      {message}
    </p>
  );
}
