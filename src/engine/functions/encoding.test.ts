import { describe, expect, it } from 'vitest';
import { query, scalar, value } from './queryTestKit';

describe('URL functions', () => {
  it('url_encode / url_encode_component / url_decode', () => {
    // Test data only (never requested): a made-up scheme keeps the reserved characters ':' and '/'.
    expect(value("url_encode(@'kusto://cluster.local/hello world')")).toBe('kusto%3a%2f%2fcluster.local%2fhello+world');
    expect(value("url_encode_component(@'kusto://cluster.local/hello world/')")).toBe('kusto%3a%2f%2fcluster.local%2fhello%20world%2f');
    expect(value('url_encode("é")')).toBe('%c3%a9');
    expect(value("url_decode(@'kusto%3a%2f%2fcluster.local%2f')")).toBe('kusto://cluster.local/');
    expect(value('url_decode("a+b%20c%C3%A9%zz")')).toBe('a b cé%zz');
    expect(value('url_decode("")')).toBe('');
  });

  it('parse_url splits every component', () => {
    expect(scalar('parse_url("scheme://username:password@host:1234/this/is/a/path?k1=v1&k2=v2#fragment")')).toEqual({
      type: 'dynamic',
      value: {
        Scheme: 'scheme', Host: 'host', Port: '1234', Path: '/this/is/a/path', Username: 'username', Password: 'password',
        'Query Parameters': { k1: 'v1', k2: 'v2' }, Fragment: 'fragment',
      },
    });
    expect(value('tostring(parse_url("scheme://contoso.example/v2/app/manifests/latest").Host)')).toBe('contoso.example');
    expect(value('parse_url("not a url").Host')).toBe('');
  });

  it('parse_urlquery decodes values', () => {
    expect(value('parse_urlquery("k1=v1&k2=a%20b&k3")')).toEqual({ 'Query Parameters': { k1: 'v1', k2: 'a b', k3: '' } });
    expect(value('parse_urlquery("")')).toEqual({ 'Query Parameters': {} });
  });
});

describe('base64', () => {
  it('encodes and decodes UTF-8 text', () => {
    expect(value('base64_encode_tostring("Kusto")')).toBe('S3VzdG8=');
    expect(value('base64_decode_tostring("S3VzdG8=")')).toBe('Kusto');
    expect(value('base64_decode_tostring(base64_encode_tostring("héllo ⒦"))')).toBe('héllo ⒦');
    expect(value('base64_decode_tostring("U3RyaW5n0KHR0tGA0L7Rh9C60LA=")')).toBe('');
    expect(value('base64_decode_tostring("not base64!")')).toBe('');
  });

  it('to and from byte arrays and guids', () => {
    expect(value('base64_decode_toarray("S3VzdG8=")')).toEqual([75, 117, 115, 116, 111]);
    expect(value('base64_decode_toarray("%%%")')).toBeNull();
    expect(value('base64_encode_fromarray(dynamic([75, 117, 115, 116, 111]))')).toBe('S3VzdG8=');
    expect(value('base64_encode_fromguid(toguid("ae3133f2-6e22-49ae-b06a-16e6a9b212eb"))')).toBe('8jMxriJurkmwahbmqbIS6w==');
    expect(scalar('base64_decode_toguid("8jMxriJurkmwahbmqbIS6w==")')).toEqual({ type: 'guid', value: 'ae3133f2-6e22-49ae-b06a-16e6a9b212eb' });
    expect(value('base64_decode_toguid("S3VzdG8=")')).toBeNull();
  });
});

describe('hashes', () => {
  it('hash the value text', () => {
    expect(value('hash_sha256("World")')).toBe('78ae647dc5544d227130a0682a51e30bc7777fbb6d8a8f17007463a3ecd1d524');
    expect(value('hash_sha256(datetime(2020-01-01))')).toBe('ba666752dc1a20eb750b0eb64e780cc4c968bc9fb8813461c1d7e750f302d71d');
    expect(value('hash_md5("World")')).toBe('f5a7924e621e84c9280a9a27e1bcb7f6');
    expect(value('hash_md5(datetime(2020-01-01))')).toBe('786c530672d1f8db31fee25ea8a9390b');
    expect(value('hash_sha1("World")')).toBe('70c07ec18ef89c5309bbb0937f3a6342411e1fdd');
    expect(value('hash_sha1(datetime(2020-01-01))')).toBe('e903e533f4d636b4fc0dcf3cf81e7b7f330de776');
  });

  it('a null number hashes to the empty string; rows hash independently', () => {
    const rows = query('T | project h = hash_md5(n)').rows.map((r) => r[0]);
    expect(rows[1]).toBe('');
    expect(rows[0]).toBe('c4ca4238a0b923820dcc509a6f75849b');
  });
});
