// Apart from the schema so that the simulation worker, which compiles documents, does not
// bundle zod.
import type { Uncertain } from './schema';

/** The central value of an uncertain input (the one the central path uses): the number, or the range's mode. */
export const central = (value: Uncertain): number => (typeof value === 'number' ? value : value.mode);
