import { describe, expect, it } from 'vitest';
import { query, scalar, value } from './queryTestKit';
import { replaceStrings } from './stringExtras';

const SENTENCE = '"This is an example of using replace_strings()"';

describe('replace_strings', () => {
  it('replaces every lookup; earlier lookups claim their matches first', () => {
    expect(value('replace_strings("A magic trick can turn a cat into a dog", dynamic(["cat", "dog"]), dynamic(["dog", "pigeon"]))'))
      .toBe('A magic trick can turn a dog into a pigeon');
    expect(value(`replace_strings(${SENTENCE}, dynamic(["This", "is"]), dynamic(["This", "was"]))`)).toBe('This was an example of using replace_strings()');
    expect(value(`replace_strings(${SENTENCE}, dynamic(["is", "This"]), dynamic(["was", "This"]))`)).toBe('Thwas was an example of using replace_strings()');
  });

  it('an empty rewrite deletes; a non-string rewrite keeps the claimed text', () => {
    expect(value('replace_strings("A magic trick can turn a cat into a dog", dynamic(["turn", " into a dog"]), dynamic(["disappear", ""]))'))
      .toBe('A magic trick can disappear a cat');
    expect(value(`replace_strings(${SENTENCE}, dynamic(["This", "is"]), dynamic([12345, "was"]))`)).toBe('This was an example of using replace_strings()');
  });

  it('matches do not overlap and non-string lookups are ignored', () => {
    expect(replaceStrings('aaaa', ['aa'], ['b'])).toBe('bb');
    expect(replaceStrings('abc', [1, 'b'], ['x', 'y'])).toBe('ayc');
    expect(replaceStrings('abc', ['b'], [])).toBe('abc');
    expect(query('T | project replace_strings(s, dynamic(["i"]), dynamic(["I"]))').rows.map((r) => r[0])).toEqual(['fIrst', '', 'thIrd']);
  });
});

describe('indexof_regex', () => {
  it('follows the documented examples', () => {
    expect(scalar('indexof_regex("abcabc", @"a.c")')).toEqual({ type: 'long', value: 0 });
    expect(value('indexof_regex("abcabcdefg", @"a.c", 0, 9, 2)')).toBe(3);
    expect(value('indexof_regex("abcabc", @"a.c", 1, -1, 2)')).toBe(-1);
    expect(value('indexof_regex("ababaa", @"a.a", 0, -1, 2)')).toBe(-1);
    expect(value('indexof_regex("abcabc", @"a|ab", -1)')).toBeNull();
  });

  it('null for invalid length or occurrence; -1 past the end', () => {
    expect(value('indexof_regex("abcabc", @"b", 0, -2)')).toBeNull();
    expect(value('indexof_regex("abcabc", @"b", 0, -1, -1)')).toBeNull();
    expect(value('indexof_regex("abcabc", @"b", 10)')).toBe(-1);
    expect(value('indexof_regex("abcabc", @"c", 0, 2)')).toBe(-1);
  });
});

describe('isascii and jaccard_index', () => {
  it('isascii', () => {
    expect(scalar('isascii("some string")')).toEqual({ type: 'bool', value: true });
    expect(value('isascii("caf\u00e9")')).toBe(false);
    expect(value('isascii("")')).toBe(true);
  });

  it('jaccard_index over distinct elements', () => {
    // Kusto.Language's signature types the result as dynamic (the value is the real number).
    expect(scalar('jaccard_index(dynamic([1,2,3]), dynamic([1,2,3,4]))')).toEqual({ type: 'dynamic', value: 0.75 });
    expect(value('jaccard_index(dynamic([1,1,2]), dynamic([2,3]))')).toBeCloseTo(1 / 3, 15);
    expect(value('jaccard_index(dynamic(["a"]), dynamic(["b"]))')).toBe(0);
    expect(value('jaccard_index(dynamic(null), dynamic([1]))')).toBeNull();
  });
});

describe('punycode', () => {
  it('encodes and decodes labels', () => {
    expect(value("punycode_from_string('académie-française')")).toBe('acadmie-franaise-npb1a');
    expect(value("punycode_to_string('acadmie-franaise-npb1a')")).toBe('académie-française');
    expect(value("punycode_from_string('艺术')")).toBe('cqv902d');
    expect(value("punycode_to_string('abc!')")).toBe('');
    expect(value("punycode_to_string('é')")).toBe('');
  });

  it('encodes and decodes domain names label by label', () => {
    expect(value("punycode_domain_to_string('Lê Lợi。Thuận Thiên。com')")).toBe('xn--L Li-gpa4517b.xn--Thun Thin-s4a7194f.com');
    expect(value("punycode_domain_to_string('Riðill｡Skáldskaparmál｡org')")).toBe('xn--Riill-jta.xn--Skldskaparml-dbbj.org');
    expect(value(`punycode_domain_to_string("Kaledvoulc'h.Artorījos.edu")`)).toBe("Kaledvoulc'h.xn--Artorjos-ejb.edu");
    expect(value("punycode_domain_from_string('xn--Ge-mia.Bulg.edu')")).toBe('Gáe.Bulg.edu');
    expect(value("punycode_domain_from_string('xn--Ry-lja8c.xn--Jng-uta63a.xn--Bng-9ka.com')")).toBe('Rúyì.Jīngū.Bàng.com');
  });
});

describe('gzip and zlib base64', () => {
  it('compresses short text as the docs show', () => {
    expect(value('gzip_compress_to_base64_string("1234567890qwertyuiop")')).toBe('H4sIAAAAAAAA/wEUAOv/MTIzNDU2Nzg5MHF3ZXJ0eXVpb3A6m7f2FAAAAA==');
    expect(value('zlib_compress_to_base64_string("1234567890qwertyuiop")')).toBe('eAEBFADr/zEyMzQ1Njc4OTBxd2VydHl1aW9wOAkGdw==');
  });

  it('decompresses, and gives empty text for invalid input', () => {
    expect(value('gzip_decompress_from_base64_string("H4sIAAAAAAAA/wEUAOv/MTIzNDU2Nzg5MHF3ZXJ0eXVpb3A6m7f2FAAAAA==")')).toBe('1234567890qwertyuiop');
    expect(value('zlib_decompress_from_base64_string("eJwLSS0uUSguKcrMS1cwNDIGACxqBQ4=")')).toBe('Test string 123');
    expect(value('gzip_decompress_from_base64_string("x0x0x0")')).toBe('');
    expect(value('zlib_decompress_from_base64_string("x0x0x0")')).toBe('');
    expect(value('zlib_decompress_from_base64_string("aGVsbG8=")')).toBe('');
  });

  it('round-trips compressible text', () => {
    const text = 'abc '.repeat(50) + 'é';
    const gz = value(`gzip_compress_to_base64_string("${text}")`) as string;
    expect(gz.length).toBeLessThan(text.length);
    expect(value(`gzip_decompress_from_base64_string("${gz}")`)).toBe(text);
    const z = value(`zlib_compress_to_base64_string("${text}")`) as string;
    expect(value(`zlib_decompress_from_base64_string("${z}")`)).toBe(text);
  });
});
