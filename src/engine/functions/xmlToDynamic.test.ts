import { describe, expect, it } from 'vitest';
import { xmlToDynamic } from './xmlToDynamic';
import { query } from './queryTestKit';

describe('xmlToDynamic (parse-xml-function.md mapping)', () => {
  it('maps the page table', () => {
    expect(xmlToDynamic('<e/>')).toEqual({ e: null });
    expect(xmlToDynamic('<e></e>')).toEqual({ e: null });
    expect(xmlToDynamic('<e>text</e>')).toEqual({ e: 'text' });
    expect(xmlToDynamic('<e name="value" />')).toEqual({ e: { '@name': 'value' } });
    expect(xmlToDynamic("<e name='value'>text</e>")).toEqual({ e: { '@name': 'value', '#text': 'text' } });
    expect(xmlToDynamic('<e> <a>text</a> <b>text</b> </e>')).toEqual({ e: { a: 'text', b: 'text' } });
    expect(xmlToDynamic('<e> <a>text</a> <a>text</a> </e>')).toEqual({ e: { a: ['text', 'text'] } });
  });

  it('keeps #text where the text was, in document order', () => {
    expect(Object.keys(xmlToDynamic('<e> text <a>x</a> </e>') as object)).toEqual(['e']);
    const e = (xmlToDynamic('<e> text <a>x</a> </e>') as { e: object }).e;
    expect(Object.keys(e)).toEqual(['#text', 'a']);
    expect(xmlToDynamic('<e>one<a/>two</e>')).toEqual({ e: { '#text': ['one', 'two'], a: null } });
  });

  it('decodes references and skips what the page does not translate', () => {
    expect(xmlToDynamic('<e a="&quot;&#65;&#x42;">&lt;&gt;&amp;&apos;</e>')).toEqual({ e: { '@a': '"AB', '#text': "<>&'" } });
    expect(xmlToDynamic('<!DOCTYPE e [<!ENTITY x "y">]><?pi x?><e><!-- c --><![CDATA[<raw>]]>v</e><!-- after -->')).toEqual({ e: 'v' });
    expect(xmlToDynamic('<ns:e xmlns:ns="urn:x"><ns:a>1</ns:a></ns:e>')).toEqual({ 'ns:e': { '@xmlns:ns': 'urn:x', 'ns:a': '1' } });
  });

  it('gives null for malformed XML', () => {
    for (const bad of ['', '   ', 'text', '<e>', '<e></f>', '<a/><b/>', '<e a=1/>', '<e a="1" a="2"/>', '<e>&unknown;</e>', '<e>&amp</e>', 'x<e/>']) {
      expect({ bad, value: xmlToDynamic(bad) }).toEqual({ bad, value: null });
    }
    expect(xmlToDynamic(`<e>${'x'.repeat(1_048_577)}</e>`)).toBeNull();
  });

  it('runs per row through parse_xml (an empty element is null)', () => {
    const { types, rows } = query('T | project x = parse_xml(strcat("<r>", s, "</r>")) | project v = x.r');
    expect(types).toEqual(['dynamic']);
    expect(rows).toEqual([['first'], [null], ['third']]);
  });
});
