// Turns the booking domain's errors into problem JSON naming the field at fault.
import { HttpError } from "@/lib/http/problem";
import { BookingEditError } from "@/lib/bookings/edits";

/** Maps `field` of the domain (e.g. `endAt`) to the form field the screen shows it on. */
export function rethrowEditError(error: unknown, fieldMap: Record<string, string> = {}): never {
  if (error instanceof BookingEditError) {
    const status =
      error.code === "not_found"
        ? 404
        : error.code === "invalid"
          ? 422
          : error.code === "forbidden"
            ? 403
            : error.code === "precondition_failed"
              ? 412
              : 409;
    const field = error.field ? (fieldMap[error.field] ?? error.field) : undefined;
    throw new HttpError(status, error.message, field ? [{ path: field, message: error.message }] : undefined);
  }
  throw error;
}
