/**
 * IP addresses and CIDR blocks for IpAddress / NotIpAddress ("IAM JSON policy elements:
 * Condition operators", IP address condition operators: IPv4 and IPv6, RFC 4632 CIDR).
 * An address is kept as 16-bit groups: 2 for IPv4, 8 for IPv6.
 */

type Groups = number[];

// Scanned by hand: the request's address is parsed on every evaluation.
function parseIPv4(text: string): Groups | null {
  const bytes = [0, 0, 0, 0];
  let part = 0;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 46 /* . */) {
      if (digits === 0 || ++part > 3) return null;
      digits = 0;
    } else if (code >= 48 && code <= 57 && digits < 3) {
      bytes[part] = bytes[part] * 10 + (code - 48);
      if (bytes[part] > 255) return null;
      digits++;
    } else {
      return null;
    }
  }
  if (part !== 3 || digits === 0) return null;
  return [(bytes[0] << 8) | bytes[1], (bytes[2] << 8) | bytes[3]];
}

function parseGroups(text: string): Groups | null {
  if (text === "") return [];
  const groups: number[] = [];
  const parts = text.split(":");
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (i === parts.length - 1 && part.includes(".")) {
      const v4 = parseIPv4(part);
      if (!v4) return null;
      groups.push(...v4);
    } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) {
      groups.push(parseInt(part, 16));
    } else {
      return null;
    }
  }
  return groups;
}

function parseIPv6(text: string): Groups | null {
  const gap = text.indexOf("::");
  if (gap < 0) {
    const groups = parseGroups(text);
    return groups && groups.length === 8 ? groups : null;
  }
  if (text.indexOf("::", gap + 1) >= 0) return null;
  const head = parseGroups(text.slice(0, gap));
  const tail = parseGroups(text.slice(gap + 2));
  if (!head || !tail || head.length + tail.length > 7) return null;
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

export function parseAddress(text: string): Groups | null {
  const trimmed = text.trim();
  return trimmed.includes(":") ? parseIPv6(trimmed) : parseIPv4(trimmed);
}

export interface Cidr {
  groups: Groups;
  prefix: number;
}

/** "203.0.113.0/24", "2001:db8::/32", or a bare address (a /32 or /128 block). */
export function parseCidr(text: string): Cidr | null {
  const slash = text.indexOf("/");
  const groups = parseAddress(slash < 0 ? text : text.slice(0, slash));
  if (!groups) return null;
  const bits = groups.length * 16;
  if (slash < 0) return { groups, prefix: bits };
  const prefixText = text.slice(slash + 1).trim();
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  return prefix <= bits ? { groups, prefix } : null;
}

export function cidrContains(cidr: Cidr, address: Groups): boolean {
  if (address.length !== cidr.groups.length) return false;
  let remaining = cidr.prefix;
  for (let i = 0; i < address.length && remaining > 0; i++) {
    const take = Math.min(16, remaining);
    const mask = (0xffff << (16 - take)) & 0xffff;
    if ((address[i] & mask) !== (cidr.groups[i] & mask)) return false;
    remaining -= take;
  }
  return true;
}
