import { describe, expect, it } from 'vitest';
import { app } from '../i18n/en/app';
import { GALLERY_QUERIES, INITIAL_QUERY } from './gallery';

describe('query gallery', () => {
  it('has the six documented queries first, then ours, with unique ids', () => {
    expect(GALLERY_QUERIES.map((q) => q.source)).toEqual(['docs', 'docs', 'docs', 'docs', 'docs', 'docs', 'ours', 'ours']);
    expect(new Set(GALLERY_QUERIES.map((q) => q.id)).size).toBe(GALLERY_QUERIES.length);
  });

  it('has a title and a one-line description for every entry', () => {
    for (const q of GALLERY_QUERIES) {
      const messages = app.gallery.items[q.id];
      expect(messages.title.length, q.id).toBeGreaterThan(0);
      expect(messages.description, q.id).not.toMatch(/\n/);
    }
  });

  it('keeps the documentation titles', () => {
    const titles = GALLERY_QUERIES.filter((q) => q.source === 'docs').map((q) => app.gallery.items[q.id].title);
    expect(titles).toEqual([
      'Error events from the last hour',
      '100 most recent registry events',
      'Identity of user or object that deleted repository',
      'Identity of user or object that deleted tag',
      'Repository-level operation failures',
      'Registry authentication failures',
    ]);
  });

  it('keeps the documentation whitespace: the tab before `or` and the trailing spaces', () => {
    const byId = new Map(GALLERY_QUERIES.map((q) => [q.id, q.text]));
    expect(byId.get('errorEventsLastHour')).toContain('records\n\tor SeverityLevel== "err" //');
    expect(byId.get('recentRegistryEvents')).toContain('Region , ResultType');
    expect(byId.get('repositoryFailures')?.split('\n')[0]).toBe('ContainerRegistryRepositoryEvents ');
    expect(byId.get('authenticationFailures')?.split('\n')[0]).toBe('ContainerRegistryLoginEvents ');
  });

  it('has no blank line inside a query, so each entry runs as one block', () => {
    for (const q of GALLERY_QUERIES) expect(q.text, q.id).not.toMatch(/\n\s*\n/);
  });

  it('draws our charts with render timechart', () => {
    for (const q of GALLERY_QUERIES.filter((g) => g.source === 'ours')) expect(q.text, q.id).toMatch(/\| render timechart$/);
  });

  it('opens the page with the "100 most recent registry events" query', () => {
    expect(INITIAL_QUERY).toMatch(/^ContainerRegistryRepositoryEvents\n\| union ContainerRegistryLoginEvents\n\| top 100 by TimeGenerated/);
  });
});
