import { describe, expect, it } from 'vitest';
import { scalar, value } from './queryTestKit';

describe('IPv4 functions', () => {
  it('parse_ipv4 applies the prefix; invalid text is null', () => {
    expect(scalar('parse_ipv4("192.168.1.1")')).toEqual({ type: 'long', value: 3232235777 });
    expect(value('parse_ipv4("192.168.1.1/24")')).toBe(3232235776);
    expect(value('parse_ipv4("255.255.255.255/31")')).toBe(4294967294);
    expect(value('parse_ipv4("256.1.1.1")')).toBeNull();
    expect(value('parse_ipv4("1.2.3")')).toBeNull();
    expect(value('parse_ipv4("")')).toBeNull();
    expect(value('parse_ipv4_mask("127.0.0.1", 24)')).toBe(2130706432);
    expect(value('parse_ipv4_mask("127.0.0.1", 33)')).toBeNull();
  });

  it('format_ipv4 / format_ipv4_mask', () => {
    expect(value('format_ipv4("192.168.1.1", 24)')).toBe('192.168.1.0');
    expect(value('format_ipv4("192.168.1.1/24", 32)')).toBe('192.168.1.0');
    expect(value('format_ipv4_mask("192.168.1.1", 24)')).toBe('192.168.1.0/24');
    expect(value('format_ipv4_mask("192.168.1.1/24", 32)')).toBe('192.168.1.0/24');
    expect(value('format_ipv4("192.168.1.1/24", -1)')).toBe('');
    expect(value('format_ipv4(3232235777)')).toBe('192.168.1.1');
    expect(value('format_ipv4("nope")')).toBe('');
  });

  it('ipv4_compare / ipv4_is_match use the smallest prefix', () => {
    expect(value('ipv4_compare("192.168.1.1/24", "192.168.1.255")')).toBe(0);
    expect(value('ipv4_compare("192.168.1.1/30", "192.168.1.255/24")')).toBe(0);
    expect(value('ipv4_compare("192.168.1.1", "192.168.1.255")')).toBe(-1);
    expect(value('ipv4_compare("10.0.0.2", "10.0.0.1")')).toBe(1);
    expect(value('ipv4_compare("192.168.1.1", "192.168.1.0", 31)')).toBe(0);
    expect(value('ipv4_compare("x", "192.168.1.0")')).toBeNull();
    expect(value("ipv4_is_match('192.168.1.1/24', '192.168.1.255')")).toBe(true);
    expect(value("ipv4_is_match('192.168.1.1', '192.168.1.255')")).toBe(false);
  });

  it('ranges, private networks, netmask suffix', () => {
    expect(value("ipv4_is_in_range('192.168.1.1', '192.168.1.255/24')")).toBe(true);
    expect(value("ipv4_is_in_range('192.168.2.1', '192.168.1.255/24')")).toBe(false);
    expect(value("ipv4_is_in_range('bad', '192.168.1.255/24')")).toBeNull();
    expect(value("ipv4_is_in_any_range('192.168.1.6', '192.168.1.1/24', '10.0.0.1/8')")).toBe(true);
    expect(value('ipv4_is_in_any_range("127.0.0.1", dynamic(["127.0.0.1", "192.168.1.1"]))')).toBe(true);
    expect(value('ipv4_is_in_any_range("1.1.1.1", dynamic(["127.0.0.1/8", "10.0.0.1/8"]))')).toBe(false);
    expect(value("ipv4_is_private('10.1.2.3')")).toBe(true);
    expect(value("ipv4_is_private('172.31.0.1')")).toBe(true);
    expect(value("ipv4_is_private('172.32.0.1')")).toBe(false);
    expect(value("ipv4_is_private('192.168.1.1/24')")).toBe(true);
    expect(value("ipv4_is_private('127.0.0.1')")).toBe(false);
    expect(value("ipv4_netmask_suffix('192.168.1.1/24')")).toBe(24);
    expect(value("ipv4_netmask_suffix('10.1.2.3')")).toBe(32);
    expect(value("ipv4_netmask_suffix('10.1.2')")).toBeNull();
  });
});

describe('IPv6 functions', () => {
  it('parse_ipv6 gives the canonical form, IPv4 mapped', () => {
    expect(value("parse_ipv6('192.168.255.255')")).toBe('0000:0000:0000:0000:0000:ffff:c0a8:ffff');
    expect(value("parse_ipv6('192.168.255.255/24')")).toBe('0000:0000:0000:0000:0000:ffff:c0a8:ff00');
    expect(value("parse_ipv6('fe80::85d:e82c:9446:7994')")).toBe('fe80:0000:0000:0000:085d:e82c:9446:7994');
    expect(value("parse_ipv6('fe80::85d:e82c:9446:7994/120')")).toBe('fe80:0000:0000:0000:085d:e82c:9446:7900');
    expect(value("parse_ipv6('::')")).toBe('0000:0000:0000:0000:0000:0000:0000:0000');
    expect(value("parse_ipv6('1::2::3')")).toBe('');
    expect(value("parse_ipv6_mask('fe80::85d:e82c:9446:7994', 120)")).toBe('fe80:0000:0000:0000:085d:e82c:9446:7900');
  });

  it('ipv6_compare / ipv6_is_match mix IPv4 and IPv6', () => {
    expect(value("ipv6_compare('fe80::85d:e82c:9446:7994/120', 'fe80::85d:e82c:9446:7998')")).toBe(0);
    expect(value("ipv6_compare('fe80::85d:e82c:9446:7994', 'fe80::85d:e82c:9446:7998')")).toBe(-1);
    expect(value("ipv6_compare('192.168.1.1', '::ffff:c0a8:0101')")).toBe(0);
    expect(value("ipv6_compare('::192.168.1.1/30', '192.168.1.255/24')")).toBe(0);
    expect(value("ipv6_compare('192.168.1.1', '192.168.1.0', 31)")).toBe(0);
    expect(value("ipv6_compare('192.168.1.1/24', '::ffff:c0a8:01ff', 127)")).toBe(0);
    expect(value("ipv6_is_match('::ffff:c0a8:0101', '192.168.1.255', 120)")).toBe(true);
    expect(value("ipv6_is_match('zz', '::1')")).toBeNull();
  });

  it('ipv6_is_in_range', () => {
    expect(value("ipv6_is_in_range('a5e:f127:8a9d:146d:e102:b5d3:c755:abcd', 'a5e:f127:8a9d:146d:e102:b5d3:c755:0000/112')")).toBe(true);
    expect(value("ipv6_is_in_range('a5e:f127:8a9d:146d:e102:b5d3:c755:abcd', '0:0:0:0:0:ffff:c0a8:ac/60')")).toBe(false);
  });
});
