// Opaque file handles: the renderer never sees a path; a handle main did not give out is refused.
import { describe, expect, it } from 'vitest';
import { FileHandles, UnknownHandleError } from '../../src/main/handles';

describe('FileHandles', () => {
  it('gives an opaque, stable handle per path and maps it back', () => {
    const handles = new FileHandles();
    const a = handles.handleFor('/home/analyst/a.mizan');
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toContain('analyst');
    expect(handles.handleFor('/home/analyst/./a.mizan')).toBe(a);
    expect(handles.handleFor('/home/analyst/b.mizan')).not.toBe(a);
    expect(handles.pathOf(a)).toBe('/home/analyst/a.mizan');
  });

  it('refuses a handle it never gave out, and anything that is not a string', () => {
    const handles = new FileHandles();
    handles.handleFor('/x.mizan');
    for (const forged of ['0000', '/x.mizan', '', 'constructor', '__proto__', 42 as unknown as string]) {
      expect(() => handles.pathOf(forged)).toThrow(UnknownHandleError);
    }
    expect(() => handles.pathOf('nope')).toThrow(
      'Mizan no longer knows where this file is. Open it again, or use Save As.'
    );
  });

  it('needs an absolute path', () => {
    expect(() => new FileHandles().handleFor('relative.mizan')).toThrow(/absolute/);
  });
});
