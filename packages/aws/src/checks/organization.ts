/**
 * Organization-level checks, run once with the management account's credentials.
 * @module
 */
import { summarizeError } from '@demarc/core';
import type { AwsAccountData } from '../collectors';
import { defineAwsCheck } from './define';
import { POLICY_TYPE_PERMISSIONS, organizationOf, organizationResource, policyTypeState } from './shared';

const ORG_DOCS = 'https://docs.aws.amazon.com/organizations/latest/userguide';

/** All features enabled, so SCPs and other organization policies can be used. */
export const orgAllFeatures = defineAwsCheck({
  meta: {
    id: 'aws-org-all-features', title: 'The organization has all features enabled', level: 'organization', domain: 'governance', severity: 'medium',
    description: 'Reads the organization\'s feature set.',
    rationale: 'With consolidated billing only, the management account cannot apply service control policies or any other organization policy: there are no central guardrails.',
    remediation: 'In the management account, enable all features (Organizations console → Settings, or `aws organizations enable-all-features`) and have every invited account approve the request.',
    references: [`${ORG_DOCS}/orgs_manage_org_support-all-features.html`],
    permissions: ['organizations:DescribeOrganization'],
    messages: { all: 'Organization {{id}} has all features enabled.', billing: 'Organization {{id}} has only consolidated billing: no SCPs or organization policies.', none: 'The account belongs to no organization.' },
  },
  async *run(context) {
    const org = await organizationOf(context);
    if (!org) return yield { status: 'skipped', messageId: 'none' };
    const all = org.featureSet === 'ALL';
    yield { status: all ? 'pass' : 'fail', resource: organizationResource(org), messageId: all ? 'all' : 'billing', data: { id: org.id }, evidence: { featureSet: org.featureSet } };
  },
});

/** SCPs enabled, and a policy of the customer's attached beyond AWS's FullAWSAccess. */
export const orgScpGuardrails = defineAwsCheck({
  meta: {
    id: 'aws-org-scp-guardrails', title: 'Service control policies are enabled and the customer\'s own SCPs are attached', level: 'organization', domain: 'accounts-access', severity: 'high',
    description: 'Checks that the SERVICE_CONTROL_POLICY type is enabled on the root and that at least one SCP other than AWS-managed FullAWSAccess is attached.',
    rationale: 'FullAWSAccess allows everything: until the customer attaches its own SCPs, no account has a guardrail that its own administrators cannot remove (e.g. leaving the organization, disabling CloudTrail).',
    remediation: 'Enable the SCP policy type on the root and attach guardrail SCPs (deny leaving the organization, deny disabling CloudTrail/GuardDuty, region restrictions) to the root or OUs.',
    references: [`${ORG_DOCS}/orgs_manage_policies_scps.html`, `${ORG_DOCS}/orgs_manage_policies_scps_examples.html`],
    permissions: [...POLICY_TYPE_PERMISSIONS],
    messages: { disabled: 'Service control policies are not enabled on the root.', fullAccessOnly: 'Only AWS-managed SCPs are attached: no guardrail of the customer\'s.', attached: 'Customer SCPs attached: {{policies}}.', none: 'The account belongs to no organization.' },
  },
  async *run(context) {
    const org = await organizationOf(context);
    if (!org) return yield { status: 'skipped', messageId: 'none' };
    const state = await policyTypeState(context, 'SERVICE_CONTROL_POLICY');
    const own = state.attached.filter((p) => !p.awsManaged);
    const messageId = !state.enabled ? 'disabled' : own.length === 0 ? 'fullAccessOnly' : 'attached';
    yield { status: messageId === 'attached' ? 'pass' : 'fail', resource: organizationResource(org), messageId, data: { policies: own.map((p) => p.name).join(', ') }, evidence: { enabled: state.enabled, attached: state.attached.map((p) => p.id) } };
  },
});

/** Suspended or closing accounts still in the organization. */
export const orgInactiveAccounts = defineAwsCheck({
  meta: {
    id: 'aws-org-inactive-accounts', title: 'No suspended or closing accounts remain in the organization', level: 'organization', domain: 'governance', severity: 'low',
    description: 'Lists the organization\'s accounts and reports those whose status is SUSPENDED or PENDING_CLOSURE.',
    rationale: 'A suspended or closing account is no longer operated but still counts in the organization: its resources, policies and access are unreviewed, and demarc cannot enter it to check them.',
    remediation: 'Remove closed accounts from the organization (or move them to a quarantine OU with a deny-all SCP) and record who owns the decision.',
    references: [`${ORG_DOCS}/orgs_manage_accounts_close.html`],
    permissions: ['organizations:DescribeOrganization', 'organizations:ListAccounts'],
    messages: { inactive: 'Account {{id}} ({{name}}) is {{status}} but still in the organization.', clean: 'All {{count}} accounts are active.', none: 'The account belongs to no organization.' },
  },
  async *run(context) {
    const org = await organizationOf(context);
    if (!org) return yield { status: 'skipped', messageId: 'none', data: { id: '', name: '', status: '', count: 0 } };
    const accounts = await context.collect<AwsAccountData[]>('organizations:ListAccounts');
    const inactive = accounts.filter((a) => a.status !== 'ACTIVE');
    if (inactive.length === 0) return yield { status: 'pass', resource: organizationResource(org), messageId: 'clean', data: { id: '', name: '', status: '', count: accounts.length } };
    for (const a of inactive) yield { status: 'fail', resource: { id: a.arn || a.id, type: 'organizations:account', name: a.name }, messageId: 'inactive', data: { id: a.id, name: a.name, status: a.status, count: accounts.length } };
  },
});

/** The security services whose organization-wide setup needs trusted access. */
const SECURITY_SERVICES = ['cloudtrail.amazonaws.com', 'config.amazonaws.com', 'guardduty.amazonaws.com', 'securityhub.amazonaws.com'] as const;

/** Trusted access for CloudTrail, Config, GuardDuty and Security Hub, and who administers each. */
export const orgSecurityServicesAccess = defineAwsCheck({
  meta: {
    id: 'aws-org-security-services-access', title: 'CloudTrail, Config, GuardDuty and Security Hub have trusted access to the organization', level: 'organization', domain: 'logging-monitoring', severity: 'medium',
    description: 'Checks trusted access of each security service and lists its delegated administrator (asked '
      + 'whatever the trusted access): one finding per service, and an error only for a service whose '
      + 'administrators could not be read.',
    rationale: 'Without trusted access these services cannot be turned on for every account from one place, so new accounts start unmonitored and findings are not collected centrally.',
    remediation: 'Enable trusted access for each service (from that service\'s console in the management account) and register a security-tooling account as its delegated administrator.',
    references: [`${ORG_DOCS}/orgs_integrate_services_list.html`, `${ORG_DOCS}/orgs_integrate_delegated_admin.html`],
    permissions: ['organizations:DescribeOrganization', 'organizations:ListAWSServiceAccessForOrganization', 'organizations:ListDelegatedAdministrators'],
    messages: {
      enabled: '{{service}} has trusted access to the organization; delegated administrator: {{admins}}.',
      disabled: '{{service}} has no trusted access to the organization; delegated administrator: {{admins}}.',
      unverified: '{{service}} {{access}} to the organization, but its delegated administrators could not be read: '
        + '{{error}}',
      none: 'The account belongs to no organization.',
    },
  },
  async *run(context) {
    const org = await organizationOf(context);
    if (!org) return yield { status: 'skipped', messageId: 'none' };
    const enabled = await context.collect<string[]>('organizations:ListAWSServiceAccessForOrganization');
    for (const service of SECURITY_SERVICES) {
      const on = enabled.includes(service);
      const id = `${org.arn || org.id}/service-access/${service}`;
      const resource = { id, type: 'organizations:service-access', name: service };
      let admins: string[];
      try {
        const params = { servicePrincipal: service };
        admins = await context.collect<string[]>('organizations:ListDelegatedAdministrators', params);
      } catch (error) {
        if (context.signal.aborted) throw error;
        // This service's duty is unverified; the other services' findings stand.
        const access = on ? 'has trusted access' : 'has no trusted access';
        const data = { service, access, error: summarizeError(error).message };
        const seen = { trustedAccess: on };
        yield { status: 'error', resource, messageId: 'unverified', data, evidence: seen, error };
        continue;
      }
      const data = { service, admins: admins.join(', ') || 'none' };
      const seen = { trustedAccess: on, delegatedAdministrators: admins };
      yield { status: on ? 'pass' : 'fail', resource, messageId: on ? 'enabled' : 'disabled', data, evidence: seen };
    }
  },
});
