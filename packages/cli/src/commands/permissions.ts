/**
 * `demarc permissions [vendor]`: the read-only permissions a scan needs, per vendor, generated from
 * the provider packages' check metadata (never kept by hand), with the roles that cover them and a
 * least-privilege policy or custom role to grant. `docs/guide/permissions.md` is this command's
 * Markdown output, and a test keeps the two equal.
 * @module
 */
import { CliError } from '../errors';
import { unknownVendorHint } from '../provider-names';
import { renderTable, type Palette } from '../output';
import { VENDOR_IDS, isVendorId, type VendorId } from '../vendors';

/** What one vendor's scan needs. */
export interface VendorPermissions {
  /** Vendor id. */
  readonly vendor: VendorId;
  /** Display name. */
  readonly name: string;
  /** What the vendor calls a permission (IAM actions, IAM permissions, RBAC actions). */
  readonly kind: string;
  /** Every permission, sorted. */
  readonly all: readonly string[];
  /** Per check id, the permissions it needs. */
  readonly byCheck: Readonly<Record<string, readonly string[]>>;
  /** How to grant them, in a sentence or two. */
  readonly grant: readonly string[];
  /** The policy or custom role to create, as the vendor's tools take it (JSON). */
  readonly policy: { readonly title: string; readonly document: unknown };
}

/**
 * Generates one vendor's permissions from its package's checks.
 * @example
 * ```ts
 * const aws = await vendorPermissions('aws');
 * aws.all;             // ['cloudtrail:DescribeTrails', ..., 'sts:GetCallerIdentity']
 * aws.policy.document; // the IAM policy to attach to the audit role
 * ```
 */
export async function vendorPermissions(id: VendorId): Promise<VendorPermissions> {
  switch (id) {
    case 'aws': {
      const aws = await import('@demarc/aws');
      const checks = aws.AWS_CHECKS.map((check) => check.meta);
      const needs = aws.requiredPermissions(checks);
      return {
        vendor: 'aws',
        name: 'Amazon Web Services',
        kind: 'IAM actions',
        all: needs.actions,
        byCheck: { '(discovery)': needs.discovery, ...needs.byCheck },
        grant: [
          'Attach the policy below to the role demarc assumes in every member account (e.g. a `DemarcAudit` role deployed by StackSets, named in the config as `{ "package": "@demarc/aws", "options": { "roleName": "DemarcAudit" } }`), and to the caller in the management account.',
          'Every action is read-only; `sts:AssumeRole` only enters the audit role.',
        ],
        policy: { title: 'IAM policy (least privilege)', document: aws.leastPrivilegePolicy(checks) },
      };
    }
    case 'gcp': {
      const gcp = await import('@demarc/gcp');
      const needs = gcp.gcpLeastPrivilege();
      return {
        vendor: 'gcp',
        name: 'Google Cloud',
        kind: 'IAM permissions',
        all: needs.permissions,
        byCheck: needs.byCheck,
        grant: [
          `Grant at the organization (or folder) the predefined role(s) ${needs.predefinedRoles.roles.map((r) => `\`${r}\``).join(', ') || '(none)'}${
            needs.predefinedRoles.uncovered.length > 0 ? ` plus a custom role for ${needs.predefinedRoles.uncovered.map((p) => `\`${p}\``).join(', ')}` : ''
          }, or the custom role below alone (\`gcloud iam roles create demarcScanner --organization=ORG_ID --file=role.json\`).`,
        ],
        policy: { title: 'Custom role (least privilege)', document: needs.customRole },
      };
    }
    case 'azure': {
      const azure = await import('@demarc/azure');
      const needs = azure.azureLeastPrivilege(azure.azureChecks());
      const covering = needs.builtInRoles.filter((role) => role.coversAll).map((role) => role.name);
      return {
        vendor: 'azure',
        name: 'Microsoft Azure',
        kind: 'Azure RBAC actions',
        all: needs.actions,
        byCheck: needs.byCheck,
        grant: [
          `Assign the built-in role ${covering.map((r) => `\`${r}\``).join(' or ') || '(none covers every action)'} at the root management group or each subscription, or create the custom role below (\`az role definition create --role-definition role.json\`).`,
        ],
        policy: { title: 'Custom role definition (least privilege)', document: needs.customRole },
      };
    }
  }
}

/** Every vendor's permissions, in {@link VENDOR_IDS} order. */
export const allVendorPermissions = (): Promise<VendorPermissions[]> => Promise.all(VENDOR_IDS.map(vendorPermissions));

/** The generated part of `docs/guide/permissions.md`: one section per vendor. */
export function renderPermissionsMarkdown(list: readonly VendorPermissions[]): string {
  const out: string[] = [];
  for (const vendor of list) {
    out.push(`## ${vendor.name}`, '', ...vendor.grant, '', `${vendor.all.length} ${vendor.kind}:`, '');
    out.push('| permission | needed by |', '| --- | --- |');
    for (const permission of vendor.all) {
      const users = Object.entries(vendor.byCheck)
        .filter(([, needs]) => needs.includes(permission))
        .map(([check]) => `\`${check}\``);
      out.push(`| \`${permission}\` | ${users.join(', ')} |`);
    }
    out.push('', `${vendor.policy.title}:`, '', '```json', JSON.stringify(vendor.policy.document, null, 2), '```', '');
  }
  return out.join('\n');
}

/** Runs `demarc permissions`, returning what to print. */
export async function runPermissions(vendorId: string | undefined, options: { readonly json: boolean; readonly markdown: boolean }, colours: Palette): Promise<string> {
  if (vendorId !== undefined && !isVendorId(vendorId)) {
    const known = `Use one of: ${VENDOR_IDS.join(', ')} (or none for all three).`;
    throw new CliError(`Unknown vendor '${vendorId}'.`, unknownVendorHint(vendorId, known));
  }
  const list = vendorId === undefined ? await allVendorPermissions() : [await vendorPermissions(vendorId)];
  if (options.json) return `${JSON.stringify(list, null, 2)}\n`;
  if (options.markdown) return renderPermissionsMarkdown(list);
  return list
    .map((vendor) => {
      const rows = vendor.all.map((permission) => [
        permission,
        Object.entries(vendor.byCheck)
          .filter(([, needs]) => needs.includes(permission))
          .map(([check]) => check)
          .join(', '),
      ]);
      return `${colours.bold(`${vendor.name}: ${vendor.all.length} ${vendor.kind}, all read-only`)}\n${vendor.grant.join('\n')}\n\n${renderTable(['permission', 'needed by'], rows)}\n${vendor.policy.title} (demarc permissions ${vendor.vendor} --json):\n${JSON.stringify(vendor.policy.document, null, 2)}\n`;
    })
    .join('\n');
}
