// preferences.json, window-state.json and the command line.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesFromArgv } from '../../src/main/argv';
import { defaultLanguage, mergePreferences, PreferencesStore } from '../../src/main/preferences';
import { cascade, MIN_SIZE, placeWindow, WindowStateStore } from '../../src/main/windowState';
import { tempDir } from './helpers';

describe('preferences', () => {
  it('default to Arabic when the OS locale is Arabic, else English, with the system theme', async () => {
    for (const locale of ['ar', 'ar-EG', 'AR-sa']) expect(defaultLanguage(locale)).toBe('ar');
    for (const locale of ['en-US', 'fr', '', 'tr-AR']) expect(defaultLanguage(locale)).toBe('en');
    const store = new PreferencesStore(path.join(tempDir(), 'preferences.json'), () => 'ar-SA');
    expect(await store.get()).toEqual({ language: 'ar', theme: 'system' });
  });

  it('are saved, and read back field by field (a bad value falls back alone)', async () => {
    const file = path.join(tempDir(), 'sub', 'preferences.json');
    const store = new PreferencesStore(file, () => 'en-GB');
    expect(await store.set({ theme: 'dark' })).toEqual({ language: 'en', theme: 'dark' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ language: 'en', theme: 'dark' });
    expect(await new PreferencesStore(file, () => 'ar').get()).toEqual({ language: 'en', theme: 'dark' });

    writeFileSync(file, JSON.stringify({ language: 'klingon', theme: 'light', extra: 1 }));
    expect(await new PreferencesStore(file, () => 'ar').get()).toEqual({ language: 'ar', theme: 'light' });
    writeFileSync(file, 'not json');
    expect(await new PreferencesStore(file, () => 'en').get()).toEqual({ language: 'en', theme: 'system' });
    expect(mergePreferences(['ar'], { language: 'en', theme: 'system' })).toEqual({ language: 'en', theme: 'system' });
  });
});

describe('window state', () => {
  const primary = { x: 0, y: 0, width: 1920, height: 1040 };
  const right = { x: 1920, y: 0, width: 1280, height: 984 };

  it('opens a first window centred at the default size', () => {
    expect(placeWindow(undefined, [primary])).toEqual({
      bounds: { x: 320, y: 110, width: 1280, height: 820 },
      maximized: false
    });
  });

  it('puts a window back where it was when that place is on a display', () => {
    const saved = { bounds: { x: 2000, y: 50, width: 1000, height: 700 }, maximized: true };
    expect(placeWindow(saved, [primary, right])).toEqual(saved);
  });

  it('brings a window from an unplugged monitor back to the primary display', () => {
    const saved = { bounds: { x: 4000, y: 200, width: 1000, height: 700 }, maximized: false };
    expect(placeWindow(saved, [primary])).toEqual({
      bounds: { x: 460, y: 170, width: 1000, height: 700 },
      maximized: false
    });
  });

  it('does not count a window whose title bar is off screen as visible', () => {
    const saved = { bounds: { x: 100, y: -600, width: 1000, height: 700 }, maximized: false };
    expect(placeWindow(saved, [primary]).bounds.y).toBeGreaterThanOrEqual(0);
  });

  it('shrinks and moves a window that is larger than, or hangs off, its display', () => {
    const saved = { bounds: { x: 1700, y: 900, width: 3000, height: 2000 }, maximized: false };
    const { bounds } = placeWindow(saved, [primary]);
    expect(bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
    const small = placeWindow({ bounds: { x: 10, y: 10, width: 100, height: 100 }, maximized: false }, [primary]);
    expect(small.bounds.width).toBe(MIN_SIZE.width);
    expect(small.bounds.height).toBe(MIN_SIZE.height);
  });

  it('cascades a second window and keeps it on the display', () => {
    expect(cascade({ x: 10, y: 10, width: 800, height: 600 }, 28, primary)).toEqual({
      x: 38,
      y: 38,
      width: 800,
      height: 600
    });
    expect(cascade({ x: 1100, y: 430, width: 800, height: 600 }, 28, primary)).toEqual({
      x: 0,
      y: 0,
      width: 800,
      height: 600
    });
  });

  it('is saved and read back validated', async () => {
    const file = path.join(tempDir(), 'window-state.json');
    const store = new WindowStateStore(file);
    expect(await store.load()).toBeUndefined();
    await store.save({ bounds: { x: 10.4, y: 20.6, width: 900, height: 700 }, maximized: false });
    expect(await store.load()).toEqual({ bounds: { x: 10, y: 21, width: 900, height: 700 }, maximized: false });
    writeFileSync(file, JSON.stringify({ bounds: { x: 'a', y: 0, width: 1, height: 1 }, maximized: false }));
    expect(await store.load()).toBeUndefined();
    writeFileSync(file, JSON.stringify({ bounds: { x: 1e9, y: 0, width: 100, height: 100 }, maximized: false }));
    expect(await store.load()).toBeUndefined();
  });
});

describe('filesFromArgv', () => {
  it('takes .mizan paths, resolved against the working folder, and nothing else', () => {
    expect(
      filesFromArgv(
        [
          '/opt/Mizan/mizan-desktop',
          '--no-sandbox',
          'a.mizan',
          '/abs/B.MIZAN',
          'notes.txt',
          '-psn_0_123',
          'a.mizan',
          '.'
        ],
        '/home/analyst'
      )
    ).toEqual(['/home/analyst/a.mizan', '/abs/B.MIZAN']);
    expect(filesFromArgv(['electron', '.', '--inspect'], '/w')).toEqual([]);
  });
});
