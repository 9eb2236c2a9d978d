// The analysis pane as the app renders it (server-side rendering of App.svelte through Vite,
// with the Svelte plugin of renderer.vite.ts): a document the model cannot compute shows the
// problem and no chart. Such a document cannot be opened or made in the app (the loader and
// the editing side both refuse all-zero weights), so this is where that path is tested.
import { readFileSync } from 'node:fs';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MizanDoc } from '../../src/engine/format';
import { FakeBridge } from './fakeBridge';

let vite: ViteDevServer;

beforeAll(async () => {
  vite = await createServer({
    configFile: 'renderer.vite.ts',
    appType: 'custom',
    logLevel: 'error',
    server: { middlewareMode: true, hmr: false, ws: false },
    ssr: { noExternal: ['zundo'] }
  });
}, 60_000);

afterAll(async () => {
  await vite?.close();
});

const ashgabat: MizanDoc = JSON.parse(readFileSync('tests/fixtures/as-first-written/ashgabat-2024.mizan', 'utf8'));

async function renderWith(document: MizanDoc, language: 'en' | 'ar' = 'en'): Promise<string> {
  const load = <T>(path: string) => vite.ssrLoadModule(path) as Promise<T>;
  const { render } = await load<typeof import('svelte/server')>('svelte/server');
  const { default: App } = await load<{ default: import('svelte').Component<{ context: unknown }> }>('/src/App.svelte');
  const { createAppContext } = await load<typeof import('../../src/renderer/src/app/context')>('/src/app/context.ts');
  const { createDocumentStore } = await load<typeof import('../../src/renderer/src/state/document')>('/src/state/document.ts');
  const { createController } = await load<typeof import('../../src/renderer/src/app/controller')>('/src/app/controller.ts');
  const { createDialogs } = await load<typeof import('../../src/renderer/src/app/dialogs')>('/src/app/dialogs.ts');
  const store = createDocumentStore({ view: { language } });
  // Straight into the store: no file or edit can make this document.
  store.setState({ document, savedDocument: document });
  const dialogs = createDialogs();
  const bridge = new FakeBridge();
  const controller = createController({
    store,
    bridge,
    ask: dialogs.ask,
    defaultDocument: { text: JSON.stringify(ashgabat), fileName: 'a.mizan' },
    recoveryKey: 'test',
    closeWindow: () => undefined
  });
  const platform = { bridge, capabilities: {} } as never;
  const context = createAppContext({ platform, store, controller, dialogs });
  return render(App, { props: { context } }).body;
}

const zeroFactors: MizanDoc = { ...ashgabat, factors: ashgabat.factors.map((f) => ({ ...f, weight: 0 })) };
const allZero: MizanDoc = { ...zeroFactors, scenarios: zeroFactors.scenarios.map(({ weights: _w, ...s }) => s) };

describe('the analysis pane with a document the model cannot compute', () => {
  it('all weights zero in every scenario: the problem, as an alert, and no chart', async () => {
    const html = await renderWith(allZero);
    expect(html).toContain('data-testid="analysis-problems"');
    expect(html).toMatch(/role="alert"[^>]*>[\s\S]*The tension index cannot be computed/);
    for (const s of allZero.scenarios) expect(html).toContain(`${s.name.en}: all factor weights are zero`);
    expect(html).not.toContain('role="tablist" aria-label="Charts"');
    expect(html).not.toContain('data-chart=');
  });

  it('one scenario without weights: named, and the others charted', async () => {
    const html = await renderWith(zeroFactors);
    expect(html).toContain('Some scenarios cannot be computed');
    expect(html).toContain('Baseline: entrenched rivalry: all factor weights are zero');
    expect(html).toContain('It is left out of the charts until this is fixed.');
    expect(html).toContain('data-chart="tension"');
    expect(html).toContain('aria-label="Regional Tension Index over time: Escalation: axis hardens, De-escalation: managed pause"');
  });

  it('in Arabic', async () => {
    const html = await renderWith(allZero, 'ar');
    expect(html).toContain('يتعذّر حساب مؤشر التوتر');
    expect(html).toContain('أوزان العوامل كلها صفر');
  });
});
