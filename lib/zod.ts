/**
 * zod, configured once for the whole app: without JIT compilation. zod's
 * compiled parsers (and its probe for them) use `new Function`, which the
 * pages' Content-Security-Policy forbids — the browser would report each
 * probe. Import `z` from here, never from "zod" directly.
 */
import { z } from "zod";

z.config({ jitless: true });

export { z };
