// HTTP shapes of set-password links: the origin a link is made with, its JSON for the owner's
// screen, and AccountError as problem JSON naming the field.
import { isLoopbackBind } from "@/lib/auth/lan";
import { ownOrigin } from "@/lib/auth/origin";
import { setPasswordUrl, type IssuedLink } from "@/lib/auth/set-password";
import { AccountError } from "@/lib/auth/users";
import { config } from "@/lib/config";
import { HttpError } from "@/lib/http/problem";

export interface LinkJson {
  url: string;
  expiresAt: string;
  /** The link names 127.0.0.1/localhost: it works only on the computer running the server. */
  localOnly: boolean;
}

/** PUBLIC_URL when set, else the address the owner is using (which may be this computer only). */
export function linkOrigin(request: Request): { origin: string; localOnly: boolean } {
  const cfg = config();
  if (cfg.PUBLIC_URL) return { origin: cfg.publicUrl, localOnly: false };
  const origin = ownOrigin(request, cfg.TRUST_PROXY) ?? cfg.publicUrl;
  return { origin, localOnly: isLoopbackBind(new URL(origin).hostname) };
}

export function linkJson(request: Request, link: IssuedLink): LinkJson {
  const { origin, localOnly } = linkOrigin(request);
  return { url: setPasswordUrl(origin, link.token), expiresAt: link.expiresAt.toISOString(), localOnly };
}

/** Runs `work`; an AccountError becomes problem JSON naming its field. */
export async function asProblem<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AccountError)) throw error;
    // A duplicate email and a disabled account are conflicts; anything else is the input's fault.
    const conflict = !error.field || error.message.includes("already exists");
    const status = conflict ? 409 : 422;
    throw new HttpError(
      status,
      error.message,
      error.field ? [{ path: error.field, message: error.message }] : undefined,
    );
  }
}
