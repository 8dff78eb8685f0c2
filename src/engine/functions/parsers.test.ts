import { describe, expect, it } from 'vitest';
import { query, scalar, value } from './queryTestKit';
import { parsePath, parseWindowsCommandLine } from './parsers';

describe('parse_version', () => {
  it('gives each of four parts eight decimal digits', () => {
    const rows = query('datatable(v: string) ["0.0.0.5", "0.0.7.0", "0.0.3", "0.2", "0.1.2.0", "1"] | project parse_version(v)');
    expect(rows.types).toEqual(['decimal']);
    expect(rows.rows.map((r) => r[0])).toEqual([5, 700_000_000, 300_000_000, 2e16, 10_000_000_200_000_000, 1e24]);
  });

  it('is null for text that is not a version', () => {
    for (const text of ['', 'a', '1.2.3.4.5', '1..2', '-1', '123456789', '1.2a']) expect(value(`parse_version("${text}")`)).toBeNull();
  });

  it('orders versions', () => {
    expect(value('parse_version("0.2") < parse_version("1.0.0.0")')).toBe(true);
    expect(value('parse_version("1.10") > parse_version("1.9")')).toBe(true);
  });
});

describe('parse_csv', () => {
  it('splits one record with quoting and escapes', () => {
    expect(value(`parse_csv('aa,"b,b,b",cc,"Escaping quotes: ""Title""","line1\\nline2"')`))
      .toEqual(['aa', 'b,b,b', 'cc', 'Escaping quotes: "Title"', 'line1\nline2']);
    expect(value("parse_csv('record1,a,b,c\\nrecord2,x,y,z')")).toEqual(['record1', 'a', 'b', 'c']);
    expect(value("parse_csv('')")).toEqual(['']);
    expect(value("parse_csv('a,,b,')")).toEqual(['a', '', 'b', '']);
  });
});

describe('parse_path', () => {
  it('splits the documented paths', () => {
    expect(parsePath('C:\\temp\\file.txt')).toEqual({
      Scheme: '', RootPath: 'C:', DirectoryPath: 'C:\\temp', DirectoryName: 'temp', Filename: 'file.txt', Extension: 'txt', AlternateDataStreamName: '',
    });
    expect(parsePath('temp\\file.txt')).toMatchObject({ RootPath: '', DirectoryPath: 'temp', DirectoryName: 'temp', Filename: 'file.txt' });
    expect(value('parse_path("file://C:/temp/file.txt:some.exe")')).toEqual({
      Scheme: 'file', RootPath: 'C:', DirectoryPath: 'C:/temp', DirectoryName: 'temp', Filename: 'file.txt', Extension: 'txt', AlternateDataStreamName: 'some.exe',
    });
    expect(parsePath('\\\\shared\\users\\temp\\file.txt.gz')).toMatchObject({ DirectoryPath: '\\\\shared\\users\\temp', Filename: 'file.txt.gz', Extension: 'gz' });
    expect(parsePath('/usr/lib/temp/file.txt')).toMatchObject({ RootPath: '', DirectoryPath: '/usr/lib/temp', DirectoryName: 'temp' });
  });

  it('a bare file name has no directory', () => {
    expect(parsePath('file')).toMatchObject({ DirectoryPath: '', DirectoryName: '', Filename: 'file', Extension: '' });
  });
});

describe('parse_command_line', () => {
  it('splits as CommandLineToArgvW', () => {
    expect(value('parse_command_line("echo \\"hello world!\\"", "windows")')).toEqual(['echo', 'hello world!']);
    expect(parseWindowsCommandLine('"C:\\Program Files\\a.exe" -x  "y z"')).toEqual(['C:\\Program Files\\a.exe', '-x', 'y z']);
    expect(parseWindowsCommandLine('a "b\\"c" d\\\\"e f"')).toEqual(['a', 'b"c', 'd\\e f']);
    expect(parseWindowsCommandLine('a b\\c')).toEqual(['a', 'b\\c']);
    expect(parseWindowsCommandLine('a "x""y"')).toEqual(['a', 'x"y']);
    expect(value('parse_command_line("a b", "linux")')).toBeNull();
  });
});

describe('extract_json and dynamic_to_json', () => {
  const json = `'{"name": "John", "age": 30, "tags": ["a", "b"], "nested": {"x": {"y": 1.5}}}'`;
  it('selects by JSONPath, converting to the requested type', () => {
    expect(scalar(`extract_json("$.name", ${json}, typeof(string))`)).toEqual({ type: 'string', value: 'John' });
    expect(scalar(`extract_json("$.age", ${json}, typeof(long))`)).toEqual({ type: 'long', value: 30 });
    expect(value(`extract_json("$.tags[1]", ${json})`)).toBe('b');
    expect(value(`extractjson("$['nested'].x.y", ${json}, typeof(real))`)).toBe(1.5);
    expect(value(`extract_json("$.nested", ${json})`)).toBe('{"x":{"y":1.5}}');
    expect(value(`extract_json("$.missing", ${json})`)).toBe('');
    expect(value(`extract_json("$.name", ${json}, typeof(long))`)).toBeNull();
    expect(value(`extract_json("$.age", "not json", typeof(long))`)).toBeNull();
  });

  it('dynamic_to_json sorts bag members at every level', () => {
    expect(value('dynamic_to_json(dynamic({"Y10": {}, "X8": {"c3": 1, "d8": 5, "a4": 6}, "D1": 114, "A1": 12, "A14": [15, 13, 18]}))'))
      .toBe('{"A1":12,"A14":[15,13,18],"D1":114,"X8":{"a4":6,"c3":1,"d8":5},"Y10":{}}');
    expect(value('dynamic_to_json(dynamic([{"b": 1, "a": "x"}, null]))')).toBe('[{"a":"x","b":1},null]');
    expect(value('dynamic_to_json(12)')).toBe('12');
    expect(value('dynamic_to_json(dynamic(null))')).toBe('');
  });
});

describe('estimate_data_size', () => {
  it('adds the documented sizes per value', () => {
    // The binder accepts column references only.
    expect(query('print x = 1, Text = "1234567890" | project estimate_data_size(x, Text)').rows).toEqual([[18]]);
    expect(query('print a = true, b = 1.5, c = datetime(2024-01-01), d = 1s | project estimate_data_size(a, b, c, d)').rows).toEqual([[25]]);
    expect(query('print a = long(null), b = "é", g = guid(00000000-0000-0000-0000-000000000001) | project estimate_data_size(a, b, g)').rows).toEqual([[18]]);
    expect(query('T | project estimate_data_size(n)').rows.map((r) => r[0])).toEqual([8, 0, 8]);
  });
});
