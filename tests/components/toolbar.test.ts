// The toolbar's shortcut hints (each file and edit button's tooltip and aria-keyshortcuts, the
// report's keys in the Export menu) in English and Arabic, and the focus on the document's
// title after New.
import { screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it } from 'vitest';
import DocumentHeader from '../../src/renderer/src/ui/DocumentHeader.svelte';
import Toolbar from '../../src/renderer/src/ui/Toolbar.svelte';
import { renderPanel } from './harness';

describe('shortcut hints', () => {
  it('each file and edit button says its shortcut in its tooltip and to assistive technology', () => {
    renderPanel(Toolbar);
    const button = (name: string) => screen.getByRole('button', { name });
    expect(button('New').title).toBe('New (Ctrl+N)');
    expect(button('Open…').title).toBe('Open… (Ctrl+O)');
    expect(button('Save').title).toBe('Save (Ctrl+S)');
    expect(button('Save As…').title).toBe('Save As… (Ctrl+Shift+S)');
    expect(button('Undo').title).toBe('Undo (Ctrl+Z)');
    expect(button('Redo').title).toBe('Redo (Ctrl+Y)');
    expect(button('Save').getAttribute('aria-keyshortcuts')).toBe('Control+S Meta+S');
  });

  it('in Arabic too, and the Export menu shows the report’s keys', async () => {
    const t = renderPanel(Toolbar, { language: 'ar' });
    expect(screen.getByRole('button', { name: 'حفظ' }).title).toBe('حفظ (Ctrl+S)');
    await t.user.click(screen.getByRole('button', { name: 'تصدير' }));
    const report = screen.getByRole('menuitem', { name: 'تصدير التقرير (PDF)…' });
    expect(within(report).getByText('Ctrl+P').tagName).toBe('KBD');
    expect(report.getAttribute('aria-keyshortcuts')).toBe('Control+P Meta+P');
  });
});

describe('focus after New', () => {
  it('New puts the focus on the new document’s title, with its text selected', async () => {
    const t = renderPanel(DocumentHeader);
    const title = screen.getByRole('textbox', { name: 'Document title' }) as HTMLInputElement;
    expect(document.activeElement).not.toBe(title);
    await t.controller.newDocument();
    await tick();
    await tick();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Document title' }));
    expect(title.selectionStart).toBe(0);
    expect(title.selectionEnd).toBe(title.value.length);
    expect(t.doc()).not.toBe(t.original);
  });

  it('a new analysis has no title of its own: "untitled" is a placeholder in the language on screen', async () => {
    const t = renderPanel(DocumentHeader);
    await t.controller.newDocument();
    await tick();
    const title = screen.getByRole('textbox', { name: 'Document title' }) as HTMLInputElement;
    expect(title.value).toBe('');
    expect(title.placeholder).toBe('Untitled analysis');
    t.store.getState().setLanguage('ar');
    await tick();
    const arabic = screen.getByRole('textbox', { name: 'عنوان المستند' }) as HTMLInputElement;
    expect(arabic.value).toBe('');
    expect(arabic.placeholder).toBe('تحليل بلا عنوان');
  });

  it('opening the window does not take the focus', () => {
    renderPanel(DocumentHeader, { language: 'ar' });
    expect(document.activeElement).not.toBe(screen.getByRole('textbox', { name: 'عنوان المستند' }));
  });
});
