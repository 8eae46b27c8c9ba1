// 404 for a client that does not exist or is not yours to see (the [id] layout decides before anything streams).
import { MissingPage } from "@/components/pages/missing-page";

export default function NotFound() {
  return (
    <MissingPage
      title="No such client"
      reason="This client does not exist, or has no visits of yours."
      back={{ href: "/clients", label: "Back to Clients" }}
    />
  );
}
