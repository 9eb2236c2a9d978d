// Where the command line reads and writes; tests pass their own to capture output.
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal, where progress is shown (redrawn in place). */
  readonly stderrIsTTY?: boolean;
  /**
   * Calls `listener` on an interruption request (Ctrl+C) until the returned function is called.
   * Long commands stop between steps when it comes.
   */
  onInterrupt?(listener: () => void): () => void;
}

export const processIO: CliIO = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  get stderrIsTTY() {
    return process.stderr.isTTY === true;
  },
  onInterrupt(listener) {
    // The first Ctrl+C asks the command to stop between steps; a second one, if a step takes
    // long, exits at once (nothing is being written then: outputs are written after the work).
    let asked = false;
    const handler = () => {
      if (asked) process.exit(EXIT.interrupted);
      asked = true;
      listener();
    };
    process.on('SIGINT', handler);
    return () => void process.off('SIGINT', handler);
  }
};

/** A problem with how the command was called: exit code 2. */
export class UsageError extends Error {}

/** 130: stopped by Ctrl+C (128 + SIGINT), as shells report it. */
export const EXIT = { ok: 0, problems: 1, usage: 2, interrupted: 130 } as const;
