// What every component of the app can reach: the platform, the stores and the commands,
// handed down once by App.svelte through Svelte's context.
import { getContext, setContext } from 'svelte';
import { createAnalysisSession, type AnalysisSession, type AnalysisSessionState } from '../analysis/session';
import type { Platform } from '../platform';
import type { DocumentState, DocumentStore, DocumentTemporalState } from '../state/document';
import { reactive, type Reactive } from '../state/reactive';
import type { Controller, StatusState } from './controller';
import type { Dialogs, DialogsState } from './dialogs';

export interface AppContext {
  platform: Platform;
  store: DocumentStore;
  controller: Controller;
  dialogs: Dialogs;
  /** The live analysis of the open document (central paths, Monte Carlo), computed once for every reader. */
  analysis: AnalysisSession;
  /** Reactive views of the stores: read `.current` in templates, $derived and $effect. */
  state: Reactive<DocumentState>;
  history: Reactive<DocumentTemporalState>;
  status: Reactive<StatusState>;
  dialog: Reactive<DialogsState>;
  session: Reactive<AnalysisSessionState>;
}

const KEY = Symbol('mizan-app');

/** The app's context; the analysis session is made here for the document store unless one is given. */
export function createAppContext(
  parts: Pick<AppContext, 'platform' | 'store' | 'controller' | 'dialogs'> & Partial<Pick<AppContext, 'analysis'>>
): AppContext {
  const analysis = parts.analysis ?? createAnalysisSession(parts.store);
  return {
    ...parts,
    analysis,
    session: reactive(analysis),
    state: reactive(parts.store),
    history: reactive(parts.store.temporal),
    status: reactive(parts.controller.status),
    dialog: reactive(parts.dialogs.store)
  };
}

export function provideApp(context: AppContext): void {
  setContext(KEY, context);
}

export function useApp(): AppContext {
  const context = getContext<AppContext | undefined>(KEY);
  if (!context) throw new Error('useApp() outside <App>');
  return context;
}
