// Svelte 5 reads a zustand store reactively through this adapter: `current` is the store's
// state, and reading it inside a template, $derived or $effect subscribes that reader for as
// long as it is live (svelte/reactivity's createSubscriber). Nothing to unsubscribe by hand.
import { createSubscriber } from 'svelte/reactivity';

export interface Subscribable<S> {
  getState(): S;
  subscribe(listener: (state: S, previous: S) => void): () => void;
}

export interface Reactive<S> {
  readonly current: S;
}

export function reactive<S>(store: Subscribable<S>): Reactive<S> {
  const track = createSubscriber((update) => store.subscribe(() => update()));
  return {
    get current() {
      track();
      return store.getState();
    }
  };
}
