// Types for scripts/mutation.mjs, which its test imports.
import type { MutationArea } from './mutation-groups.mjs';
export declare function globPattern(glob: string): RegExp;
export declare function unassigned(area: MutationArea, files: string[]): { missing: string[]; twice: string[] };
export declare function sourcesUnder(root: string): string[];
