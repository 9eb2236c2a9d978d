// Drawing the charts without a DOM (the command line, tests): Chart.js switches the text
// direction of legends and tooltips through `canvas.style.direction`, which a headless
// canvas (@napi-rs/canvas, a wrapper around svgcanvas) lacks. This gives such a canvas a
// minimal `style` whose `direction` drives the 2D context's `direction` instead.

interface DirectionalContext {
  direction?: string;
}

interface HeadlessCanvas {
  style?: unknown;
  getContext(kind: '2d'): unknown;
}

/** Adds the `style` Chart.js needs for right-to-left text, if the canvas has none; returns it. */
export function withTextDirection<T extends HeadlessCanvas>(canvas: T): T {
  if (canvas.style) return canvas;
  const properties = new Map<string, { value: string; priority: string }>();
  let before: string | undefined;
  canvas.style = {
    getPropertyValue: (name: string) => properties.get(name)?.value ?? '',
    getPropertyPriority: (name: string) => properties.get(name)?.priority ?? '',
    setProperty(name: string, value: string, priority = '') {
      properties.set(name, { value, priority });
      const ctx = canvas.getContext('2d') as DirectionalContext | null;
      if (name !== 'direction' || !ctx) return;
      if (value === 'rtl' || value === 'ltr') {
        // Chart.js overrides, draws, then restores the previous (usually empty) value.
        before = ctx.direction;
        ctx.direction = value;
      } else if (before !== undefined) {
        ctx.direction = before;
      }
    }
  };
  return canvas;
}
