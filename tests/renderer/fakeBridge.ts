// A Bridge for unit tests: files are strings in a map, every call is recorded, and the
// open/save dialogs answer what the test queued.
import type {
  Bridge,
  DiskState,
  LastFile,
  MenuCommand,
  OpenedFile,
  Outcome,
  Preferences,
  RecentFile,
  RecoveryEntry,
  RecoveryRead,
  RecoverySummary,
  SavedFile,
  SaveOptions,
  SaveOutcome
} from '../../src/contract/bridge';

export class FakeBridge implements Bridge {
  readonly platform = 'web' as const;
  /** What the next open dialogs return, in order. */
  opens: Outcome<OpenedFile>[] = [];
  /** What the next Save As dialogs return (a name to save under, cancel, or an error). */
  saveAsAnswers: (string | 'cancel' | { error: string })[] = [];
  /** Errors for the next plain saves. */
  saveErrors: string[] = [];
  /** handle → file content */
  files = new Map<string, { name: string; text: string }>();
  recovery = new Map<string, RecoveryEntry>();
  /** handle → what another program did to the file since it was last opened or saved here. */
  disk = new Map<string, DiskState>();
  preferences: Preferences = { language: 'en', theme: 'system' };
  /** What lastFile() answers (the web's file to reopen on load). */
  last: LastFile | null = null;
  documentStates: { title: string; dirty: boolean }[] = [];
  calls: string[] = [];
  private menu = new Set<(c: MenuCommand) => void>();
  private opened = new Set<(f: OpenedFile) => void>();
  private next = 1;

  async openFile() {
    this.calls.push('openFile');
    return this.opens.shift() ?? { ok: false as const, canceled: true as const };
  }
  async openRecent(handle: string): Promise<Outcome<OpenedFile>> {
    this.calls.push(`openRecent:${handle}`);
    const file = this.files.get(handle);
    if (file) this.disk.delete(handle);
    return file ? { ok: true, value: { handle, ...file } } : { ok: false, error: 'gone' };
  }
  async lastFile(): Promise<LastFile | null> {
    this.calls.push('lastFile');
    return this.last;
  }
  async listRecent(): Promise<RecentFile[]> {
    return [...this.files].map(([handle, f]) => ({ handle, name: f.name, location: '' }));
  }
  async save(handle: string | null, text: string, suggestedName: string, options?: SaveOptions): Promise<SaveOutcome> {
    this.calls.push(`save:${handle}${options?.overwrite ? ':overwrite' : ''}`);
    if (handle === null) return this.saveAs(text, suggestedName);
    const disk = this.disk.get(handle) ?? 'same';
    if (disk !== 'same' && !options?.overwrite) return { ok: false, conflict: disk };
    const error = this.saveErrors.shift();
    if (error) return { ok: false, error };
    const file = this.files.get(handle)!;
    this.files.set(handle, { name: file.name, text });
    this.disk.delete(handle);
    return { ok: true, value: { handle, name: file.name } };
  }
  async saveAs(text: string, suggestedName: string): Promise<Outcome<SavedFile>> {
    this.calls.push(`saveAs:${suggestedName}`);
    const answer = this.saveAsAnswers.shift() ?? suggestedName;
    if (answer === 'cancel') return { ok: false, canceled: true };
    if (typeof answer !== 'string') return { ok: false, error: answer.error };
    const handle = `h${this.next++}`;
    this.files.set(handle, { name: answer, text });
    return { ok: true, value: { handle, name: answer } };
  }
  async checkDisk(handle: string): Promise<DiskState> {
    this.calls.push(`checkDisk:${handle}`);
    return this.disk.get(handle) ?? 'same';
  }
  /** As if another program rewrote the file behind `handle`. */
  changeOnDisk(handle: string, text: string) {
    this.files.set(handle, { name: this.files.get(handle)!.name, text });
    this.disk.set(handle, 'changed');
  }
  async writeRecovery(entry: RecoveryEntry) {
    this.calls.push(`writeRecovery:${entry.key}`);
    this.recovery.set(entry.key, { ...entry });
  }
  async clearRecovery(key: string) {
    this.calls.push(`clearRecovery:${key}`);
    this.recovery.delete(key);
  }
  /** Titles, times and sizes only, as both platforms list them. */
  async listRecovery(): Promise<RecoverySummary[]> {
    return [...this.recovery.values()].map(({ key, title, savedAt, text }) => ({ key, title, savedAt, size: text.length }));
  }
  async readRecovery(key: string): Promise<RecoveryRead> {
    this.calls.push(`readRecovery:${key}`);
    const copy = this.recovery.get(key);
    if (!copy) return { ok: false, reason: 'missing' };
    // The file the work belongs to, as the platform still knows it.
    const file = copy.file ? this.files.get(copy.file) : undefined;
    return { ok: true, text: copy.text, file: file && copy.file ? { handle: copy.file, name: file.name } : null };
  }
  async saveExport(): Promise<Outcome<SavedFile>> {
    return { ok: false, canceled: true };
  }
  async copyImage(): Promise<Outcome<null>> {
    return { ok: true, value: null };
  }
  async printReport(): Promise<Outcome<SavedFile | null>> {
    return { ok: false, canceled: true };
  }
  setDocumentState(state: { title: string; dirty: boolean }) {
    this.documentStates.push(state);
  }
  onMenuCommand(handler: (c: MenuCommand) => void) {
    this.menu.add(handler);
    return () => this.menu.delete(handler);
  }
  onOpenFile(handler: (f: OpenedFile) => void) {
    this.opened.add(handler);
    return () => this.opened.delete(handler);
  }
  async getPreferences() {
    return { ...this.preferences };
  }
  async setPreferences(p: Partial<Preferences>) {
    this.preferences = { ...this.preferences, ...p };
  }

  /** As if the menu or a shortcut sent a command. */
  command(c: MenuCommand) {
    for (const h of this.menu) h(c);
  }
  /** As if the OS handed over a file. */
  hand(file: OpenedFile) {
    for (const h of this.opened) h(file);
  }
  get listeners() {
    return this.menu.size + this.opened.size;
  }
}
