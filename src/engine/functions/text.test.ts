import { describe, expect, it } from 'vitest';
import { errorCode, query, scalar, value } from './queryTestKit';
import { translateRe2 } from './regexTranslate';

describe('RE2 patterns in JavaScript', () => {
  it('rewrites leading flags, named groups, \\A, \\z and POSIX classes', () => {
    expect(translateRe2('(?i)abc')).toEqual({ source: 'abc', flags: 'i' });
    expect(translateRe2('(?is)a.b')).toEqual({ source: 'a.b', flags: 'is' });
    expect(translateRe2('(?P<year>\\d{4})')).toEqual({ source: '(?<year>\\d{4})', flags: '' });
    expect(translateRe2('[[:digit:]x]+')).toEqual({ source: '[0-9x]+', flags: '' });
    expect(translateRe2('\\Aab\\z')).toEqual({ source: '(?<![\\s\\S])ab(?![\\s\\S])', flags: '' });
  });

  it('applies them in queries', () => {
    expect(value('extract("(?i)(ERROR)", 1, "an error here")')).toBe('error');
    expect(value('"ABC" matches regex "(?i)^abc$"')).toBe(true);
    expect(value('extract("(?P<n>[[:digit:]]+)", 1, "id=42;")')).toBe('42');
  });
});

describe('extract_all', () => {
  it('one group gives strings, several give arrays', () => {
    expect(scalar('extract_all(@"(\\d+)", "a set of numbers: 123, 567 and 789")')).toEqual({ type: 'dynamic', value: ['123', '567', '789'] });
    expect(value('extract_all(@"(\\w)(\\w+)(\\w)", "ab1d-xyz")')).toEqual([['a', 'b1', 'd'], ['x', 'y', 'z']]);
    expect(value('extract_all(@"(\\w)(\\w+)(\\w)", dynamic([1,3]), "ab1d-xyz")')).toEqual([['a', 'd'], ['x', 'z']]);
    expect(value('extract_all(@"(?P<first>\\w)\\w*", dynamic(["first"]), "ab cd")')).toEqual(['a', 'c']);
  });

  it('no match is null; a pattern without groups is an error', () => {
    expect(value('extract_all(@"(\\d+)", "none")')).toBeNull();
    expect(value('extract_all(@"(\\d+)", "")')).toBeNull();
    expect(errorCode('One | project extract_all(@"\\d+", "12")')).toBe('E_RUNTIME');
  });

  it('runs per row of a column', () => {
    expect(query('T | project extract_all(@"([a-z])", s)').rows.map((r) => r[0])).toEqual([['f', 'i', 'r', 's', 't'], null, ['t', 'h', 'i', 'r', 'd']]);
  });
});

describe('other string functions', () => {
  it('translate replaces, repeats the last replacement, deletes on empty', () => {
    expect(value('translate("abc", "x", "abc")')).toBe('xxx');
    expect(value('translate("abc", "", "ab")')).toBe('');
    expect(value('translate("krasp", "otsku", "spark")')).toBe('kusto');
    expect(value('translate("", "x", "abc")')).toBe('abc');
  });

  it('regex_quote escapes metacharacters and the result matches literally', () => {
    expect(value("regex_quote('(so$me.Te^xt)')")).toBe('\\(so\\$me\\.Te\\^xt\\)');
    expect(value('"a.b*c" matches regex regex_quote("a.b*c")')).toBe(true);
  });

  it('string_size counts UTF-8 bytes', () => {
    expect(scalar('string_size("hello")')).toEqual({ type: 'long', value: 5 });
    expect(value('string_size("⒦⒰⒮⒯⒪")')).toBe(15);
    expect(value('string_size("")')).toBe(0);
  });

  it('strcat_array joins elements as text', () => {
    expect(value('strcat_array(dynamic([1, 2, 3]), "->")')).toBe('1->2->3');
    expect(value(`strcat_array(dynamic(["a", null, true, {"k":1}]), '"')`)).toBe('a""true"{"k":1}');
    expect(value('strcat_array(dynamic([]), ",")')).toBe('');
  });

  it('strcmp and unicode code points', () => {
    expect(value('strcmp("abc", "abd")')).toBe(-1);
    expect(value('strcmp("b", "a")')).toBe(1);
    expect(value('strcmp("", "")')).toBe(0);
    expect(value('unicode_codepoints_from_string("Kö😀")')).toEqual([75, 246, 128512]);
    expect(value('unicode_codepoints_to_string(dynamic([75, 246, 128512]))')).toBe('Kö😀');
  });
});

describe('has_any / has_all', () => {
  it('match whole terms case-insensitively, with lists and dynamic arrays', () => {
    expect(value('"North America" has_any ("america", "europe")')).toBe(true);
    expect(value('"North America" has_any ("amer", "europe")')).toBe(false);
    expect(value('"North America" has_any (dynamic(["x", "NORTH"]))')).toBe(true);
    expect(value('"North America" has_all ("north", "america")')).toBe(true);
    expect(value('"North America" has_all ("north", "asia")')).toBe(false);
    expect(value('"abc" has_any (dynamic([]))')).toBe(false);
  });

  it('filter rows of a column', () => {
    expect(query('T | where s has_any ("first", "third") | project s').rows).toEqual([['first'], ['third']]);
    expect(query('T | where s !has_cs "x" and s has_all ("third") | count').rows).toEqual([[1]]);
  });
});

describe('unicode_codepoints_to_string with several values', () => {
  it('accepts numbers and arrays mixed; an invalid code point gives the empty string', () => {
    expect(value('unicode_codepoints_to_string(75, 117, dynamic([115, 116]), 111)')).toBe('Kusto');
    expect(value('unicode_codepoints_to_string(dynamic([-1]))')).toBe('');
  });
});
