/** English messages of the `editor` namespace. */
export const editor = {
  /** Accessible name of the query editor (Monaco's textarea carries it). */
  ariaLabel: 'Query editor',
  /** Shown while Monaco and the KQL language plugin load. */
  loading: 'Loading editor…',
  /** Shown if the editor code could not be loaded. */
  loadFailed: 'The query editor could not be loaded: {{message}}',
  /** Label of the run action in Monaco's command palette (F1). */
  runAction: 'Run query',
  /** Label of the save action in Monaco's command palette (F1). */
  saveAction: 'Save query',
} as const;
