// Files and windows asked for from outside the app: the files on the command line, macOS's
// open-file (which can come before the app is ready), a second launch (its files, or just
// "come to the front"), and the Dock icon (a window when there is none). index.ts hands this
// Electron's events; the decisions are here, tested in tests/main/launch.test.ts.

export interface LaunchDeps {
  /** Opens a file in a window (the controller's openFromOs): false when it could not be opened. */
  openFromOs(file: string): Promise<boolean>;
  /**
   * At a start with no file asked for: reopens the last file in a window; false when none was
   * opened (no recent file, it failed, or unsaved work waits to be offered).
   */
  reopenLast(): Promise<boolean>;
  /** Opens a new window with a new document; returns its id. */
  createWindow(): number;
  windowCount(): number;
  /** Brings the focused window, or the first, to the front; false when there is no window. */
  revealWindow(): boolean;
}

export class Launcher {
  private ready = false;
  private readonly early: string[];

  /** `commandLine`: the files named on this launch's command line. */
  constructor(
    private readonly deps: LaunchDeps,
    commandLine: readonly string[]
  ) {
    this.early = [...commandLine];
  }

  /** macOS's open-file (Finder, the Dock icon): opened at once, or at start when the app is not ready yet. */
  openFile(file: string): void {
    if (this.ready) void this.deps.openFromOs(file);
    else this.early.push(file);
  }

  /** A second launch handed over its files; with none, this app comes to the front (a new window if it has none). */
  secondInstance(files: readonly string[]): void {
    if (files.length === 0 && !this.deps.revealWindow()) this.deps.createWindow();
    for (const file of files) void this.deps.openFromOs(file);
  }

  /** The Dock icon clicked (macOS): a window when there is none. */
  activate(): void {
    if (this.ready && this.deps.windowCount() === 0) this.deps.createWindow();
  }

  /**
   * The app is ready: each file asked for so far is opened once, in order; with none, the last
   * file, else a new window (the sample). A file that fails to open leaves an error and maybe
   * no window: then one is opened.
   */
  async start(): Promise<void> {
    this.ready = true;
    const files = [...new Set(this.early)];
    this.early.length = 0;
    if (files.length === 0 && !(await this.deps.reopenLast()) && this.deps.windowCount() === 0) this.deps.createWindow();
    for (const file of files) {
      if (!(await this.deps.openFromOs(file)) && this.deps.windowCount() === 0) this.deps.createWindow();
    }
  }
}
