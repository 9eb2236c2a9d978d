// What every editor panel reads first: the app, the open document, the interface language and
// its texts, the selected scenario, and how to say that an edit was refused. Call panelState()
// while a component initialises (it reads Svelte's context); its fields are getters over
// $derived values, so read them where they are needed (templates, $derived, handlers) rather
// than copying them into constants.
import { tick } from 'svelte';
import type { ScenarioDef } from '../../../../engine/format';
import { useApp } from '../../app/context';
import { messagesFor } from '../../i18n';
import type { EditResult } from '../../state/document';
import { editorMessages, reasonText } from './messages';
import { findNotice } from './notice.svelte';
import { isolate, labelOf } from './util';

export function panelState() {
  const app = useApp();
  // Optional: the panels live in <EditorPane>, which provides it; a component mounted on its
  // own (a component test) only needs it when it reports a refusal.
  const notice = findNotice();
  const current = $derived(app.state.current);
  const language = $derived(current.view.language);
  const t = $derived(messagesFor(language));
  const m = $derived(editorMessages(language));
  const doc = $derived(current.document!);
  /** The scenario the workbench shows (the first one when the selection is gone). */
  const scenario = $derived<ScenarioDef>(
    doc.scenarios.find((s) => s.id === current.view.scenarioId) ?? doc.scenarios[0]
  );

  return {
    app,
    get view() {
      return current.view;
    },
    get language() {
      return language;
    },
    /** The app's texts (i18n). */
    get t() {
      return t;
    },
    /** The editor's texts (./messages). */
    get m() {
      return m;
    },
    /** The open document (the editor is only shown with one). */
    get doc() {
      return doc;
    },
    get scenario() {
      return scenario;
    },
    /** The store's state now, with its actions. */
    store: () => app.store.getState(),
    /** A factor's name in the interface language (its id when there is no such factor). */
    factorName(id: string): string {
      const factor = doc.factors.find((f) => f.id === id);
      return factor ? labelOf(factor.label, language) : id;
    },
    /** Why an edit was refused, in words; null when it was applied. */
    refused(result: EditResult): string | null {
      return result.ok ? null : reasonText(m, result.reason);
    },
    /** Like `refused`, and says it in the editor's notice line too. */
    report(result: EditResult): string | null {
      if (result.ok) return null;
      const text = reasonText(m, result.reason);
      if (!notice) throw new Error('report() outside <EditorPane>');
      notice.show({ kind: 'refused', text });
      return text;
    },
    /**
     * Says "Deleted “name”." with an Undo for the document as it is now (right after the
     * deletion), and puts the focus on that Undo: the deleted row took the focused button with it.
     */
    async announceDeletion(name: string, { focusUndo = true } = {}): Promise<void> {
      if (!notice) throw new Error('announceDeletion() outside <EditorPane>');
      notice.show({ kind: 'deleted', text: m.deleted(isolate(name)), after: app.store.getState().document });
      if (!focusUndo) return;
      await tick();
      document.querySelector<HTMLElement>('[data-testid="notice-undo"]')?.focus();
    }
  };
}

export type PanelState = ReturnType<typeof panelState>;
