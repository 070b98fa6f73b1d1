/**
 * Questions auditors ask of AWS's framing: what does AWS itself say about this domain, in which
 * service category, and where is it written?
 * @module
 */
import { resolveCitation, type DomainId, type ResolvedCitation } from '@demarc/core';
import { AWS_FRAMING_ROWS, AWS_SERVICE_CATEGORY_IDS, type AwsFramingCell, type AwsFramingRow, type AwsServiceCategory } from './framing';
import { AWS_SOURCES } from './sources';
import { SIDE_PARTY } from './translation';

/** One cell of AWS's framing with its party and its citations resolved to documents. */
export interface AwsStatement extends Omit<AwsFramingCell, 'citations'> {
  /** The service category. */
  readonly category: AwsServiceCategory;
  /** The normalized party of the cell's side. */
  readonly party: (typeof SIDE_PARTY)[keyof typeof SIDE_PARTY];
  /** The citations, each with its source document (title, address, publisher). */
  readonly citations: readonly ResolvedCitation[];
}

/** What AWS's framing says about one normalized domain: its rows, each with its cells. */
export interface AwsDomainStatements {
  /** The domain asked about. */
  readonly domain: DomainId;
  /** The framing rows mapped to the domain, with their statements per category. */
  readonly rows: readonly (Pick<AwsFramingRow, 'id' | 'label' | 'kind' | 'controlClass' | 'mappingRationale'> & { readonly statements: readonly AwsStatement[] })[];
}

/**
 * Everything AWS's framing says about a domain, with citations resolved to their public addresses:
 * the answer to "what does AWS say about patching on PaaS, and where?".
 *
 * @example
 * ```ts
 * for (const row of awsStatementsFor('guest-os').rows)
 *   for (const s of row.statements) console.log(row.label, s.category, s.side, s.citations[0]?.document.url);
 * ```
 */
export function awsStatementsFor(domain: DomainId): AwsDomainStatements {
  return {
    domain,
    rows: AWS_FRAMING_ROWS.filter((row) => row.domain === domain).map((row) => ({
      id: row.id,
      label: row.label,
      kind: row.kind,
      ...(row.controlClass ? { controlClass: row.controlClass } : {}),
      mappingRationale: row.mappingRationale,
      statements: AWS_SERVICE_CATEGORY_IDS.flatMap((category) => {
        const cell = row.cells[category];
        if (!cell) return [];
        return [{ ...cell, category, party: SIDE_PARTY[cell.side], citations: cell.citations.map((c) => resolveCitation(c, AWS_SOURCES)) }];
      }),
    })),
  };
}
