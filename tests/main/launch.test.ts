// Files and windows asked for from outside the app (src/main/launch.ts), with a fake set of
// windows: files named before the app is ready wait for it and open once each; a second
// launch opens its files or brings the app to the front; a failed open never leaves the app
// without a window.
import { describe, expect, it } from 'vitest';
import { Launcher } from '../../src/main/launch';

/** The app's windows and what happened to them, in order; `last`: the most recent file, reopened at start. */
function fakeApp(failing: readonly string[] = [], last: string | null = null) {
  const events: string[] = [];
  let windows = 0;
  let nextId = 1;
  const deps = {
    async openFromOs(file: string) {
      events.push(`open ${file}`);
      if (failing.includes(file)) return false;
      windows++;
      return true;
    },
    async reopenLast() {
      if (last === null) return false;
      events.push('reopen last');
      return this.openFromOs(last);
    },
    createWindow() {
      windows++;
      events.push('new window');
      return nextId++;
    },
    windowCount: () => windows,
    revealWindow() {
      if (windows === 0) return false;
      events.push('reveal');
      return true;
    }
  };
  return {
    events,
    deps,
    close: () => windows--
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('launching', () => {
  it('with no file a new window opens at start, not before', async () => {
    const app = fakeApp();
    const launcher = new Launcher(app.deps, []);
    expect(app.events).toEqual([]);
    await launcher.start();
    expect(app.events).toEqual(['new window']);
  });

  it('with no file the last file is reopened at start, and no other window opens', async () => {
    const app = fakeApp([], '/last.mizan');
    await new Launcher(app.deps, []).start();
    expect(app.events).toEqual(['reopen last', 'open /last.mizan']);
  });

  it('a last file that cannot be reopened leaves a new window (the sample)', async () => {
    const app = fakeApp(['/last.mizan'], '/last.mizan');
    await new Launcher(app.deps, []).start();
    expect(app.events).toEqual(['reopen last', 'open /last.mizan', 'new window']);
  });

  it('a file asked for on the command line is opened instead of the last one', async () => {
    const app = fakeApp([], '/last.mizan');
    await new Launcher(app.deps, ['/asked.mizan']).start();
    expect(app.events).toEqual(['open /asked.mizan']);
  });

  it('the command line’s files and those of open-file before ready open at start, in order, once each', async () => {
    const app = fakeApp();
    const launcher = new Launcher(app.deps, ['/a.mizan', '/b.mizan']);
    launcher.openFile('/c.mizan');
    launcher.openFile('/a.mizan');
    expect(app.events).toEqual([]);
    await launcher.start();
    expect(app.events).toEqual(['open /a.mizan', 'open /b.mizan', 'open /c.mizan']);
  });

  it('open-file once ready opens at once', async () => {
    const app = fakeApp();
    const launcher = new Launcher(app.deps, []);
    await launcher.start();
    launcher.openFile('/later.mizan');
    await settle();
    expect(app.events).toEqual(['new window', 'open /later.mizan']);
  });

  it('a file that fails to open at start leaves a window: a new one when there is none', async () => {
    const app = fakeApp(['/broken.mizan']);
    await new Launcher(app.deps, ['/broken.mizan']).start();
    expect(app.events).toEqual(['open /broken.mizan', 'new window']);

    const other = fakeApp(['/broken.mizan']);
    await new Launcher(other.deps, ['/good.mizan', '/broken.mizan']).start();
    expect(other.events).toEqual(['open /good.mizan', 'open /broken.mizan']);
  });

  it('a second launch with files opens them; without, brings a window to the front, or opens one', async () => {
    const app = fakeApp();
    const launcher = new Launcher(app.deps, []);
    await launcher.start();
    launcher.secondInstance(['/x.mizan']);
    launcher.secondInstance([]);
    await settle();
    expect(app.events).toEqual(['new window', 'open /x.mizan', 'reveal']);
    app.close();
    app.close();
    launcher.secondInstance([]);
    expect(app.events.at(-1)).toBe('new window');
  });

  it('the Dock icon opens a window only when the app is ready and has none', async () => {
    const app = fakeApp();
    const launcher = new Launcher(app.deps, []);
    launcher.activate();
    expect(app.events).toEqual([]);
    await launcher.start();
    launcher.activate();
    expect(app.events).toEqual(['new window']);
    app.close();
    launcher.activate();
    expect(app.events).toEqual(['new window', 'new window']);
  });
});
