// 404 for a booking that does not exist or is not yours to see (the [id] layout decides before anything streams).
import { MissingPage } from "@/components/pages/missing-page";

export default function NotFound() {
  return (
    <MissingPage
      title="No such booking"
      reason="This booking does not exist, was removed, or is another walker's visit."
      back={{ href: "/bookings", label: "Back to Bookings" }}
    />
  );
}
