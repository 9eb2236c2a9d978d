// Loaded by index.html with `async`, before the app's modules are parsed: a plain script, not
// bundled, so that it runs while the main thread is still idle (a worker cannot start while
// the main thread is busy evaluating the app, which it then is for half a second).
//
// Why: the first Intl.NumberFormat or Intl.DateTimeFormat of a renderer process costs 40–90 ms
// on a slow machine: V8 sets up ICU's table of locales once per process, behind a lock. The
// first screen needs both (the charts' axes, the readouts). This throwaway worker builds one of
// each on another core, so that the main thread finds the table ready (a first format then
// takes 0.3 ms; docs/BENCHMARKS.md, first charts). Any failure leaves the main thread to pay.
(function warmIntl() {
  var source =
    "new Intl.NumberFormat('en').format(1);" +
    "new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' }).format(0);" +
    "postMessage('done');";
  var url = null;
  try {
    url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    var worker = new Worker(url, { name: 'mizan-intl-warm-up' });
    worker.onmessage = worker.onerror = function () {
      worker.terminate();
      URL.revokeObjectURL(url);
    };
  } catch {
    if (url) URL.revokeObjectURL(url);
  }
})();
