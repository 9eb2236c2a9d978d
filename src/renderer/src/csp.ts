// The renderer runs under a Content-Security-Policy without 'unsafe-eval'. zod probes
// `new Function("")` to decide whether to compile fast validators; under a strict CSP that
// probe is reported as a violation even though zod catches it. Tell zod not to try.
// Imported first by main.ts, before anything validates a document.
import { z } from 'zod';

z.config({ jitless: true });
