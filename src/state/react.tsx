/**
 * React bindings of the store: a provider for the one store of the page and a
 * selector hook.
 */
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from './store';

const StoreContext = createContext<AppStore | null>(null);

/** Makes `store` available to `useAppStore` below it. */
export function AppStoreProvider(props: { readonly store: AppStore; readonly children: ReactNode }): ReactNode {
  return <StoreContext.Provider value={props.store}>{props.children}</StoreContext.Provider>;
}

/**
 * Selects a part of the app state and re-renders when it changes (by `Object.is`).
 * Select single values or stable references, not new objects, to avoid re-render loops.
 */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useAppStore used outside AppStoreProvider');
  return useStore(store, selector);
}

/** The store itself, for reading state in event handlers without subscribing. */
export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useAppStoreApi used outside AppStoreProvider');
  return store;
}
