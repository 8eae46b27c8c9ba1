// PATCH /api/staff/staff/<id> — edit a staff member: name, email, colour, active (owner).
import { z } from "zod";
import { route, readJson } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";
import { prisma } from "@/lib/db/prisma";
import { staffFormSchema } from "@/lib/schedule/forms";
import { DuplicateStaffEmailError, getStaffMember, updateStaffMember } from "@/lib/schedule/staff-admin";

export const dynamic = "force-dynamic";

const idSchema = z.coerce.number().int().positive();

export const PATCH = route(
  "staff.staff.update",
  "owner",
  async (request, context: { params: Promise<{ id: string }> }) => {
    const id = idSchema.parse((await context.params).id);
    const form = await readJson(request, staffFormSchema);
    if (!(await getStaffMember(prisma(), id))) throw new HttpError(404, `Staff member ${id} does not exist`);
    try {
      return Response.json(await updateStaffMember(prisma(), id, form));
    } catch (error) {
      if (error instanceof DuplicateStaffEmailError)
        throw new HttpError(409, error.message, [{ path: "email", message: error.message }]);
      throw error;
    }
  },
);
