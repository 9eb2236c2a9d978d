// The renderer's entry: choose the platform, create the stores and the commands, show the
// window, then start (preferences, recovery offer or the default analysis).
import './csp';
import './styles/app.css';
import { mount } from 'svelte';
import defaultAnalysis from '../../../resources/scenarios/ashgabat-2024.mizan?raw';
import App from './App.svelte';
import { createAppContext } from './app/context';
import { createController } from './app/controller';
import { createDialogs } from './app/dialogs';
import { choosePlatform } from './platform';
import { createDocumentStore } from './state/document';

const platform = choosePlatform(window);
const store = createDocumentStore();
const dialogs = createDialogs();
const recoveryKey = typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `w${Date.now()}${Math.random()}`;
const controller = createController({
  store,
  bridge: platform.bridge,
  ask: dialogs.ask,
  defaultDocument: { text: defaultAnalysis, fileName: 'ashgabat-2024.mizan' },
  recoveryKey,
  closeWindow: () => window.close(),
  onWindowFocus: (handler) => {
    window.addEventListener('focus', handler);
    return () => window.removeEventListener('focus', handler);
  }
});

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
mount(App, { target, props: { context: createAppContext({ platform, store, controller, dialogs }) } });
void controller.start();
