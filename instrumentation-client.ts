// Runs in the browser before the app's own modules. zod 4 probes whether it may compile parsers
// with `new Function` the first time an object schema is built; under our CSP (no 'unsafe-eval')
// the probe is refused and the browser reports a CSP violation on every screen with a form
// (it showed on /schedule). jitless skips the probe; the parsers are the same, only interpreted.
import { z } from "zod";

z.config({ jitless: true });
