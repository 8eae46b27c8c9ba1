// 404 for a rule that does not exist (the [id] layout decides before anything streams).
import { MissingPage } from "@/components/pages/missing-page";

export default function NotFound() {
  return (
    <MissingPage
      title="No such rule"
      reason="This rule does not exist; it may have been deleted."
      back={{ href: "/rules", label: "Back to Rules" }}
    />
  );
}
