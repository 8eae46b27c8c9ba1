// 404 for a walker that does not exist or whose page is not yours (the [id] layout decides before anything streams).
import { MissingPage } from "@/components/pages/missing-page";

export default function NotFound() {
  return (
    <MissingPage
      title="No such staff member"
      reason="This staff member does not exist, or their page is not yours to open."
      back={{ href: "/staff", label: "Back to Staff" }}
    />
  );
}
