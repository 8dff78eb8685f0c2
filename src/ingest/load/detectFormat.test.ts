import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectContainer, detectFormat, SNIFF_BYTES } from './detectFormat';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../testdata/shared/${name}`, import.meta.url)));
const testdata = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../testdata/${name}`, import.meta.url)));

describe('detectFormat: the shared fixtures', () => {
  it.each([
    ['loganalytics-api-response-oms-get-example.json', 'loganalytics-api'],
    ['kusto-v1-response-adminthenquery.json', 'adx-v1'],
    ['kusto-v2-response-deft.json', 'adx-v2'],
    ['az-cli-log-analytics-query-output.json', 'az-cli'],
    ['acr-docs-screenshot-rows.csv', 'csv'],
    ['sentinel-syslog-watchguard-all-columns.head.csv', 'csv'],
    ['sentinel-awscloudtrail-all-columns-engb.head.csv', 'csv'],
  ])('%s is %s', (name, format) => {
    const detection = detectFormat(fixture(name), name);
    expect(detection).toEqual({ format });
  });
});

describe('detectFormat: resource logs', () => {
  it('reads PT1H.json JSON Lines even when the first line is broken', () => {
    expect(detectFormat(testdata('pt1h-mixed.json'), 'PT1H.json')).toEqual({ format: 'resource-log-jsonl' });
    expect(detectFormat(testdata('pt1h-crlf.json'), 'PT1H.json')).toEqual({ format: 'resource-log-jsonl' });
    const brokenFirst = '{"time":"2024-05-01T00:00:00Z","cat\n{"time":"2024-05-01T00:00:00Z","category":"ContainerRegistryLoginEvents"}\n';
    expect(detectFormat(utf8(brokenFirst), 'PT1H.json')).toEqual({ format: 'resource-log-jsonl' });
  });

  it('reads metric records as resource logs', () => {
    expect(detectFormat(utf8('{"count":1,"total":1,"time":"2024-05-01T00:00:00Z","metricName":"TotalPullCount"}\n'), 'PT1H.json')).toEqual({ format: 'resource-log-jsonl' });
  });

  it('reads {"records":[...]} documents, pretty-printed or on one line, with a BOM', () => {
    expect(detectFormat(testdata('records-legacy.json'), 'PT1H.json')).toEqual({ format: 'resource-log-records' });
    expect(detectFormat(utf8('\uFEFF  {"records":[{"time":"x"}]}{"records":[]}'), 'hub.json')).toEqual({ format: 'resource-log-records' });
  });

  it('tells other JSON Lines from resource logs', () => {
    expect(detectFormat(utf8('{"a":1,"b":"x"}\n{"a":2}\n'), 'app.ndjson')).toEqual({ format: 'ndjson' });
  });
});

describe('detectFormat: query responses and arrays', () => {
  it('reads responses from their first key and arrays from their first element', () => {
    expect(detectFormat(utf8('{"tables":[{"name":"PrimaryResult","columns":[],"rows":[]}]}'), 'r.json')).toEqual({ format: 'loganalytics-api' });
    expect(detectFormat(utf8('{"Tables":[{"TableName":"Table_0","Columns":[],"Rows":[]}]}'), 'r.json')).toEqual({ format: 'adx-v1' });
    expect(detectFormat(utf8('[{"FrameType":"DataSetHeader","Version":"v2.0"}]'), 'r.json')).toEqual({ format: 'adx-v2' });
    expect(detectFormat(utf8('[{"Computer":"a","TableName":"PrimaryResult"}]'), 'r.json')).toEqual({ format: 'az-cli' });
    expect(detectFormat(utf8('[{"Computer":"a"},{"TableName":"x"}]'), 'r.json')).toEqual({ format: 'json-array' });
    expect(detectFormat(utf8('[]'), 'r.json')).toEqual({ format: 'json-array' });
  });

  it('decides a head that is not the whole file from the keys it sees', () => {
    const head = utf8(`{\n  "statistics": {},\n  "tables": [ { "name": "PrimaryResult", "rows": [ ${'[1],'.repeat(10)}`);
    expect(detectFormat(head, 'big.json', false)).toEqual({ format: 'loganalytics-api' });
  });
});

describe('detectFormat: delimited text', () => {
  it('chooses TSV when tabs outnumber commas outside quotes, or by extension', () => {
    expect(detectFormat(utf8('a\tb\t"c,d"\n1\t2\t3\n'), 'x.txt')).toEqual({ format: 'tsv' });
    expect(detectFormat(utf8('a,b\n1,2\n'), 'x.tsv')).toEqual({ format: 'tsv' });
    expect(detectFormat(utf8('"a\tb",c,d\n'), 'x.txt')).toEqual({ format: 'csv' });
    expect(detectFormat(utf8('OnlyColumn\nvalue\n'), 'x.csv')).toEqual({ format: 'csv' });
  });
});

describe('detectFormat: wrong files', () => {
  const cases: [string, Uint8Array, RegExp][] = [
    ['PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), /PNG image/],
    ['JPEG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), /JPEG image/],
    ['GIF', utf8('GIF89a....'), /GIF image/],
    ['PDF', utf8('%PDF-1.7\n%âãÏÓ'), /PDF document/],
    ['binary', new Uint8Array([0x41, 0x42, 0x00, 0x43]), /binary file \(it holds NUL bytes\)/],
    ['invalid UTF-8', new Uint8Array([0x41, 0xc3, 0x28, 0x42]), /not UTF-8/],
    ['UTF-16', new Uint8Array([0xff, 0xfe, 0x7b, 0x00]), /UTF-16/],
    ['nested zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]), /nested archives/],
    ['truncated JSON object', utf8('{\n  "tables": [\n    {"name": "PrimaryResult",\n'), /truncated/],
    ['truncated JSON array', utf8('[\n {"FrameType": "DataSetHeader"},\n {"FrameType": "Data'), /truncated/],
    ['truncated single record', utf8('{"time":"2024-05-01T00:00:00Z","category":"Contai'), /truncated/],
    ['unknown JSON object', utf8('{\n  "hello": "world"\n}\n'), /not a known log format/],
    ['plain text', utf8('just some words\nmore words\n'), /not a recognised log format/],
    ['HTML', utf8('<!doctype html><html></html>'), /XML or HTML/],
  ];
  it.each(cases)('%s gives a clear error', (_name, bytes, message) => {
    const detection = detectFormat(bytes, 'file.json');
    expect(detection.format).toBe('unknown');
    expect(detection.error).toMatch(message);
  });

  it('reports empty and blank files', () => {
    expect(detectFormat(new Uint8Array(0), 'a.json')).toEqual({ format: 'empty', error: 'the file is empty' });
    expect(detectFormat(utf8('\uFEFF \r\n\t\n'), 'a.json')).toEqual({ format: 'empty', error: 'the file is empty' });
  });

  it('does not call a head cut inside a multi-byte character invalid UTF-8', () => {
    const text = `{"time":"2024-05-01T00:00:00Z","category":"ContainerRegistryLoginEvents","identity":"józef"}\n`.repeat(2000);
    const bytes = utf8(text);
    const cut = bytes.subarray(0, bytes.indexOf(0xc3, 1000) + 1);
    expect(detectFormat(cut, 'PT1H.json', false)).toEqual({ format: 'resource-log-jsonl' });
    expect(SNIFF_BYTES).toBe(65536);
  });
});

describe('detectContainer', () => {
  it('recognises gzip and zip by magic bytes only', () => {
    expect(detectContainer(new Uint8Array([0x1f, 0x8b, 8, 0]))).toBe('gzip');
    expect(detectContainer(new Uint8Array([0x50, 0x4b, 3, 4]))).toBe('zip');
    expect(detectContainer(new Uint8Array([0x50, 0x4b, 5, 6]))).toBe('zip');
    expect(detectContainer(utf8('{"a"'))).toBe('none');
    expect(detectContainer(new Uint8Array(0))).toBe('none');
  });
});
