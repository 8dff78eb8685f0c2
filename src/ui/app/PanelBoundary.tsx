import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Translation } from 'react-i18next';

interface Props {
  /** Which panel (its name in the message catalogue, `panelFailure.panels`). */
  readonly panel: 'results' | 'sidePanel' | 'editor';
  /** When this value changes (e.g. a new query run), the panel tries to render again. */
  readonly resetKey?: unknown;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
  readonly resetKey: unknown;
}

/**
 * Keeps a failure inside one panel: a render error shows a message with a "Try again"
 * button in place of the panel, and the rest of the page (and the loaded data) stays.
 */
export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    // A new run (or other reset key) gives the panel a fresh chance.
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.panel} failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <Translation ns="app">
        {(t) => (
          <div role="alert" className="panel-failure">
            <p>{t('panelFailure.message', { panel: t(`panelFailure.panels.${this.props.panel}`), message: error.message })}</p>
            <button type="button" onClick={() => this.setState({ error: null })}>
              {t('panelFailure.retry')}
            </button>
          </div>
        )}
      </Translation>
    );
  }
}
