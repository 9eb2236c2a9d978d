// Preferences in the browser (platform/web/preferences.ts): localStorage round-trips; anything
// missing, unreadable or invalid falls back to the defaults, field by field; storage that is
// disabled or full never throws.
import { describe, expect, it } from 'vitest';
import { createWebPreferences, PREFERENCES_KEY } from '../../src/renderer/src/platform/web/preferences';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value)
  };
}

function browser(storage: unknown, language = 'en-GB') {
  const win = { navigator: { language } } as Record<string, unknown>;
  Object.defineProperty(win, 'localStorage', {
    get: () => {
      if (storage instanceof Error) throw storage;
      return storage;
    }
  });
  return createWebPreferences(win as unknown as Window);
}

describe('web preferences', () => {
  it('what is set is read back, and a partial change keeps the rest', async () => {
    const storage = memoryStorage();
    const preferences = browser(storage);
    await preferences.setPreferences({ language: 'ar' });
    expect(await preferences.getPreferences()).toEqual({ language: 'ar', theme: 'system' });
    await preferences.setPreferences({ theme: 'dark' });
    expect(await preferences.getPreferences()).toEqual({ language: 'ar', theme: 'dark' });
    expect(JSON.parse(storage.items.get(PREFERENCES_KEY)!)).toEqual({ language: 'ar', theme: 'dark' });
    // Another tab (another page load) reads the same.
    expect(await browser(storage).getPreferences()).toEqual({ language: 'ar', theme: 'dark' });
  });

  it('nothing stored: the browser’s language when it is Arabic, else English; the system theme', async () => {
    expect(await browser(memoryStorage(), 'ar-EG').getPreferences()).toEqual({ language: 'ar', theme: 'system' });
    expect(await browser(memoryStorage(), 'AR').getPreferences()).toEqual({ language: 'ar', theme: 'system' });
    expect(await browser(memoryStorage(), 'fr-FR').getPreferences()).toEqual({ language: 'en', theme: 'system' });
  });

  it.each([
    ['not JSON', '{"language": "ar",'],
    ['null', 'null'],
    ['a number', '7'],
    ['an array', '["ar", "dark"]'],
    ['empty', '']
  ])('stored JSON that is %s is ignored: the defaults', async (_what, raw) => {
    expect(await browser(memoryStorage({ [PREFERENCES_KEY]: raw }), 'ar').getPreferences()).toEqual({
      language: 'ar',
      theme: 'system'
    });
  });

  it('an invalid field falls back alone; the valid one is kept', async () => {
    const storage = memoryStorage({ [PREFERENCES_KEY]: JSON.stringify({ language: 'fr', theme: 'dark' }) });
    expect(await browser(storage).getPreferences()).toEqual({ language: 'en', theme: 'dark' });
    storage.items.set(PREFERENCES_KEY, JSON.stringify({ language: 'ar', theme: 'sepia' }));
    expect(await browser(storage).getPreferences()).toEqual({ language: 'ar', theme: 'system' });
  });

  it('storage the browser disables (reading localStorage throws) gives the defaults, and setting never throws', async () => {
    const preferences = browser(new DOMException('denied', 'SecurityError'), 'ar');
    expect(await preferences.getPreferences()).toEqual({ language: 'ar', theme: 'system' });
    await expect(preferences.setPreferences({ theme: 'dark' })).resolves.toBeUndefined();
  });

  it('full storage (setItem throws) does not throw', async () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      }
    };
    await expect(browser(full).setPreferences({ language: 'ar' })).resolves.toBeUndefined();
  });
});
