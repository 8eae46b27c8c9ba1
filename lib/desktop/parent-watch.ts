// The desktop launcher's server must not outlive the launcher: a launcher that was killed (or
// crashed) cannot stop it, and a server nobody owns would keep the data folder and the port
// forever (issue 22). The launcher passes its pid in BOOKINGS_PARENT_PID; the server looks
// every second whether that process still exists, and stops itself the normal way (SIGTERM)
// when it does not. `./run start` and `./stripe-bookings serve` set no parent: no watch.

export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The launcher's pid from the environment, if one was passed (and is a plausible pid). */
export function parentPid(env: Record<string, string | undefined>): number | undefined {
  const raw = env.BOOKINGS_PARENT_PID;
  if (raw === undefined || !/^\d+$/.test(raw)) return undefined;
  const pid = Number(raw);
  return pid > 1 ? pid : undefined;
}

/**
 * Calls `onGone` once when the process `BOOKINGS_PARENT_PID` names no longer exists. Returns a
 * function that stops watching. The timer does not keep the process alive.
 */
export function watchParent(
  env: Record<string, string | undefined>,
  onGone: (pid: number) => void,
  intervalMs = 1_000,
): () => void {
  const pid = parentPid(env);
  if (pid === undefined) return () => undefined;
  const timer = setInterval(() => {
    if (processExists(pid)) return;
    clearInterval(timer);
    onGone(pid);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
