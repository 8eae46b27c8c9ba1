// POST /api/desktop/open-data-folder — owner only, from this computer only: opens the data
// folder (database, backups/, logs/) in the OS file manager.
import { isLoopbackAddress, peerAddress } from "@/lib/auth/peer";
import { config } from "@/lib/config";
import { openFolder } from "@/lib/desktop/open-folder";
import { route } from "@/lib/http/handler";
import { HttpError } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

export const POST = route("desktop.open-data-folder", "owner", async (request) => {
  if (!isLoopbackAddress(peerAddress(request.headers))) {
    throw new HttpError(403, "The data folder can only be opened on the computer that runs the app.");
  }
  const dir = config().dataDir;
  if (!(await openFolder(dir)))
    throw new HttpError(501, `No file manager could be started; the folder is ${dir}.`);
  return Response.json({ opened: dir });
});
