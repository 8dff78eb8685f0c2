/**
 * The page entry: creates the store (which owns the data worker client), renders the
 * app and starts it (sample data, then a first query so the grid opens with rows).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './ui/i18n';
import { DataWorkerClient } from './worker/client';
import { DEFAULT_SAMPLE_SEED } from './sample/defaultSeed';
import { queryBlockAt } from './ui/editor/queryBlocks';
import { AppStoreProvider, createAppStore, sampleScaleFromSearch } from './state';
import { INITIAL_QUERY } from './ui/queries/gallery';
import { App } from './ui/App';

const store = createAppStore({ client: DataWorkerClient.start(), blockAt: queryBlockAt });

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <AppStoreProvider store={store}>
      <App />
    </AppStoreProvider>
  </StrictMode>,
);

void store.getState().start({
  seed: DEFAULT_SAMPLE_SEED,
  anchorMs: Date.now(),
  scale: sampleScaleFromSearch(window.location.search),
  initialQuery: INITIAL_QUERY,
});
