// How the end-to-end tests and the UI benchmarks start Chromium: Debian's build (or CHROMIUM=…),
// headless, without the background services that would reach for the network, at 1280×800.
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic'
];
export const VIEWPORT = { width: 1280, height: 800 };
