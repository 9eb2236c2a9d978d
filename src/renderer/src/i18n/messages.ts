import type { en } from './en';

/**
 * The shape every language must fill: the keys of the English texts, each a string or a
 * function of the same parameters returning a string. A missing, extra or misspelt key in
 * ar.ts is a type error.
 *
 * Why not Paraglide: it adds a compiler step and a Vite plugin for what is here a few dozen
 * texts in two languages, and its `setLocale(…, { reload: false })` leaves `<html dir>` to
 * us anyway (applyLanguage in ./index.ts). A typed object gives the same compile-time check with
 * nothing to generate; a later issue can move to it if the texts grow.
 */
export type Messages = {
  [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};
