/**
 * Several typed arrays carved from one allocation. A typed array of more than a
 * few elements costs an off-heap allocation in V8, which dominated the time of
 * compiling and running a central path (done on every edit) when made one by one.
 */
export function float64Arrays(...lengths: number[]): Float64Array[] {
  const memory = new Float64Array(lengths.reduce((a, b) => a + b, 0));
  let at = 0;
  return lengths.map((length) => memory.subarray(at, (at += length)));
}

export function int32Arrays(...lengths: number[]): Int32Array[] {
  const memory = new Int32Array(lengths.reduce((a, b) => a + b, 0));
  let at = 0;
  return lengths.map((length) => memory.subarray(at, (at += length)));
}
