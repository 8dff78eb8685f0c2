import { describe, expect, it } from 'vitest';
import { formatKqlFile, kqlFileName, nameFromFileName, parseKqlFile } from './kqlFiles';

describe('.kql files', () => {
  it('reads a file without headers as one query named after the file', () => {
    expect(parseKqlFile('dir/Failed logins.kql', '\r\nContainerRegistryLoginEvents\r\n| take 5\r\n\r\n')).toEqual([
      { name: 'Failed logins', description: '', text: 'ContainerRegistryLoginEvents\n| take 5' },
    ]);
    expect(parseKqlFile('empty.kql', '  \n\n')).toEqual([]);
  });

  it('splits a file at its name headers and reads descriptions', () => {
    const content = ['// name: First', '// description: The first one', 'A', '| take 1', '', '//name:Second', 'B', '', '// a comment', 'C'].join('\n');
    expect(parseKqlFile('all.kql', content)).toEqual([
      { name: 'First', description: 'The first one', text: 'A\n| take 1' },
      { name: 'Second', description: '', text: 'B\n\n// a comment\nC' },
    ]);
  });

  it('reads back what it exports', () => {
    const queries = [
      { name: 'One', description: 'multi\nline', text: 'T | where x == "é"' },
      { name: 'Two', description: '', text: 'U\n| count' },
    ];
    expect(parseKqlFile('export.kql', formatKqlFile(queries))).toEqual([
      { ...queries[0], description: 'multi line' },
      queries[1],
    ]);
  });

  it('makes safe file names', () => {
    expect(kqlFileName('a/b: c?')).toBe('a_b_ c_.kql');
    expect(kqlFileName('  ')).toBe('query.kql');
    expect(nameFromFileName('x.tar.kql')).toBe('x.tar');
  });
});
