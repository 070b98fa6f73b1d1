/**
 * What the AWS provider publishes through the provider contract: its framing as {@link FramingV1}
 * tables (AWS's own words, then the translation into the normalized model) and the permissions a scan
 * needs, so hosts such as the CLI show them without knowing AWS.
 * @module
 */
import {
  normalizedFramingTable,
  sourceAddresses,
  wordsByDomain,
  type CheckMeta,
  type FramingTableV1,
  type FramingV1,
  type ProviderPermissionsV1,
} from '@demarc/core';
import { AWS_CONTROL_CLASSES, AWS_FRAMING, AWS_FRAMING_ROWS, AWS_SERVICE_CATEGORIES, AWS_SERVICE_CATEGORY_IDS } from './framing';
import { leastPrivilegePolicy, requiredPermissions } from './permissions';
import { AWS_SOURCES } from './sources';
import { CATEGORY_MODEL, normalizedAwsMatrix, toNormalized } from './translation';

const SIDE = { 'of-the-cloud': 'of (AWS)', 'in-the-cloud': 'in (customer)', 'of-and-in': 'of + in' } as const;
const KIND = { 'diagram-layer': 'diagram', 'it-control': 'IT control', 'stated-duty': 'stated duty' } as const;

/** AWS's framing: of / in the cloud per service category, the categories, and the normalized translation. */
function buildAwsFraming(): FramingV1 {
  const framing: FramingTableV1 = {
    title: 'AWS: security "of" the cloud and security "in" the cloud',
    summary:
      'AWS is responsible for security OF the cloud (the infrastructure that runs every service); the customer for security IN the cloud, which depends on the service category: infrastructure, container or abstracted.',
    columns: AWS_SERVICE_CATEGORIES.map((category) => category.name),
    rows: AWS_FRAMING_ROWS.map((row) => ({
      group: row.controlClass
        ? `${KIND[row.kind]} (${AWS_CONTROL_CLASSES.find((c) => c.id === row.controlClass)?.name ?? row.controlClass})`
        : KIND[row.kind],
      label: row.label,
      cells: AWS_SERVICE_CATEGORY_IDS.map((category) => {
        const cell = row.cells[category];
        if (!cell) return '—';
        return `${SIDE[cell.side]}${cell.mode ? ` ${cell.mode}` : ''}${cell.reading === 'inferred' ? ' ◐' : ''}`;
      }),
    })),
    sources: sourceAddresses(AWS_SOURCES, ['aws-srm', 'aws-wa-security-srm', 'aws-security-best-practices-2016']),
    notes: ['◐ demarc\'s reading of AWS\'s figures and text, not a cell AWS states; — AWS says nothing for that category.'],
  };
  const categories: FramingTableV1 = {
    title: 'AWS service categories',
    summary:
      'What the customer manages in each category (AWS Security Best Practices whitepaper), and the normalized service model demarc maps it to.',
    columns: ['examples', 'model', 'the customer manages'],
    rows: AWS_SERVICE_CATEGORIES.map((category) => ({
      label: category.name,
      cells: [category.examples.join(', '), CATEGORY_MODEL[category.id], category.customerManages],
    })),
    sources: sourceAddresses(AWS_SOURCES, ['aws-security-best-practices-2016', 'aws-srm']),
  };
  const models = AWS_SERVICE_CATEGORY_IDS.map((category) => CATEGORY_MODEL[category]);
  const normalized = normalizedFramingTable('AWS', normalizedAwsMatrix(toNormalized(AWS_FRAMING)), models, framing.sources);
  const domainWords = wordsByDomain(
    AWS_FRAMING_ROWS.map(
      (row, index) =>
        [
          row.domain,
          `"${row.label}": ${framing.columns.map((column, c) => `${column} ${framing.rows[index]!.cells[c]}`).join('; ')}`,
        ] as const,
    ),
  );
  return { specificationVersion: 'v1', tables: [framing, categories, normalized], domainWords, sources: AWS_SOURCES };
}

let framing: FramingV1 | undefined;

/** AWS's framing as the provider contract publishes it (built once, on first use). */
export const awsFramingV1 = (): FramingV1 => (framing ??= buildAwsFraming());

/** The IAM actions a scan with these checks needs, how to grant them, and the least-privilege policy. */
export function awsPermissions(checks: readonly CheckMeta[]): ProviderPermissionsV1 {
  const withActions = checks.map((meta) => ({ id: meta.id, permissions: meta.permissions ?? [] }));
  const needs = requiredPermissions(withActions);
  return {
    kind: 'IAM actions',
    all: needs.actions,
    byCheck: { '(discovery)': needs.discovery, ...needs.byCheck },
    grant: [
      'Attach the policy below to the role demarc assumes in every member account (e.g. a `DemarcAudit` role deployed by StackSets, named in the config as `{ "package": "@demarc/aws", "options": { "roleName": "DemarcAudit" } }`), and to the caller in the management account.',
      'Every action is read-only; `sts:AssumeRole` only enters the audit role.',
    ],
    policy: { title: 'IAM policy (least privilege)', document: leastPrivilegePolicy(withActions) as unknown as PolicyJson },
  };
}

/** The policy document as JSON (an IAM policy is plain JSON). */
type PolicyJson = ProviderPermissionsV1['policy']['document'];
