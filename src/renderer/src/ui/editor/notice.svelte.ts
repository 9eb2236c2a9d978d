// The editor's notice line: "Deleted “Hezbollah front”. Undo" after a deletion, or why an
// action was refused. A deletion notice holds the document the deletion produced and shows
// only while that is still the open document, so its Undo always undoes that deletion.
import { getContext, setContext } from 'svelte';
import type { MizanDoc } from '../../../../engine/format';

export interface NoticeContent {
  text: string;
  kind: 'deleted' | 'refused' | 'info';
  /** For 'deleted': the document right after the deletion. */
  after?: MizanDoc | null;
}

export class EditorNotice {
  current = $state.raw<(NoticeContent & { serial: number }) | null>(null);
  #serial = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;

  show(content: NoticeContent, ms = content.kind === 'deleted' ? 12_000 : 8_000): void {
    this.#serial += 1;
    this.current = { ...content, serial: this.#serial };
    if (this.#timer !== null) clearTimeout(this.#timer);
    const serial = this.#serial;
    this.#timer = setTimeout(() => {
      if (this.current?.serial === serial) this.current = null;
    }, ms);
  }

  clear(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.current = null;
  }
}

const KEY = Symbol('mizan-editor-notice');

export function provideNotice(notice: EditorNotice): void {
  setContext(KEY, notice);
}

/** The notice line of the <EditorPane> around the component, if there is one. */
export function findNotice(): EditorNotice | undefined {
  return getContext<EditorNotice | undefined>(KEY);
}
