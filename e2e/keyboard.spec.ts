import type { Locator, Page } from '@playwright/test';
import { test, expect, openExplorer, setQuery, recordCount, resultsGrid, editor } from './fixtures';
import { LAST_30_DAYS, storeTimeSettings } from './timeSettings';

// Keyboard and ARIA (issue 6, point 7): shortcuts, a keyboard-only journey, accessible names
// and visible focus. The data-heavy tests count over the whole sample, so the stored range is
// Last 30 days (the default Last 24 hours would see a seventh of it).
test.beforeEach(async ({ page }) => {
  await storeTimeSettings(page, LAST_30_DAYS);
});

// Keeps the engine busy for many seconds (the pattern of cancel.spec.ts): 5.6M rows grouped by
// high-cardinality keys. If the engine ever finishes it before Escape lands, make it heavier.
const SLOW_QUERY = [
  'ContainerRegistryRepositoryEvents',
  `| union ${Array.from({ length: 100 }, () => 'ContainerRegistryRepositoryEvents').join(', ')}`,
  '| summarize dcount(CorrelationId), count() by CorrelationId, Digest, DurationMs, bin(TimeGenerated, 1s)',
].join('\n');

/** Role and accessible-name-ish description of the focused element, for assertions and messages. */
async function focused(page: Page): Promise<{ role: string; label: string; inDialog: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (el === null) return { role: 'none', label: '', inDialog: false };
    const labelledBy = el.getAttribute('aria-labelledby');
    const label = el.getAttribute('aria-label') ?? (labelledBy === null ? null : document.getElementById(labelledBy.split(' ')[0])?.textContent) ?? el.textContent ?? '';
    return { role: el.getAttribute('role') ?? el.tagName.toLowerCase(), label: label.trim(), inDialog: el.closest('dialog[open]') !== null };
  });
}

/** Presses `key` until the focused element satisfies `done` (at most `max` presses); fails if it never does. */
async function pressUntil(page: Page, key: string, done: (f: { role: string; label: string }) => boolean, max = 60): Promise<void> {
  const trail: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    trail.push(`${f.role}:${f.label.slice(0, 30)}`);
    if (done(f)) return;
  }
  throw new Error(`never reached the element with ${key}; focus went through: ${trail.join(' | ')}`);
}

/**
 * Puts the keyboard's starting point at the top of the page, as after a fresh load: the next Tab
 * goes to the first Tab stop. (A bare blur() would leave Chrome's starting point where the focus was.)
 */
async function focusPageStart(page: Page): Promise<void> {
  await page.evaluate(() => {
    const start = document.createElement('div');
    start.tabIndex = -1;
    document.body.prepend(start);
    start.focus();
    start.addEventListener('blur', () => start.remove(), { once: true });
  });
}

const INTERACTIVE = 'button, [role=button], a[href], input, select, textarea, [role=tab], [role=menuitem], [role=treeitem], [role=checkbox], [role=radio], summary';

/**
 * Every visible interactive element in `scope` has a non-empty accessible name (as the browser
 * computes it: aria-labelledby, aria-label, label, content, title). Returns the ones without.
 */
async function unnamedControls(scope: Locator): Promise<string[]> {
  const controls = scope.locator(INTERACTIVE).filter({ visible: true });
  const count = await controls.count();
  expect(count, 'interactive elements found').toBeGreaterThan(0);
  const unnamed: string[] = [];
  for (let i = 0; i < count; i++) {
    const control = controls.nth(i);
    try {
      await expect(control).toHaveAccessibleName(/\S/, { timeout: 500 });
    } catch {
      unnamed.push(await control.evaluate((el) => el.outerHTML.slice(0, 160)));
    }
  }
  return unnamed;
}

test('Shift+Enter and Ctrl+Enter both run the query under the cursor', async ({ page }) => {
  await openExplorer(page);
  await setQuery(page, 'ContainerRegistryLoginEvents\n| take 7');
  await page.keyboard.press('Shift+Enter');
  await expect.poll(() => recordCount(page)).toBe(7);
  // The editor keeps the text as typed: Shift+Enter ran it instead of inserting a line.
  await expect(editor(page)).toBeFocused();

  await setQuery(page, 'ContainerRegistryLoginEvents\n| take 4');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => recordCount(page)).toBe(4);
});

test('Escape cancels a running query, in the editor and elsewhere on the page', async ({ page }) => {
  await openExplorer(page);
  const results = page.getByRole('region', { name: 'Results' });
  const cancel = page.getByRole('button', { name: 'Cancel', exact: true });

  await setQuery(page, SLOW_QUERY);
  await page.keyboard.press('Shift+Enter');
  await expect(cancel).toBeEnabled();
  await page.keyboard.press('Escape'); // the focus is in the editor
  await expect(results).toContainText(/cancelled/i);
  await expect(cancel).toBeDisabled();

  // Again with the focus on the Run button: Escape is page-wide.
  const run = page.getByRole('button', { name: 'Run', exact: true });
  await run.focus();
  await page.keyboard.press('Enter');
  await expect(cancel).toBeEnabled();
  await expect(results).not.toContainText(/cancelled/i);
  await page.keyboard.press('Escape');
  await expect(results).toContainText(/cancelled/i);
  await expect(cancel).toBeDisabled();
});

test('Ctrl+S opens the save dialog: the focus stays inside, Escape closes it and the focus returns', async ({ page }) => {
  await openExplorer(page);
  await setQuery(page, 'ContainerRegistryLoginEvents\n| take 3');
  await page.keyboard.press('Control+S');
  const dialog = page.getByRole('dialog', { name: 'Save query' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await expect(dialog.getByRole('textbox', { name: 'Query' })).toHaveValue('ContainerRegistryLoginEvents\n| take 3');

  // Tab and Shift+Tab never leave the modal dialog (the page behind is inert).
  for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    const f = await focused(page);
    // The browser chrome may take the focus for one step (document.body): it must come back to the dialog.
    expect(f.inDialog || f.role === 'body', `focus after ${key}: ${f.role} ${f.label}`).toBe(true);
  }
  await dialog.getByRole('textbox', { name: 'Name' }).focus();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(editor(page)).toBeFocused();

  // Ctrl+S works from anywhere on the page, not only in the editor.
  await page.getByRole('button', { name: 'Copy link' }).focus();
  await page.keyboard.press('Control+S');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeFocused();
});

test('keyboard only: gallery, grid, row details and the Chart tab', async ({ page }) => {
  await openExplorer(page);
  // A one-row result first, so the gallery's run is seen to replace it.
  await setQuery(page, 'print Marker = 1');
  await page.keyboard.press('Shift+Enter');
  await expect.poll(() => recordCount(page)).toBe(1);
  await focusPageStart(page);

  // The first Tab stop is the skip link; then on to the side panel's tabs.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to editor' })).toBeFocused();
  await pressUntil(page, 'Tab', (f) => f.role === 'tab' && f.label === 'Tables', 15);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Queries' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Queries' })).toBeFocused();
  const gallery = page.getByRole('region', { name: 'Query gallery' });
  await expect(gallery).toBeVisible();

  // Tab into the gallery, arrow down to "100 most recent registry events", Enter runs it.
  await pressUntil(page, 'Tab', (f) => f.label === 'Error events from the last hour', 10);
  await page.keyboard.press('ArrowDown');
  await expect(gallery.getByRole('button', { name: '100 most recent registry events' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Query' }).locator('.monaco-editor .view-lines')).toContainText('ContainerRegistryRepositoryEvents');
  await expect.poll(() => recordCount(page)).toBe(100);

  // On to the grid with Tab only.
  const grid = resultsGrid(page);
  await pressUntil(page, 'Tab', (f) => f.role === 'grid', 40);
  await expect(grid).toBeFocused();
  // The first cell is active; arrows move the active cell (aria-activedescendant).
  const activeText = () => grid.evaluate((g) => document.getElementById(g.getAttribute('aria-activedescendant') ?? '')?.textContent ?? null);
  const cellText = (row: number, col: number) => grid.getByRole('row').nth(row).getByRole('gridcell').nth(col).textContent();
  await expect.poll(activeText).toBe(await cellText(1, 0));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(activeText).toBe(await cellText(3, 2));
  await page.keyboard.press('ArrowLeft');
  await expect.poll(activeText).toBe(await cellText(3, 1));
  expect(await cellText(3, 1)).not.toBe(await cellText(3, 2));

  // Enter opens the active row's details; Escape closes them and the grid keeps the focus.
  await page.keyboard.press('Enter');
  const details = page.getByRole('region', { name: 'Row details' });
  await expect(details).toBeVisible();
  await expect(details.getByRole('heading')).toHaveText('Row 3');
  await expect(grid).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await expect(grid).toBeFocused();

  // From inside the details too: Tab into them, Escape closes them and the focus returns to the grid.
  await page.keyboard.press('Enter');
  await expect(details).toBeVisible();
  await pressUntil(page, 'Tab', (f) => f.label === 'Close row details', 15);
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await expect(grid).toBeFocused();
  await expect.poll(activeText).toBe(await cellText(3, 1));

  // Back to the results tabs with Shift+Tab, and to the Chart tab with an arrow key.
  await pressUntil(page, 'Shift+Tab', (f) => f.role === 'tab' && f.label === 'Results', 10);
  await page.keyboard.press('ArrowRight');
  const chartTab = page.getByRole('tab', { name: 'Chart' });
  await expect(chartTab).toBeFocused();
  await expect(chartTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Chart' })).toBeVisible();
  await expect(page.getByRole('tabpanel', { name: 'Chart' }).getByRole('combobox', { name: 'Chart type' })).toBeVisible();
});

test('Tab in the editor accepts a completion, else moves the focus on; Ctrl+M makes it indent', async ({ page }) => {
  await openExplorer(page);
  const lines = page.getByRole('region', { name: 'Query' }).locator('.monaco-editor .view-lines');
  await setQuery(page, 'ContainerRegistryLog');
  const suggestion = page.locator('.monaco-editor .suggest-widget .monaco-list-row', { hasText: 'ContainerRegistryLoginEvents' }).first();
  // The language worker may still be starting (or learning the schema): ask again until it answers.
  await expect(async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Space');
    await expect(suggestion).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 40_000 });
  await page.keyboard.press('Tab');
  await expect(lines).toContainText(/^ContainerRegistryLoginEvents\b/);
  await expect(editor(page)).toBeFocused();

  // The completion may open again after the inserted pipe: Escape closes it. With no completion
  // open, Tab leaves the editor (no keyboard trap) and Shift+Tab comes back.
  await page.keyboard.press('Escape');
  await expect(page.locator('.monaco-editor .suggest-widget.visible')).toHaveCount(0);
  await page.keyboard.press('Tab');
  await expect(editor(page)).not.toBeFocused();
  await expect(page.getByRole('separator', { name: 'Resize editor and results' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(editor(page)).toBeFocused();

  // Ctrl+M: Tab inserts a tab character instead.
  // Ctrl+M: Tab indents instead (Monaco inserts spaces for a tab, as configured).
  const before = await editor(page).inputValue();
  await page.keyboard.press('Control+M');
  await page.keyboard.press('Tab');
  await expect(editor(page)).toBeFocused();
  await expect.poll(async () => (await editor(page).inputValue()).length).toBeGreaterThan(before.length);
  expect((await editor(page).inputValue()).trimEnd()).toBe(before.trimEnd());
});

test('the skip links jump to the editor and to the results grid', async ({ page }) => {
  await openExplorer(page);
  await focusPageStart(page);
  await page.keyboard.press('Tab');
  const toEditor = page.getByRole('link', { name: 'Skip to editor' });
  await expect(toEditor).toBeFocused();
  await expect(toEditor).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(editor(page)).toBeFocused();

  await focusPageStart(page);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to results' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(resultsGrid(page)).toBeFocused();
});

test('the schema tree, the time picker and the results menus work from the keyboard', async ({ page }) => {
  await openExplorer(page);
  // Schema tree: arrows move, Right expands, Left collapses, Enter inserts the name at the caret.
  await setQuery(page, '');
  const tree = page.getByRole('tree', { name: 'Loaded tables' });
  const first = tree.getByRole('treeitem').first();
  await first.focus();
  const firstName = (await first.getAttribute('aria-label')) ?? '';
  await page.keyboard.press('ArrowDown');
  const second = tree.getByRole('treeitem').nth(1);
  await expect(second).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(second).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  const column = second.getByRole('group').getByRole('treeitem').first();
  await expect(column).toBeFocused();
  // The tree is one Tab stop, the item focused last.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(column).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(second).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(second).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Home');
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Query' }).locator('.monaco-editor .view-lines')).toContainText(firstName);

  // Time picker: opens with Enter, arrows choose a preset without closing, Escape closes and returns the focus.
  const pickerButton = page.getByRole('button', { name: /^Time range:/ });
  await pickerButton.focus();
  await page.keyboard.press('Enter');
  const picker = page.getByRole('dialog', { name: 'Time range' });
  await expect(picker).toBeVisible();
  const radios = picker.getByRole('radio');
  await expect(radios.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(radios.nth(2)).toBeChecked();
  await expect(picker).toBeVisible();
  const chosen = ((await radios.nth(2).evaluate((r) => r.parentElement?.textContent)) ?? '').trim();
  await page.keyboard.press('Escape');
  await expect(picker).toHaveCount(0);
  await expect(pickerButton).toBeFocused();
  await expect(pickerButton).toHaveText(`Time range: ${chosen}`);

  // Column chooser: Enter opens it with the focus inside; Escape closes it and returns the focus.
  const columnsButton = page.getByRole('button', { name: 'Columns', exact: true });
  await columnsButton.focus();
  await page.keyboard.press('Enter');
  const chooser = page.getByRole('dialog', { name: 'Choose columns' });
  await expect(chooser).toBeVisible();
  await expect(chooser.getByRole('checkbox').first()).toBeFocused();
  await page.keyboard.press('Space');
  await expect(chooser.getByRole('checkbox').first()).not.toBeChecked();
  await page.keyboard.press('Escape');
  await expect(chooser).toHaveCount(0);
  await expect(columnsButton).toBeFocused();

  // Export menu: arrows move between its items; Escape closes it.
  const exportButton = page.getByRole('button', { name: 'Export', exact: true });
  await exportButton.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: /export/i });
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem').nth(1)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(exportButton).toBeFocused();

  // A column header resizes its column with Shift+Left/Right.
  const grid = resultsGrid(page);
  const header = grid.getByRole('columnheader').nth(1);
  const widthBefore = (await header.boundingBox())?.width ?? 0;
  await header.getByRole('button').focus();
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(async () => (await header.boundingBox())?.width).toBe(widthBefore + 32);
  await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(async () => (await header.boundingBox())?.width).toBe(widthBefore + 16);

  // Cell menu: Shift+F10 in the grid opens it, Escape closes it back to the grid.
  await grid.focus();
  await page.keyboard.press('Shift+F10');
  const cellMenu = page.getByRole('menu', { name: /cell/i });
  await expect(cellMenu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(cellMenu).toHaveCount(0);
  await expect(grid).toBeFocused();
});

test('every interactive element has an accessible name and every ARIA reference resolves, in every panel and popup', async ({ page }) => {
  await openExplorer(page);
  const problems: Record<string, string[]> = {};
  const audit = async (state: string, scope: Locator = page.locator('body')): Promise<void> => {
    const unnamed = await unnamedControls(scope);
    // ARIA references must name elements that exist (a tab's aria-controls, a label's id, ...).
    const dangling = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[aria-controls], [aria-labelledby], [aria-describedby], [aria-activedescendant]')).flatMap((el) =>
        ['aria-controls', 'aria-labelledby', 'aria-describedby', 'aria-activedescendant'].flatMap((attr) =>
          (el.getAttribute(attr) ?? '')
            .split(/\s+/)
            .filter((id) => id !== '' && document.getElementById(id) === null)
            .map((id) => `${attr}="${id}" on ${el.outerHTML.slice(0, 100)}`),
        ),
      ),
    );
    if (unnamed.length + dangling.length > 0) problems[state] = [...unnamed, ...dangling];
  };

  await audit('page with results');
  await page.getByRole('tree', { name: 'Loaded tables' }).getByRole('treeitem').first().focus();
  await page.keyboard.press('ArrowRight');
  await audit('schema tree expanded');
  await page.getByRole('tab', { name: 'Queries' }).click();
  await audit('query gallery');
  await page.getByRole('tab', { name: 'History' }).click();
  await audit('history');

  await page.getByRole('button', { name: /^Time range:/ }).click();
  await page.getByRole('dialog', { name: 'Time range' }).getByRole('radio', { name: 'Custom' }).check();
  await audit('time picker with a custom range', page.getByRole('dialog', { name: 'Time range' }));
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Columns', exact: true }).click();
  await audit('column chooser', page.getByRole('dialog', { name: 'Choose columns' }));
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await audit('export menu', page.getByRole('menu'));
  await page.keyboard.press('Escape');
  await resultsGrid(page).getByRole('gridcell').first().click({ button: 'right' });
  await audit('cell menu', page.getByRole('menu'));
  await page.keyboard.press('Escape');

  // Row details with a dynamic value (a JSON tree of buttons).
  await setQuery(page, 'print Info = dynamic({"a": {"b": [1, 2]}, "c": "d"}), Name = "x"');
  await page.keyboard.press('Shift+Enter');
  await expect.poll(() => recordCount(page)).toBe(1);
  await resultsGrid(page).getByRole('button', { name: 'Show details of row 1' }).click();
  await expect(page.getByRole('region', { name: 'Row details' })).toBeVisible();
  await audit('row details');

  // The chart panel (controls, legend).
  await setQuery(page, 'ContainerRegistryRepositoryEvents\n| summarize count() by bin(TimeGenerated, 1d), OperationName\n| render timechart');
  await page.keyboard.press('Shift+Enter');
  await expect(page.getByRole('tab', { name: 'Chart' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Chart' }).getByRole('list', { name: /legend/i })).toBeVisible();
  await page.getByRole('tabpanel', { name: 'Chart' }).locator('summary').first().click();
  await audit('chart panel');

  await page.keyboard.press('Control+S');
  await audit('save dialog', page.getByRole('dialog', { name: 'Save query' }));
  await page.keyboard.press('Escape');

  expect(problems).toEqual({});
});

for (const scheme of ['light', 'dark'] as const) {
  test(`every Tab stop shows a visible focus indicator in the ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openExplorer(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    await focusPageStart(page);
    const missing: string[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < 45; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (el === null || el === document.body) return null;
        const ring = (style: CSSStyleDeclaration): boolean =>
          (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) || (style.boxShadow !== 'none' && style.boxShadow !== '');
        const own = getComputedStyle(el);
        // Components that show focus elsewhere: Monaco through the editor pane's ring, a tree
        // item on its row, the splitter by its colour.
        const pane = el.closest('.editor-pane');
        const row = el.querySelector(':scope > .schema-row');
        const shown =
          ring(own) ||
          (pane !== null && ring(getComputedStyle(pane, '::after'))) ||
          (row !== null && ring(getComputedStyle(row))) ||
          (el.classList.contains('splitter') && own.backgroundColor !== getComputedStyle(document.body).backgroundColor);
        const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? '';
        return { id: `${el.tagName}:${el.getAttribute('role') ?? ''}:${name}`, shown };
      });
      if (stop === null) continue;
      if (seen.has(stop.id)) break; // wrapped around the page
      seen.add(stop.id);
      if (!stop.shown) missing.push(stop.id);
    }
    expect(seen.size, `${scheme}: tab stops visited`).toBeGreaterThan(15);
    expect(missing, `${scheme}: tab stops without a visible focus indicator`).toEqual([]);
  });
}
