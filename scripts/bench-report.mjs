#!/usr/bin/env node
// How long File ▸ Export report takes to show the report, in Chromium against a web build:
// the default analysis is opened and its refined Monte Carlo drawn (the results on screen are
// current), then Ctrl+P is pressed; the time is from that key's event to the report's call of
// the browser's print (stubbed), i.e. analysis, pictures and layout, on the page's clock.
//
//   node scripts/bench-report.mjs [--root out/web] [--exports 8]
//
// The first export of a page also loads the report's code and the model text; it is printed
// apart from the later ones. Also counted: the Web Workers the exports started (a report that
// re-runs the Monte Carlo in a worker of its own starts one per export). Not part of
// `npm run bench:ui` (it prints no target).
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, VIEWPORT } from './chromium.mjs';
import { serveWeb, webOutDir } from './web.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
};
const ROOT = resolve(arg('root', webOutDir));
const EXPORTS = Number(arg('exports', 8));

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  return (sorted[Math.floor(mid)] + sorted[Math.ceil(mid)]) / 2;
}

function instrument() {
  const w = window;
  w.__report = { marks: [], keys: [], prints: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__report.marks.push(e.name);
  }).observe({ type: 'mark', buffered: true });
  addEventListener('keydown', (e) => w.__report.keys.push(e.timeStamp), { capture: true });
  window.print = () => w.__report.prints.push(performance.now());
  w.__report.workers = 0;
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      w.__report.workers++;
    }
  };
}

async function exportOnce(page) {
  const before = await page.evaluate(() => window.__report.prints.length);
  await page.keyboard.press('Control+P');
  await page.waitForFunction((n) => window.__report.prints.length > n, before, { timeout: 120_000 });
  return page.evaluate(() => window.__report.prints.at(-1) - window.__report.keys.at(-1));
}

const server = await serveWeb({ root: ROOT, port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' });
  const page = await context.newPage();
  await page.addInitScript(instrument);
  await page.goto(server.url);
  await page.waitForSelector('html[data-app-state="ready"]');
  await page.waitForFunction(() => window.__report.marks.includes('mizan:mc-refined'), null, { timeout: 60_000 });
  const workersBefore = await page.evaluate(() => window.__report.workers);
  const first = await exportOnce(page);
  const later = [];
  for (let i = 0; i < EXPORTS; i++) later.push(await exportOnce(page));
  const workers = (await page.evaluate(() => window.__report.workers)) - workersBefore;
  console.log(
    `${ROOT}: first export ${first.toFixed(0)} ms; later exports median ${median(later).toFixed(0)} ms ` +
      `(${later.map((t) => t.toFixed(0)).join(', ')}); workers started by the ${EXPORTS + 1} exports: ${workers}`
  );
} finally {
  await browser.close();
  await server.close();
}
