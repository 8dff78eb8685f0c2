import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state';
import type { SavedQueryDraft } from '../../state';

function DialogForm(props: { readonly draft: SavedQueryDraft; readonly titleId: string }): React.JSX.Element {
  const { t } = useTranslation('workspace');
  const commit = useAppStore((s) => s.commitSavedQueryDraft);
  const cancel = useAppStore((s) => s.cancelSavedQueryDraft);
  const [name, setName] = useState(props.draft.name);
  const [description, setDescription] = useState(props.draft.description);
  const [text, setText] = useState(props.draft.text);
  const [showNameError, setShowNameError] = useState(false);
  const id = useId();

  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    if (name.trim() === '') {
      setShowNameError(true);
      document.getElementById(`${id}-name`)?.focus();
      return;
    }
    commit({ name, description, text });
  };

  return (
    <form className="ws-dialog-form" onSubmit={onSubmit} noValidate>
      <h2 id={props.titleId} className="ws-dialog-title">
        {props.draft.mode === 'new' ? t('save.newTitle') : t('save.editTitle')}
      </h2>
      <label htmlFor={`${id}-name`}>{t('save.name')}</label>
      <input
        id={`${id}-name`}
        value={name}
        required
        autoFocus
        aria-invalid={showNameError && name.trim() === ''}
        aria-describedby={showNameError ? `${id}-name-error` : undefined}
        onChange={(e) => setName(e.currentTarget.value)}
      />
      {showNameError && name.trim() === '' && (
        <p id={`${id}-name-error`} className="ws-field-error">
          {t('save.nameRequired')}
        </p>
      )}
      <label htmlFor={`${id}-description`}>{t('save.description')}</label>
      <input id={`${id}-description`} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
      <label htmlFor={`${id}-text`}>{t('save.text')}</label>
      <textarea id={`${id}-text`} className="ws-dialog-text" value={text} rows={8} spellCheck={false} onChange={(e) => setText(e.currentTarget.value)} />
      <div className="ws-dialog-actions">
        <button type="button" className="button" onClick={cancel}>
          {t('save.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={text.trim() === ''}>
          {t('save.confirm')}
        </button>
      </div>
    </form>
  );
}

/**
 * The save/edit dialog of a saved query: a native modal `<dialog>`, so the page behind is
 * inert (focus stays inside), Escape closes it, and the focus returns where it was.
 */
export function SaveQueryDialog(): React.JSX.Element {
  const draft = useAppStore((s) => s.savedQueryDraft);
  const cancel = useAppStore((s) => s.cancelSavedQueryDraft);
  const dialog = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const open = draft !== null;

  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    if (open && !element.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
    } else if (!open && element.open) {
      element.close();
      returnFocus.current?.focus();
    }
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="ws-dialog"
      // The title exists only while a draft is open; a closed dialog names nothing.
      aria-labelledby={open ? titleId : undefined}
      // Escape: the browser closes the dialog; the state follows.
      onCancel={(e) => {
        e.preventDefault();
        cancel();
      }}
      onKeyDown={(e) => {
        // Keys stay in the dialog (no query cancelling behind it); Ctrl+S saves, not the page.
        e.stopPropagation();
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
          e.preventDefault();
          e.currentTarget.querySelector('form')?.requestSubmit();
        }
      }}
    >
      {draft !== null && <DialogForm key={draft.mode === 'edit' ? draft.id : 'new'} draft={draft} titleId={titleId} />}
    </dialog>
  );
}

