import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Translation } from 'react-i18next';

interface Props {
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

/**
 * Catches a failure to load or start the editor chunk (e.g. a stale deployment) and
 * shows it in place of the editor instead of unmounting the whole page.
 */
export class EditorLoadBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Query editor failed', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <Translation ns="editor">
        {(t) => (
          <div role="alert" style={{ padding: '0.5rem', color: 'var(--error, #a4262c)' }}>
            {t('loadFailed', { message: error.message })}
          </div>
        )}
      </Translation>
    );
  }
}
