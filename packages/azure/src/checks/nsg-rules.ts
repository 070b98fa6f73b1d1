/**
 * Reading network security group rules: which inbound rules open an administrative port to any source.
 * @module
 */

const ADMIN_PORTS = [22, 3389] as const;
const ANYWHERE = new Set(['*', 'internet', '0.0.0.0/0', '::/0', 'any']);

/** An NSG security rule as ARM returns it (the fields the check reads). */
export interface NsgSecurityRule {
  readonly name?: string;
  readonly properties?: {
    readonly access?: string; readonly direction?: string;
    readonly sourceAddressPrefix?: string; readonly sourceAddressPrefixes?: readonly string[];
    readonly destinationPortRange?: string; readonly destinationPortRanges?: readonly string[];
  };
}

/** Whether a port range expression (`22`, `20-25`, `*`) covers a port. */
export const rangeCovers = (range: string, port: number): boolean => {
  if (range.trim() === '*') return true;
  const [from, to] = range.split('-').map((p) => Number(p.trim()));
  return to === undefined ? from === port : from! <= port && port <= to;
};

/** The admin ports an inbound allow rule opens to any source. */
export const openAdminPorts = (rule: NsgSecurityRule): number[] => {
  const p = rule.properties ?? {};
  if (p.access?.toLowerCase() !== 'allow' || p.direction?.toLowerCase() !== 'inbound') return [];
  const sources = [p.sourceAddressPrefix, ...(p.sourceAddressPrefixes ?? [])].filter((s): s is string => typeof s === 'string');
  if (!sources.some((s) => ANYWHERE.has(s.toLowerCase()))) return [];
  const ranges = [p.destinationPortRange, ...(p.destinationPortRanges ?? [])].filter((r): r is string => typeof r === 'string');
  return ADMIN_PORTS.filter((port) => ranges.some((range) => rangeCovers(range, port)));
};
