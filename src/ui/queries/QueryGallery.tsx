import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state';
import type { GalleryQuery, GallerySource } from './gallery';
import { GALLERY_QUERIES } from './gallery';
import { SavedQueries } from './SavedQueries';
import './queries.css';

function GalleryEntry(props: { readonly query: GalleryQuery }): React.JSX.Element {
  const { t } = useTranslation('app');
  const loadAndRun = useAppStore((s) => s.loadAndRun);
  const { id, text } = props.query;
  const description = t(`gallery.items.${id}.description`);
  // The description sits inside the button (the whole entry is clickable) but only the
  // title names it; the description is its accessible description.
  return (
    <li>
      <button
        type="button"
        className="gallery-entry"
        onClick={() => loadAndRun(text)}
        aria-labelledby={`gallery-${id}-title`}
        aria-describedby={`gallery-${id}-description`}
      >
        <span id={`gallery-${id}-title`} className="gallery-title">
          {t(`gallery.items.${id}.title`)}
        </span>
        <span id={`gallery-${id}-description`} className="gallery-description">
          {description}
        </span>
      </button>
    </li>
  );
}

function GalleryGroup(props: { readonly source: GallerySource; readonly heading: string }): React.JSX.Element {
  return (
    <>
      <h3 className="gallery-heading">{props.heading}</h3>
      <ul className="gallery-list">
        {GALLERY_QUERIES.filter((q) => q.source === props.source).map((q) => (
          <GalleryEntry key={q.id} query={q} />
        ))}
      </ul>
    </>
  );
}

/**
 * Up/Down (and Home/End) move the focus between the gallery's entries, so a keyboard user
 * need not Tab through every entry's buttons; Tab still reaches everything.
 */
function moveBetweenEntries(event: KeyboardEvent<HTMLElement>): void {
  const from = event.target as HTMLElement;
  if (!from.classList.contains('gallery-entry')) return;
  const entries = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('.gallery-entry'));
  const index = entries.indexOf(from);
  let next: HTMLElement | undefined;
  switch (event.key) {
    case 'ArrowDown':
      next = entries[index + 1];
      break;
    case 'ArrowUp':
      next = entries[index - 1];
      break;
    case 'Home':
      next = entries[0];
      break;
    case 'End':
      next = entries.at(-1);
      break;
    default:
      return;
  }
  event.preventDefault();
  next?.focus();
}

/** The query gallery (saved queries, then the samples): clicking an entry replaces the editor text with it and runs it. */
export function QueryGallery(): React.JSX.Element {
  const { t } = useTranslation('app');
  return (
    <section className="gallery" aria-label={t('gallery.label')} onKeyDown={moveBetweenEntries}>
      <SavedQueries />
      <GalleryGroup source="docs" heading={t('gallery.fromDocs')} />
      <GalleryGroup source="ours" heading={t('gallery.ours')} />
    </section>
  );
}
