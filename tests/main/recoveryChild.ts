// A Mizan main process cut down to its recovery copies, for recovery-crash.test.ts: it
// schedules a copy (not yet written: the delay is an hour), says so on stdout, then, by mode:
//   wait  — waits to be killed (a crash before the copy's delay);
//   flush — writes pending copies, says "flushed", waits to be killed (a crash after);
//   quit  — quits through QuitFlow as the app does, the process exiting when Electron would.
import { RecoveryStore } from '../../src/main/files/recovery';
import { QuitFlow, type PreventableEvent } from '../../src/main/quit';
import { DocumentWindows } from '../../src/main/documents';

const [mode, dir] = process.argv.slice(2);
const store = new RecoveryStore(dir, { delayMs: 60 * 60 * 1000 });
store.schedule({
  key: 'unsaved',
  title: 'Unsaved',
  savedAt: new Date().toISOString(),
  text: 'work since the last save',
  // The file the work belongs to, as main keeps it (recovery-crash.test.ts reads it back).
  file: { path: '/analyses/gulf.mizan', fingerprint: { size: 42, mtimeMs: 1700000000000, sha256: 'ab'.repeat(32) } }
});
process.stdout.write('scheduled\n');
const keepAlive = setInterval(() => undefined, 1000);

if (mode === 'flush') {
  void store.flush().then(() => process.stdout.write('flushed\n'));
} else if (mode === 'quit') {
  // Electron's app as far as quitting with no window goes: before-quit, will-quit, exit.
  const listeners = new Map<string, ((event: PreventableEvent) => void)[]>();
  const emit = (name: string) => {
    let prevented = false;
    for (const listener of listeners.get(name) ?? []) listener({ preventDefault: () => (prevented = true) });
    return !prevented;
  };
  const app = {
    on(name: string, listener: (event: PreventableEvent) => void) {
      listeners.set(name, [...(listeners.get(name) ?? []), listener]);
    },
    quit() {
      if (emit('before-quit') && emit('will-quit')) {
        clearInterval(keepAlive);
        process.exit(0);
      }
    }
  };
  const flow = new QuitFlow({
    windows: new DocumentWindows(),
    askClose: async () => 'cancel',
    save: () => undefined,
    close: () => undefined,
    quit: () => app.quit(),
    isMac: false,
    flush: () => store.flush(),
    log: (message) => process.stderr.write(`${message}\n`)
  });
  flow.attach(app);
  app.quit();
}
