// What the native menu's items do (src/main/menuActions.ts): commands go to the focused window,
// or to a new one when none is open (macOS); the other actions reach the controller; a
// preference change becomes the commands the other windows follow.
import { describe, expect, it } from 'vitest';
import type { MenuCommand, Preferences } from '../../src/contract/bridge';
import { menuDispatcher, preferenceCommands } from '../../src/main/menuActions';

function setup(focused: number | null) {
  const calls: unknown[][] = [];
  let nextWindow = 10;
  const dispatch = menuDispatcher({
    controller: {
      sendCommand: (id: number, command: MenuCommand) => void calls.push(['send', id, command]),
      openFromOs: async (file: string) => (calls.push(['open', file]), true),
      clearRecent: async () => void calls.push(['clear-recent']),
      setPreferences: async (change: Partial<Preferences>, from: number | null) => {
        calls.push(['preferences', change, from]);
        return { language: 'en', theme: 'system' };
      }
    },
    focusedWindowId: () => focused,
    createWindow: () => (calls.push(['new window']), nextWindow++),
    closeFocusedWindow: () => void calls.push(['close focused'])
  });
  return { dispatch, calls };
}

describe('menu actions', () => {
  it('a command goes to the focused window', () => {
    const { dispatch, calls } = setup(3);
    dispatch({ kind: 'command', command: 'save' });
    expect(calls).toEqual([['send', 3, 'save']]);
  });

  it('with no window, New opens one (its document is new) and other commands go to a new window', () => {
    const { dispatch, calls } = setup(null);
    dispatch({ kind: 'command', command: 'new' });
    dispatch({ kind: 'command', command: 'open' });
    expect(calls).toEqual([['new window'], ['new window'], ['send', 11, 'open']]);
  });

  it('window, recent-file and preference items reach what they name', () => {
    const { dispatch, calls } = setup(1);
    dispatch({ kind: 'new-window' });
    dispatch({ kind: 'close-window' });
    dispatch({ kind: 'open-recent', path: '/docs/a.mizan' });
    dispatch({ kind: 'clear-recent' });
    dispatch({ kind: 'preferences', language: 'ar' });
    dispatch({ kind: 'preferences', theme: 'dark' });
    expect(calls).toEqual([
      ['new window'],
      ['close focused'],
      ['open', '/docs/a.mizan'],
      ['clear-recent'],
      ['preferences', { language: 'ar' }, null],
      ['preferences', { theme: 'dark' }, null]
    ]);
  });

  it('a preference change becomes the commands that make other windows follow it', () => {
    expect(preferenceCommands({ language: 'ar' })).toEqual(['language:ar']);
    expect(preferenceCommands({ theme: 'light' })).toEqual(['theme:light']);
    expect(preferenceCommands({ language: 'en', theme: 'dark' })).toEqual(['language:en', 'theme:dark']);
    expect(preferenceCommands({})).toEqual([]);
  });
});
