// Values a file may leave out, in a module without zod, so that the workers can read them
// without carrying the schema.

/** σ of a reading (an observation of the index or of a factor) when the file gives none, points. */
export const DEFAULT_UNCERTAINTY = 5;
