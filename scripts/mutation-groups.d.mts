// Types for scripts/mutation-groups.mjs, which scripts/mutation.mjs and its test import.
export interface MutationGroup {
  name: string;
  mutate: string[];
  tests: string[];
}
export interface MutationArea {
  config: string;
  root: string;
  report: string;
  groups: MutationGroup[];
}
export declare const engine: MutationArea;
export declare const presentation: MutationArea;
export declare const areas: Record<string, MutationArea>;
