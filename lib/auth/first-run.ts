// First run: with no owner account yet, the owner may create it from the app itself, but only
// from this computer (loopback peer) through a loopback host name, so nobody on the network
// or a web page using DNS rebinding can claim the installation first.
import { hostName, isLoopbackHostName } from "@/lib/auth/hosts";
import { isLoopbackAddress, peerAddress } from "@/lib/auth/peer";

export function isLocalRequest(headers: Headers): boolean {
  const host = headers.get("host");
  return isLoopbackAddress(peerAddress(headers)) && host !== null && isLoopbackHostName(hostName(host));
}
