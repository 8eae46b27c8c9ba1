// POST /api/staff/staff — add a staff member (owner).
import { route, readJson } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";
import { prisma } from "@/lib/db/prisma";
import { staffFormSchema } from "@/lib/schedule/forms";
import { createStaffMember, DuplicateStaffEmailError } from "@/lib/schedule/staff-admin";

export const dynamic = "force-dynamic";

export const POST = route("staff.staff.create", "owner", async (request) => {
  const form = await readJson(request, staffFormSchema);
  try {
    return Response.json(await createStaffMember(prisma(), form), { status: 201 });
  } catch (error) {
    if (error instanceof DuplicateStaffEmailError)
      throw new HttpError(409, error.message, [{ path: "email", message: error.message }]);
    throw error;
  }
});
