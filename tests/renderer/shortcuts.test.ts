// Keyboard shortcuts of the web platform.
import { describe, expect, it } from 'vitest';
import { commandForKey, type KeyLike } from '../../src/renderer/src/platform/web/shortcuts';

const key = (k: string, mods: Partial<KeyLike> = {}, code = `Key${k.toUpperCase()}`): KeyLike => ({
  key: k,
  code,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods
});

describe('commandForKey', () => {
  it.each([
    [key('n', { ctrlKey: true }), 'new'],
    [key('o', { ctrlKey: true }), 'open'],
    [key('s', { ctrlKey: true }), 'save'],
    [key('S', { ctrlKey: true, shiftKey: true }), 'save-as'],
    [key('z', { ctrlKey: true }), 'undo'],
    [key('Z', { ctrlKey: true, shiftKey: true }), 'redo'],
    [key('y', { ctrlKey: true }), 'redo'],
    [key('p', { ctrlKey: true }), 'export:pdf'],
    [key('z', { metaKey: true }), 'undo'],
    [key('s', { metaKey: true, shiftKey: true }), 'save-as']
  ])('%o → %s', (event, command) => {
    expect(commandForKey(event)).toBe(command);
  });

  it('works on an Arabic keyboard layout (by the physical key)', () => {
    expect(commandForKey(key('س', { ctrlKey: true }, 'KeyS'))).toBe('save');
    expect(commandForKey(key('ئ', { ctrlKey: true }, 'KeyZ'))).toBe('undo');
  });

  it('ignores plain keys, Alt combinations and other letters', () => {
    expect(commandForKey(key('s'))).toBeNull();
    expect(commandForKey(key('s', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(commandForKey(key('q', { ctrlKey: true }))).toBeNull();
    expect(commandForKey(key('y', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(commandForKey(key('Enter', { ctrlKey: true }, 'Enter'))).toBeNull();
  });
});
