import type { TFunction } from 'i18next';

/** A tab's shown title: the user's, or "Query N". */
export function tabLabel(t: TFunction<'workspace'>, tab: { readonly number: number; readonly title: string | null }): string {
  return tab.title ?? t('tabs.untitled', { number: tab.number });
}
