// GET /api/v1/problems/{type} — the page a problem's `type` URI resolves to: what it means and
// what to do (public, HTML). An unknown type is a 404 problem.
import { notAllowed, v1Route } from "@/lib/api/v1/http";
import { ApiError, apiErrorResponse, isProblemSlug } from "@/lib/api/v1/problems";
import { problemPage } from "@/lib/api/v1/problem-page";

export const dynamic = "force-dynamic";

export const GET = v1Route(
  "v1.problem-type",
  { access: "public" },
  async (_request, context: { params: Promise<{ type: string }> }) => {
    const { type } = await context.params;
    if (!isProblemSlug(type))
      return apiErrorResponse(new ApiError(404, "not-found", `No problem type ${type}.`));
    return new Response(problemPage(type), {
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "public, max-age=3600" },
    });
  },
);
export const { POST, PUT, PATCH, DELETE } = notAllowed(["GET"]);
