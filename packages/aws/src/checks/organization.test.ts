import { describe, it } from 'vitest';
import { AccessDeniedError } from '@demarc/core';
import { CheckTester } from '@demarc/core/testing';
import { awsProvider } from '../provider';
import { orgAllFeatures, orgInactiveAccounts, orgScpGuardrails, orgSecurityServicesAccess } from './organization';
import { orgAiOptOutPolicy, orgBackupPolicy, orgOwnerTagPolicy } from './organization-policies';

const tester = new CheckTester({ provider: awsProvider(), framework: { describe, it } });
const ORG = { id: 'o-exampleorg1', arn: 'arn:aws:organizations::111111111111:organization/o-exampleorg1', featureSet: 'ALL', managementAccountId: '111111111111' };
const ORG_SCOPE = { id: 'organization', kind: 'organization' } as const;
const roots = (...types: string[]) => [{ id: 'r-ab12', arn: 'arn:aws:organizations::111111111111:root/o-exampleorg1/r-ab12', name: 'Root', policyTypes: types.map((type) => ({ type, status: 'ENABLED' })) }];
const policy = (id: string, name: string, type: string, awsManaged = false) => ({ id, arn: `arn:aws:organizations::111111111111:policy/o-exampleorg1/${type.toLowerCase()}/${id}`, name, type, awsManaged });

/** Organization data with one attached policy per given policy and the targets each has. */
const orgData = (types: string[], policies: { p: ReturnType<typeof policy>; targets: string[] }[], extra: Record<string, unknown> = {}) => ({
  'organizations:DescribeOrganization': ORG,
  'organizations:ListRoots': roots(...types),
  'organizations:ListPolicies': (params: Readonly<Record<string, unknown>>) => policies.filter((x) => x.p.type === params.filter).map((x) => x.p),
  'organizations:ListTargetsForPolicy': (params: Readonly<Record<string, unknown>>) => (policies.find((x) => x.p.id === params.policyId)?.targets ?? []).map((targetId) => ({ targetId, type: 'ROOT', name: 'Root' })),
  ...extra,
});
const noOrg = { name: 'not in an organization', scope: ORG_SCOPE, data: { 'organizations:DescribeOrganization': null }, findings: [{ status: 'skipped' as const, messageId: 'none' }] };

tester.run(orgAllFeatures, {
  valid: [{ name: 'all features', scope: ORG_SCOPE, data: { 'organizations:DescribeOrganization': ORG } }],
  invalid: [
    { name: 'consolidated billing only', scope: ORG_SCOPE, data: { 'organizations:DescribeOrganization': { ...ORG, featureSet: 'CONSOLIDATED_BILLING' } }, findings: [{ status: 'fail', messageId: 'billing', resourceId: ORG.arn }] },
    noOrg,
  ],
});

const FULL_ACCESS = policy('p-FullAWSAccess', 'FullAWSAccess', 'SERVICE_CONTROL_POLICY', true);
tester.run(orgScpGuardrails, {
  valid: [{ name: 'own SCP attached', scope: ORG_SCOPE, data: orgData(['SERVICE_CONTROL_POLICY'], [{ p: FULL_ACCESS, targets: ['r-ab12'] }, { p: policy('p-deny1234', 'DenyLeaveOrg', 'SERVICE_CONTROL_POLICY'), targets: ['ou-ab12-prod1234'] }]) }],
  invalid: [
    { name: 'SCPs disabled', scope: ORG_SCOPE, data: orgData([], []), findings: [{ status: 'fail', messageId: 'disabled' }] },
    { name: 'only FullAWSAccess', scope: ORG_SCOPE, data: orgData(['SERVICE_CONTROL_POLICY'], [{ p: FULL_ACCESS, targets: ['r-ab12'] }]), findings: [{ status: 'fail', messageId: 'fullAccessOnly' }] },
    { name: 'own SCP detached', scope: ORG_SCOPE, data: orgData(['SERVICE_CONTROL_POLICY'], [{ p: FULL_ACCESS, targets: ['r-ab12'] }, { p: policy('p-deny1234', 'DenyLeaveOrg', 'SERVICE_CONTROL_POLICY'), targets: [] }]), findings: [{ status: 'fail', messageId: 'fullAccessOnly' }] },
  ],
});

const account = (id: string, status: string) => ({ id, arn: `arn:aws:organizations::111111111111:account/o-exampleorg1/${id}`, name: `acct-${id.slice(0, 3)}`, email: `${id}@example.com`, status });
tester.run(orgInactiveAccounts, {
  valid: [{ name: 'all active', scope: ORG_SCOPE, data: { 'organizations:DescribeOrganization': ORG, 'organizations:ListAccounts': [account('111111111111', 'ACTIVE'), account('222222222222', 'ACTIVE')] } }],
  invalid: [{
    name: 'suspended and closing accounts', scope: ORG_SCOPE,
    data: { 'organizations:DescribeOrganization': ORG, 'organizations:ListAccounts': [account('111111111111', 'ACTIVE'), account('555555555555', 'SUSPENDED'), account('777777777777', 'PENDING_CLOSURE')] },
    findings: [
      { status: 'fail', messageId: 'inactive', resourceId: account('555555555555', '').arn },
      { status: 'fail', messageId: 'inactive', resourceId: account('777777777777', '').arn },
    ],
  }],
});

const ALL_SERVICES = ['cloudtrail.amazonaws.com', 'config.amazonaws.com', 'guardduty.amazonaws.com', 'securityhub.amazonaws.com'];
/** Delegated administrators by service principal; a service named in `failing` cannot be read. */
type Params = Readonly<Record<string, unknown>>;
const adminsOf = (byService: Record<string, string[]>, failing?: string) => (params: Params) => {
  const principal = String(params.servicePrincipal);
  if (principal === failing) throw new AccessDeniedError('organizations:ListDelegatedAdministrators', 'not allowed');
  return byService[principal] ?? [];
};
const GUARDDUTY = 'guardduty.amazonaws.com';
const TRUSTED = 'has trusted access to the organization';
/** The organization, the services with trusted access, and their delegated administrators. */
const servicesData = (trusted: string[], admins: unknown) => ({
  'organizations:DescribeOrganization': ORG, 'organizations:ListAWSServiceAccessForOrganization': trusted,
  'organizations:ListDelegatedAdministrators': admins,
});
tester.run(orgSecurityServicesAccess, {
  valid: [{ name: 'all four with trusted access', scope: ORG_SCOPE, data: { 'organizations:DescribeOrganization': ORG, 'organizations:ListAWSServiceAccessForOrganization': ALL_SERVICES, 'organizations:ListDelegatedAdministrators': ['333333333333'] } }],
  invalid: [
    {
      name: 'GuardDuty and Security Hub missing, GuardDuty\'s administrator registered anyway', scope: ORG_SCOPE,
      data: servicesData(ALL_SERVICES.slice(0, 2), adminsOf({ [GUARDDUTY]: ['333333333333'] })),
      findings: [
        { status: 'pass', message: `cloudtrail.amazonaws.com ${TRUSTED}; delegated administrator: none.` },
        { status: 'pass' },
        {
          status: 'fail', messageId: 'disabled',
          message: 'guardduty.amazonaws.com has no trusted access to the organization; delegated administrator: '
            + '333333333333.',
        },
        { status: 'fail', messageId: 'disabled' },
      ],
    },
    {
      name: 'one service\'s administrators cannot be read: an error for it alone', scope: ORG_SCOPE,
      data: servicesData(ALL_SERVICES, adminsOf({}, 'config.amazonaws.com')),
      findings: [
        { status: 'pass', resourceId: `${ORG.arn}/service-access/cloudtrail.amazonaws.com` },
        {
          status: 'error', messageId: 'unverified', resourceId: `${ORG.arn}/service-access/config.amazonaws.com`,
          message: `config.amazonaws.com ${TRUSTED}, but its delegated administrators could not be read: not allowed`,
        },
        { status: 'pass' },
        { status: 'pass' },
      ],
    },
  ],
});

for (const [check, type] of [[orgBackupPolicy, 'BACKUP_POLICY'], [orgAiOptOutPolicy, 'AISERVICES_OPT_OUT_POLICY']] as const) {
  tester.run(check, {
    valid: [{ name: `${type} attached`, scope: ORG_SCOPE, data: orgData([type], [{ p: policy('p-abcd1234', 'Baseline', type), targets: ['r-ab12'] }]) }],
    invalid: [
      { name: `${type} not enabled`, scope: ORG_SCOPE, data: orgData([], []), findings: [{ status: 'fail', messageId: 'disabled' }] },
      { name: `${type} enabled, nothing attached`, scope: ORG_SCOPE, data: orgData([type], [{ p: policy('p-abcd1234', 'Baseline', type), targets: [] }]), findings: [{ status: 'fail', messageId: 'unattached' }] },
      noOrg,
    ],
  });
}

const TAG = policy('p-tag12345', 'Tags', 'TAG_POLICY');
const tagContent = (content: object) => ({ 'organizations:DescribePolicy': { ...TAG, content: JSON.stringify(content) } });
tester.run(orgOwnerTagPolicy, {
  valid: [{ name: 'owner key defined', scope: ORG_SCOPE, data: orgData(['TAG_POLICY'], [{ p: TAG, targets: ['r-ab12'] }], tagContent({ tags: { Owner: { tag_key: { '@@assign': 'Owner' } } } })) }],
  invalid: [
    { name: 'tag policies disabled', scope: ORG_SCOPE, data: orgData([], []), findings: [{ status: 'fail', messageId: 'disabled' }] },
    { name: 'tag policy without owner', scope: ORG_SCOPE, data: orgData(['TAG_POLICY'], [{ p: TAG, targets: ['r-ab12'] }], tagContent({ tags: { costcenter: { tag_key: { '@@assign': 'CostCenter' } } } })), findings: [{ status: 'fail', messageId: 'missing' }] },
  ],
});
