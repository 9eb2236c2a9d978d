// The progress a Sobol worker reports between its steps, on the worker's own port beside
// Comlink's replies (which it ignores: no `id`): the model runs done, of all of them.
import { hasMessageType } from './updateMessage';

export const SOBOL_PROGRESS = 'mizan:sobol-progress';

export interface SobolProgressMessage {
  type: typeof SOBOL_PROGRESS;
  request: number;
  done: number;
  of: number;
}

export function isSobolProgress(data: unknown): data is SobolProgressMessage {
  return hasMessageType(data, SOBOL_PROGRESS);
}
