// Preferences in the browser: localStorage under one key. Missing, unreadable or invalid
// values fall back to the defaults (the browser's language when it is Arabic, the system theme).
import type { Bridge, Preferences, ThemeChoice } from '../../../../contract/bridge';
import { readStoredChoice, writeStoredChoice, type StorageLike } from '../storedChoice';

export const PREFERENCES_KEY = 'mizan.preferences';
const THEMES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

export type WebPreferences = Pick<Bridge, 'getPreferences' | 'setPreferences'>;

/** The window's localStorage, or undefined where reading it throws (storage disabled). */
function storageOf(win: Window): StorageLike | undefined {
  try {
    return win.localStorage;
  } catch {
    return undefined;
  }
}

export function createWebPreferences(win: Window): WebPreferences {
  async function getPreferences(): Promise<Preferences> {
    const fallback: Preferences = {
      language: win.navigator.language?.toLowerCase().startsWith('ar') ? 'ar' : 'en',
      theme: 'system'
    };
    const stored = readStoredChoice(storageOf(win), PREFERENCES_KEY);
    if (typeof stored !== 'object' || stored === null) return fallback;
    const { language, theme } = stored as Partial<Record<keyof Preferences, unknown>>;
    return {
      language: language === 'ar' || language === 'en' ? language : fallback.language,
      theme: THEMES.includes(theme as ThemeChoice) ? (theme as ThemeChoice) : fallback.theme
    };
  }

  return {
    getPreferences,
    async setPreferences(preferences) {
      // Storage full or disabled: the choice holds for this tab.
      writeStoredChoice(storageOf(win), PREFERENCES_KEY, { ...(await getPreferences()), ...preferences });
    }
  };
}
