/**
 * Synthetic estates of any size, for pagination tests and the scale benchmark. Seeded and
 * deterministic: the same options always give the same estate (no clock, no global random).
 *
 * @module
 */
import type {
  AwsAccount,
  AwsEstate,
  AwsOrganizationalUnit,
  AzureEstate,
  AzureResourceGroup,
  AzureSubscription,
  Estate,
  GcpBinding,
  GcpEstate,
  GcpFolder,
  GcpProject,
} from './types.ts';

/** Options of {@link syntheticEstate}. */
export interface SyntheticEstateOptions {
  /** PRNG seed (default 1). */
  readonly seed?: number;
  /** AWS accounts, the management account included (default 0: no AWS part). */
  readonly awsAccounts?: number;
  /** Google Cloud projects (default 0). */
  readonly gcpProjects?: number;
  /** Azure subscriptions (default 0). */
  readonly azureSubscriptions?: number;
  /** Scopes per OU / folder / management group (default 25). */
  readonly scopesPerGroup?: number;
  /** Share (0–1) of scopes given each deliberate misconfiguration (default 0.2). */
  readonly badPracticeRate?: number;
}

/** mulberry32: a tiny, fast, seedable PRNG (deterministic across platforms). */
export const seededRandom = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** The fixed "now" synthetic timestamps are relative to, so output never depends on the clock. */
const EPOCH = Date.parse('2025-06-01T00:00:00Z');
const daysAgo = (d: number): string => new Date(EPOCH - Math.floor(d) * 86_400_000).toISOString().replace('.000Z', 'Z');
const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const guid = (prefix: number, n: number): string => {
  const h = pad(n, 12);
  const p = pad(prefix, 8);
  return `${p}-0000-4000-8000-${h}`;
};

const awsEstate = (n: number, per: number, rnd: () => number, bad: number): AwsEstate => {
  const rootId = 'r-syn0';
  const ous: AwsOrganizationalUnit[] = [{ id: 'ou-syn0-workloads', name: 'Workloads', parentId: rootId }];
  const groups = Math.max(1, Math.ceil((n - 1) / per));
  for (let g = 0; g < groups; g++) ous.push({ id: `ou-syn0-${pad(g, 8)}`, name: `Team ${String(g)}`, parentId: 'ou-syn0-workloads' });
  const accounts: AwsAccount[] = [];
  for (let i = 0; i < n; i++) {
    const id = String(100000000000 + i);
    const management = i === 0;
    const users = Array.from({ length: Math.floor(rnd() * 3) }, (_, u) => {
      const createDate = daysAgo(400 + rnd() * 600);
      return {
        name: `user-${String(u)}`,
        createDate,
        // Console users who signed in recently (derived, not drawn, so the seeded stream is unchanged).
        loginProfile: { createDate },
        passwordLastUsed: daysAgo((i + u) % 30),
        mfaDevices: rnd() < bad ? [] : [`arn:aws:iam::${id}:mfa/user-${String(u)}`],
        accessKeys:
          rnd() < 0.5
            ? [{
              id: `AKIASYN${pad(i, 9)}${pad(u, 4)}`, status: 'Active' as const, createDate: daysAgo(300 + rnd() * 400),
              lastUsed: { date: daysAgo(rnd() < bad ? 200 : rnd() * 30), service: 's3', region: 'us-east-1' },
            }]
            : [],
      };
    });
    accounts.push({
      id,
      name: management ? 'synthetic-management' : `synthetic-${pad(i, 5)}`,
      email: `aws-${pad(i, 5)}@example.com`,
      status: !management && rnd() < bad / 4 ? 'SUSPENDED' : 'ACTIVE',
      parentId: management ? rootId : `ou-syn0-${pad(Math.floor((i - 1) / per), 8)}`,
      joinedMethod: 'CREATED',
      joinedTimestamp: daysAgo(1000 + rnd() * 500),
      iam: {
        rootMfaEnabled: rnd() >= bad,
        rootAccessKeysPresent: rnd() < bad / 2,
        users,
        roles: [
          { name: 'OrganizationAccountAccessRole', path: '/', createDate: daysAgo(1000), assumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[]}' },
          { name: 'AWSServiceRoleForSupport', path: '/aws-service-role/support.amazonaws.com/', createDate: daysAgo(1000), assumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[]}' },
        ],
      },
      ...(rnd() < bad ? {} : { s3PublicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true } }),
      regions: {
        'us-east-1': {
          ebsEncryptionByDefault: rnd() >= bad,
          securityGroups: Array.from({ length: 1 + Math.floor(rnd() * 3) }, (_, s) => ({
            id: `sg-${pad(i, 9)}${pad(s, 8)}`,
            name: `sg-${String(s)}`,
            description: 'synthetic',
            vpcId: `vpc-${pad(i, 17)}`,
            ingress: [{ protocol: 'tcp', fromPort: rnd() < bad ? 22 : 443, toPort: rnd() < bad ? 22 : 443, cidrs: [rnd() < bad ? '0.0.0.0/0' : '10.0.0.0/8'] }],
          })),
        },
      },
      trails: [{ name: 'org-trail', homeRegion: 'us-east-1', s3BucketName: 'synthetic-org-trail', multiRegion: true, organizationTrail: true, includeGlobalServiceEvents: true, logFileValidation: true, isLogging: true }],
    });
  }
  return {
    organization: {
      id: 'o-synthetic01',
      managementAccountId: '100000000000',
      featureSet: 'ALL',
      rootId,
      enabledPolicyTypes: ['SERVICE_CONTROL_POLICY'],
      enabledServicePrincipals: ['cloudtrail.amazonaws.com', 'guardduty.amazonaws.com'],
      delegatedAdministrators: n > 1 ? [{ accountId: '100000000001', servicePrincipal: 'guardduty.amazonaws.com' }] : [],
    },
    organizationalUnits: ous,
    policies: [
      {
        id: 'p-FullAWSAccess',
        name: 'FullAWSAccess',
        description: 'Allows access to every operation',
        type: 'SERVICE_CONTROL_POLICY',
        awsManaged: true,
        content: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
        targets: [rootId, ...ous.map((o) => o.id), ...accounts.map((a) => a.id)],
      },
    ],
    accounts,
  };
};

const gcpEstate = (n: number, per: number, rnd: () => number, bad: number): GcpEstate => {
  const org = '900000000001';
  const folders: GcpFolder[] = [];
  const groups = Math.max(1, Math.ceil(n / per));
  for (let g = 0; g < groups; g++) {
    folders.push({ id: String(910000000000 + g), parent: `organizations/${org}`, displayName: `Team ${String(g)}`, createTime: daysAgo(1200) });
  }
  const projects: GcpProject[] = [];
  for (let i = 0; i < n; i++) {
    const number = String(920000000000 + i);
    const bindings: GcpBinding[] = [
      { role: 'roles/owner', members: [rnd() < bad ? `user:owner-${String(i)}@example.com` : `group:team-${String(Math.floor(i / per))}@example.com`] },
      { role: 'roles/viewer', members: [`group:readers@example.com`, ...(rnd() < bad / 4 ? ['allUsers'] : [])] },
      { role: 'roles/compute.serviceAgent', members: [`serviceAccount:service-${number}@compute-system.iam.gserviceaccount.com`] },
    ];
    if (rnd() < bad / 2) bindings.push({ role: 'roles/editor', members: [`deleted:user:gone-${String(i)}@example.com?uid=${pad(i, 21)}`] });
    projects.push({
      projectId: `synthetic-${pad(i, 5)}`,
      number,
      parent: `folders/${String(910000000000 + Math.floor(i / per))}`,
      displayName: `Synthetic ${String(i)}`,
      state: rnd() < bad / 10 ? 'DELETE_REQUESTED' : 'ACTIVE',
      labels: rnd() < bad ? { env: 'dev' } : { owner: `team-${String(Math.floor(i / per))}`, env: 'prod' },
      createTime: daysAgo(100 + rnd() * 900),
      iamPolicy: { bindings, ...(rnd() < bad ? {} : { auditConfigs: [{ service: 'allServices', auditLogConfigs: [{ logType: 'ADMIN_READ' as const }, { logType: 'DATA_WRITE' as const }] }] }) },
    });
  }
  return {
    organizations: [{ id: org, displayName: 'synthetic.example.com', directoryCustomerId: 'C0synth', createTime: daysAgo(2000), iamPolicy: { bindings: [{ role: 'roles/resourcemanager.organizationAdmin', members: ['group:admins@example.com'] }] } }],
    folders,
    projects,
  };
};

const azureEstate = (n: number, per: number, rnd: () => number, bad: number): AzureEstate => {
  const subscriptions: AzureSubscription[] = [];
  for (let i = 0; i < n; i++) {
    const id = guid(55555555, i);
    const location = rnd() < bad / 2 ? 'eastasia' : 'westeurope';
    const owner = rnd() < bad ? undefined : { owner: `team-${String(Math.floor(i / per))}` };
    const groups: AzureResourceGroup[] = [
      {
        name: `rg-app-${String(i)}`,
        location: 'westeurope',
        ...(owner ? { tags: owner } : {}),
        resources: [
          {
            name: `st${pad(i, 6)}app`,
            type: 'Microsoft.Storage/storageAccounts',
            location,
            kind: 'StorageV2',
            ...(owner ? { tags: owner } : {}),
            properties: { allowBlobPublicAccess: rnd() < bad, allowSharedKeyAccess: rnd() < bad, minimumTlsVersion: 'TLS1_2' },
          },
          { name: `kv-${pad(i, 6)}`, type: 'Microsoft.KeyVault/vaults', location, ...(owner ? { tags: owner } : {}), properties: { enableSoftDelete: true, ...(rnd() < bad ? {} : { enablePurgeProtection: true }) } },
          {
            name: `nsg-${pad(i, 6)}`,
            type: 'Microsoft.Network/networkSecurityGroups',
            location,
            properties: {
              securityRules: [
                { name: 'inbound', properties: { protocol: 'Tcp', destinationPortRange: rnd() < bad ? '22' : '443', sourceAddressPrefix: rnd() < bad ? '*' : '10.0.0.0/8', access: 'Allow', direction: 'Inbound', priority: 100 } },
              ],
            },
          },
        ],
      },
    ];
    subscriptions.push({
      id,
      displayName: `synthetic-${pad(i, 5)}`,
      state: rnd() < bad / 10 ? 'Disabled' : 'Enabled',
      managementGroup: `mg-${String(Math.floor(i / per))}`,
      resourceGroups: groups,
      roleAssignments: [{ id: guid(66666666, i), roleDefinitionId: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', principalId: guid(77777777, i), principalType: rnd() < bad ? 'User' : 'Group' }],
      activityLogDiagnosticSettings: rnd() < bad ? [] : [{ name: 'activity', workspaceId: `/subscriptions/${id}/resourceGroups/rg-app-${String(i)}/providers/Microsoft.OperationalInsights/workspaces/law`, logs: [{ category: 'Administrative', enabled: true }, { category: 'Security', enabled: true }] }],
    });
  }
  const groups = Math.max(1, Math.ceil(n / per));
  return {
    tenantId: '00000000-0000-0000-0000-0000000000b2',
    managementGroups: [
      { name: '00000000-0000-0000-0000-0000000000b2', displayName: 'Tenant Root Group' },
      ...Array.from({ length: groups }, (_, g) => ({ name: `mg-${String(g)}`, displayName: `Team ${String(g)}`, parent: '00000000-0000-0000-0000-0000000000b2' })),
    ],
    subscriptions,
  };
};

/**
 * Generates an estate with the requested number of scopes per vendor, e.g.
 * `syntheticEstate({ awsAccounts: 1000, gcpProjects: 1000, azureSubscriptions: 1000 })`.
 * Roughly `badPracticeRate` of the scopes carry each misconfiguration the demo estate shows.
 */
export const syntheticEstate = (options: SyntheticEstateOptions = {}): Estate => {
  const per = Math.max(1, options.scopesPerGroup ?? 25);
  const bad = options.badPracticeRate ?? 0.2;
  // One PRNG stream per vendor, so adding AWS accounts does not change the Google projects.
  const seed = options.seed ?? 1;
  const aws = options.awsAccounts ?? 0;
  const gcp = options.gcpProjects ?? 0;
  const azure = options.azureSubscriptions ?? 0;
  return {
    ...(aws > 0 ? { aws: awsEstate(aws, per, seededRandom(seed * 3 + 1), bad) } : {}),
    ...(gcp > 0 ? { gcp: gcpEstate(gcp, per, seededRandom(seed * 3 + 2), bad) } : {}),
    ...(azure > 0 ? { azure: azureEstate(azure, per, seededRandom(seed * 3 + 3), bad) } : {}),
  };
};
