// Language and theme, in userData/preferences.json. Validated field by field on read: a
// damaged or hand-edited value falls back to its default without losing the other one.
// The default language follows the OS: Arabic when the locale starts with "ar".
import { z } from 'zod';
import type { Language } from '../engine/format';
import type { Preferences } from '../contract/bridge';
import { preferenceSchemas } from '../contract/ipc';
import { readJsonFile, writeJsonFile } from './files/jsonStore';

export function defaultLanguage(locale: string): Language {
  return locale.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}

export function defaultPreferences(locale: string): Preferences {
  return { language: defaultLanguage(locale), theme: 'system' };
}

const { language: LanguageSchema, theme: ThemeSchema } = preferenceSchemas();
const StoredPreferences = z.object({
  language: LanguageSchema.optional().catch(undefined),
  theme: ThemeSchema.optional().catch(undefined)
});

/** Reads stored preferences over the defaults; every field checked on its own. */
export function mergePreferences(stored: unknown, defaults: Preferences): Preferences {
  const parsed = StoredPreferences.safeParse(stored);
  if (!parsed.success) return { ...defaults };
  return { language: parsed.data.language ?? defaults.language, theme: parsed.data.theme ?? defaults.theme };
}

export class PreferencesStore {
  private current: Preferences | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly locale: () => string
  ) {}

  async get(): Promise<Preferences> {
    if (!this.current) {
      const stored = await readJsonFile(this.file, z.unknown());
      this.current = mergePreferences(stored, defaultPreferences(this.locale()));
    }
    return { ...this.current };
  }

  /** Changes some preferences and saves them; returns the result. */
  set(change: Partial<Preferences>): Promise<Preferences> {
    const run = this.queue.then(async () => {
      const next = mergePreferences({ ...(await this.get()), ...change }, await this.get());
      this.current = next;
      await writeJsonFile(this.file, next);
      return { ...next };
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
