// Loaded by vitest.mutation.config.ts only (StrykerJS): properties draw the same cases on
// every run, so a mutant's verdict does not depend on luck. MIZAN_FC_SEED picks another seed.
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.MIZAN_FC_SEED ?? 20241011) });
