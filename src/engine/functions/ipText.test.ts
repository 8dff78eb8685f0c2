import { describe, expect, it } from 'vitest';
import { query, scalar, value } from './queryTestKit';
import { ipv4RangeToCidrs, ipv4TokensOf } from './ipText';

const LOG = "'05:04:54 127.0.0.1 GET /favicon.ico 404'";

describe('has_ipv4 and has_any_ipv4', () => {
  it('finds delimited, valid addresses', () => {
    expect(scalar(`has_ipv4(${LOG}, '127.0.0.1')`)).toEqual({ type: 'bool', value: true });
    expect(value("has_ipv4('05:04:54 127.0.0.256 GET /favicon.ico 404', '127.0.0.256')")).toBe(false);
    expect(value("has_ipv4('05:04:54127.0.0.1 GET /favicon.ico 404', '127.0.0.1')")).toBe(false);
    expect(value("has_ipv4('from: 192.168.1.1, 10.1.1.115 and 10.1.1.201', '10.1.1.11')")).toBe(false);
    expect(value("has_ipv4('from: 192.168.1.1, 10.1.1.115 and 10.1.1.201', '10.1.1.201')")).toBe(true);
    expect(value("has_ipv4('x 1.127.0.0.1 y', '127.0.0.1')")).toBe(false);
  });

  it('any of several addresses, as arguments or an array', () => {
    expect(value(`has_any_ipv4(${LOG}, '127.0.0.1', '127.0.0.2')`)).toBe(true);
    expect(value(`has_any_ipv4(${LOG}, dynamic(["127.0.0.1", "127.0.0.2"]))`)).toBe(true);
    expect(value(`has_any_ipv4('05:04:54 127.0.0.256 GET', dynamic(["127.0.0.256", "192.168.1.1"]))`)).toBe(false);
    expect(value("has_any_ipv4('05:04:54127.0.0.1 GET', '127.0.0.1', '192.168.1.1')")).toBe(false);
  });
});

describe('has_ipv4_prefix and has_any_ipv4_prefix', () => {
  it('needs a complete address or octets ending with a dot', () => {
    expect(value(`has_ipv4_prefix(${LOG}, '127.0.')`)).toBe(true);
    expect(value(`has_ipv4_prefix(${LOG}, '127.0')`)).toBe(false);
    expect(value(`has_ipv4_prefix(${LOG}, '127.0.0.1')`)).toBe(true);
    expect(value("has_ipv4_prefix('05:04:54 127.0.0.256 GET', '127.0.')")).toBe(false);
    expect(value("has_ipv4_prefix('05:04:54127.0.0.1 GET', '127.0.')")).toBe(false);
  });

  it('any of several prefixes', () => {
    expect(value(`has_any_ipv4_prefix(${LOG}, '127.0.', '192.168.')`)).toBe(true);
    expect(value(`has_any_ipv4_prefix(${LOG}, dynamic(["127.0.", "192.168."]))`)).toBe(true);
    expect(value(`has_any_ipv4_prefix(${LOG}, '127.0')`)).toBe(false);
    expect(value("has_any_ipv4_prefix('05:04:54127.0.0.1 GET', '127.0.', '192.')")).toBe(false);
  });

  it('tokens are whole dotted numbers', () => {
    expect(ipv4TokensOf('a 10.0.0.1, b:10.0.0.2. c10.0.0.3 10.0.0.4x 10.0.0.5.6')).toEqual(['10.0.0.1', '10.0.0.2']);
  });
});

describe('ipv6_is_in_any_range', () => {
  it('matches the documented example', () => {
    const rows = query(`datatable(IP: string) ["a5e:f127:8a9d:146d:e102:b5d3:c755:abcd", "a5e:f127:8a9d:146d:e102:b5d3:c756:abd1", "bad"]
      | project ipv6_is_in_any_range(IP, dynamic(["a5e:f127:8a9d:146d:e102:b5d3:c755:f6cd/112", "0:0:0:0:0:ffff:c0a8:ac/60"]))`).rows;
    expect(rows.map((r) => r[0])).toEqual([true, false, null]);
    expect(value("ipv6_is_in_any_range('::1', '::/127', 'fe80::/10')")).toBe(true);
    expect(value("ipv6_is_in_any_range('::1', 'nonsense')")).toBeNull();
  });
});

describe('ipv4_range_to_cidr_list', () => {
  it('covers the range with the fewest blocks', () => {
    expect(value('ipv4_range_to_cidr_list("1.1.128.0", "1.1.140.255")')).toEqual(['1.1.128.0/21', '1.1.136.0/22', '1.1.140.0/24']);
    expect(ipv4RangeToCidrs('10.0.0.1', '10.0.0.1')).toEqual(['10.0.0.1/32']);
    expect(ipv4RangeToCidrs('0.0.0.0', '255.255.255.255')).toEqual(['0.0.0.0/0']);
    expect(ipv4RangeToCidrs('10.0.0.5', '10.0.0.10')).toEqual(['10.0.0.5/32', '10.0.0.6/31', '10.0.0.8/31', '10.0.0.10/32']);
    expect(ipv4RangeToCidrs('10.0.0.5', '10.0.0.4')).toEqual([]);
    expect(value('ipv4_range_to_cidr_list("1.1.1", "1.1.1.1")')).toBeNull();
  });
});
