// What every component of the app can reach: the platform, the stores and the commands,
// handed down once by App.svelte through Svelte's context.
import { getContext, setContext } from 'svelte';
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
  /** Reactive views of the stores: read `.current` in templates, $derived and $effect. */
  state: Reactive<DocumentState>;
  history: Reactive<DocumentTemporalState>;
  status: Reactive<StatusState>;
  dialog: Reactive<DialogsState>;
}

const KEY = Symbol('mizan-app');

export function createAppContext(parts: Pick<AppContext, 'platform' | 'store' | 'controller' | 'dialogs'>): AppContext {
  return {
    ...parts,
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
