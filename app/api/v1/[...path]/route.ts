// Any method on a path /api/v1 does not have: a 404 problem (not Next's HTML page).
import { unknownPath } from "@/lib/api/v1/http";

export const dynamic = "force-dynamic";

export const GET = unknownPath;
export const POST = unknownPath;
export const PUT = unknownPath;
export const PATCH = unknownPath;
export const DELETE = unknownPath;
export const OPTIONS = unknownPath;
