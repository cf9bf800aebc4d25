import { z } from "zod";

// Every schema module imports zod from here, so this runs before any schema is built (package.json
// lists this file under sideEffects: a bundler must not skip it for the re-export alone). zod 4
// compiles object parsers with `new Function` when it may; a page whose CSP forbids eval (all of
// ours: no 'unsafe-eval') reports its probe as a violation, so the browser and the server both use
// the interpreted parser.
z.config({ jitless: true });

export { z };
