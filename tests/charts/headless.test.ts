// The minimal `canvas.style` a headless canvas gets so that Chart.js can draw right-to-left text
// (legends, tooltips in Arabic): Chart.js sets `direction` to 'rtl' or 'ltr' before drawing a
// text and restores the value it read before afterwards; the 2D context must follow both steps.
import { describe, expect, it } from 'vitest';
import { withTextDirection } from '../../src/presentation/charts';

type Style = {
  getPropertyValue(name: string): string;
  getPropertyPriority(name: string): string;
  setProperty(name: string, value: string, priority?: string): void;
};

function fakeCanvas(context: { direction?: string } | null = { direction: 'inherit' }) {
  return { context, style: undefined as unknown, getContext: () => context };
}

describe('withTextDirection', () => {
  it('gives a canvas without a style one, and leaves a canvas that has one as it is', () => {
    const bare = fakeCanvas();
    expect(withTextDirection(bare)).toBe(bare);
    expect(bare.style).toBeDefined();
    const own = { getPropertyValue: () => 'x' };
    const styled = { ...fakeCanvas(), style: own };
    expect(withTextDirection(styled).style).toBe(own);
  });

  it('keeps each property and its priority, and reads an unset one as empty', () => {
    const style = withTextDirection(fakeCanvas()).style as Style;
    expect(style.getPropertyValue('direction')).toBe('');
    expect(style.getPropertyPriority('direction')).toBe('');
    style.setProperty('direction', 'rtl', 'important');
    style.setProperty('color', 'red');
    expect(style.getPropertyValue('direction')).toBe('rtl');
    expect(style.getPropertyPriority('direction')).toBe('important');
    expect(style.getPropertyValue('color')).toBe('red');
    expect(style.getPropertyPriority('color')).toBe('');
  });

  it('turns the context right-to-left for a text, then back to what it was (as Chart.js does)', () => {
    const canvas = fakeCanvas({ direction: 'inherit' });
    const style = withTextDirection(canvas).style as Style;
    style.setProperty('direction', 'rtl');
    expect(canvas.context?.direction).toBe('rtl');
    style.setProperty('direction', '');
    expect(canvas.context?.direction).toBe('inherit');
    style.setProperty('direction', 'ltr');
    expect(canvas.context?.direction).toBe('ltr');
    style.setProperty('direction', '');
    expect(canvas.context?.direction).toBe('inherit');
  });

  it('leaves the context alone for other properties, for other values, and before any direction was set', () => {
    const canvas = fakeCanvas({ direction: 'inherit' });
    const style = withTextDirection(canvas).style as Style;
    style.setProperty('direction', '');
    expect(canvas.context?.direction).toBe('inherit');
    style.setProperty('text-align', 'rtl');
    expect(canvas.context?.direction).toBe('inherit');
    style.setProperty('direction', 'sideways');
    expect(canvas.context?.direction).toBe('inherit');
  });

  it('keeps the property even when the canvas has no 2D context', () => {
    const style = withTextDirection(fakeCanvas(null)).style as Style;
    expect(() => style.setProperty('direction', 'rtl')).not.toThrow();
    expect(style.getPropertyValue('direction')).toBe('rtl');
  });
});
