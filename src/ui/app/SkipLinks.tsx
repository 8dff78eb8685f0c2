/**
 * Skip links: the first Tab stops of the page, hidden until focused. They jump past the side
 * panel and toolbars straight into the query editor or the results (WCAG 2.4.1, bypass blocks).
 */
import type { JSX, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EDITOR_AREA_ID, RESULTS_AREA_ID } from './areaIds';
import './skipLinks.css';

/** The element of an area that should take the focus: the editor's text box, the results grid, else the first tab stop. */
function focusTargetIn(area: HTMLElement): HTMLElement | null {
  // In order of preference (one query per selector: a selector list would pick the first in document order).
  const selectors = ['textarea', '[role="grid"]', '[role="tab"][aria-selected="true"]', 'button:not(:disabled), [tabindex="0"], input, select, a[href]'];
  for (const selector of selectors) {
    const found = area.querySelector<HTMLElement>(selector);
    if (found !== null) return found;
  }
  return null;
}

function jumpTo(areaId: string) {
  return (event: MouseEvent<HTMLAnchorElement>): void => {
    const area = document.getElementById(areaId);
    if (area === null) return; // the link's own #fragment still scrolls there
    event.preventDefault();
    const target = focusTargetIn(area) ?? area;
    // Why tabIndex -1 on the fallback: a <section> takes the focus only when it is focusable.
    if (target === area && !area.hasAttribute('tabindex')) area.tabIndex = -1;
    target.focus();
  };
}

/** "Skip to editor" and "Skip to results" links. */
export function SkipLinks(): JSX.Element {
  const { t } = useTranslation('app');
  return (
    <nav className="skip-links" aria-label={t('layout.skipLinks')}>
      <a className="skip-link" href={`#${EDITOR_AREA_ID}`} onClick={jumpTo(EDITOR_AREA_ID)}>
        {t('layout.skipToEditor')}
      </a>
      <a className="skip-link" href={`#${RESULTS_AREA_ID}`} onClick={jumpTo(RESULTS_AREA_ID)}>
        {t('layout.skipToResults')}
      </a>
    </nav>
  );
}
