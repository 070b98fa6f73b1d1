/**
 * IAM checks of the root user: MFA (or no credentials at all, removed through the organization's
 * centralized root access), and no access keys.
 * @module
 */
import { ORGANIZATION_SCOPE } from '@demarc/core';
import type { AwsOrganizationsFeaturesData } from '../collectors';
import type { AwsScopeInfo } from '../discovery';
import { defineAwsCheck } from './define';

const IAM_DOCS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide';
/** AWS's page on centrally managed root access for member accounts: what the `removed` pass cites. */
export const CENTRAL_ROOT_ACCESS_DOC = `${IAM_DOCS}/id_root-user.html#id_root-user-access-management`;
const rootResource = (account: string) => ({ id: `arn:aws:iam::${account}:root`, type: 'iam:root', name: 'root user' });

/** The root credentials the IAM account summary counts, by their summary key. */
const ROOT_CREDENTIALS = {
  AccountPasswordPresent: 'a password',
  AccountAccessKeysPresent: 'access keys',
  AccountSigningCertificatesPresent: 'signing certificates',
} as const;

/** `a, b and c`. */
const listed = (items: readonly string[]): string =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}` : items.join('');

/** The root user has MFA, or (in a member account) no credentials at all under centralized root access. */
export const iamRootMfa = defineAwsCheck({
  meta: {
    id: 'aws-iam-root-mfa', title: 'The root user has MFA', domain: 'accounts-access', severity: 'critical',
    description: 'Reads AccountMFAEnabled and the root credentials present (password, access keys, signing '
      + 'certificates) from the IAM account summary. For a member account whose root user has no MFA, asks IAM from '
      + 'the management account whether the organization manages root credentials centrally '
      + '(ListOrganizationsFeatures): a member root user without any credential then cannot sign in, and passes.',
    rationale: 'The root user can do anything in the account, including closing it; a password alone is one phishing e-mail away from losing the account.',
    remediation: 'Sign in as the root user and assign an MFA device (a hardware key or passkey); for member accounts, '
      + 'enable centralized root access in IAM from the management account and delete the member\'s root credentials.',
    references: [
      `${IAM_DOCS}/enable-mfa-for-root.html`, `${IAM_DOCS}/best-practices.html`,
      CENTRAL_ROOT_ACCESS_DOC, `${IAM_DOCS}/id_root-enable-root-access.html`,
    ],
    permissions: ['iam:GetAccountSummary', 'iam:ListOrganizationsFeatures'],
    compliance: [{ framework: 'cis-aws-3.0', control: '1.5' }],
    messages: {
      mfa: 'The root user of {{account}} has MFA.',
      noMfa: 'The root user of {{account}} has no MFA.',
      removed: 'The root user of {{account}} has no MFA and no credentials (no password, access keys or signing '
        + 'certificates): organization {{organization}} manages root credentials centrally and they were removed, '
        + `so nobody can sign in as root (${CENTRAL_ROOT_ACCESS_DOC}).`,
      remaining: 'The root user of {{account}} has no MFA and still has {{credentials}}, although organization '
        + '{{organization}} manages root credentials centrally: delete them from the management account.',
    },
  },
  async *run(context) {
    const summary = await context.collect<Record<string, number>>('iam:GetAccountSummary');
    const account = context.scope.id;
    const resource = rootResource(account);
    const keys = ['AccountMFAEnabled', ...Object.keys(ROOT_CREDENTIALS)];
    const evidence = Object.fromEntries(keys.map((k) => [k, summary[k] ?? null]));
    const data = { account, organization: '', credentials: '' };
    if (summary.AccountMFAEnabled === 1) return yield { status: 'pass', resource, messageId: 'mfa', data, evidence };
    // Centralized root access covers member accounts only, and only the management account (or IAM's
    // delegated administrator) can tell: ask in the organization scope, once per scan.
    if ((context.scope as AwsScopeInfo).management === false) {
      const inOrganization = { scope: ORGANIZATION_SCOPE };
      const operation = 'iam:ListOrganizationsFeatures';
      const features = await context.collect<AwsOrganizationsFeaturesData>(operation, {}, inOrganization);
      if (features.enabledFeatures.includes('RootCredentialsManagement')) {
        // A summary without a key cannot prove the credential absent: only an explicit 0 counts.
        const remaining = Object.entries(ROOT_CREDENTIALS).filter(([k]) => summary[k] !== 0).map(([, what]) => what);
        const organization = features.organizationId ?? '';
        const centrally = { ...data, organization, credentials: listed(remaining) };
        const seen = { ...evidence, enabledFeatures: [...features.enabledFeatures] };
        return yield remaining.length === 0
          ? { status: 'pass', resource, messageId: 'removed', data: centrally, evidence: seen }
          : { status: 'fail', resource, messageId: 'remaining', data: centrally, evidence: seen };
      }
    }
    yield { status: 'fail', resource, messageId: 'noMfa', data, evidence };
  },
});

/** The root user has no access keys. */
export const iamRootAccessKeys = defineAwsCheck({
  meta: {
    id: 'aws-iam-root-access-keys', title: 'The root user has no access keys', domain: 'accounts-access', severity: 'critical',
    description: 'Reads AccountAccessKeysPresent from the IAM account summary.',
    rationale: 'Root access keys are long-lived credentials with unlimited rights that no policy can restrict; once leaked they are the whole account.',
    remediation: 'Delete the root user\'s access keys (Security credentials page of the root user) and use IAM roles for automation.',
    references: [`${IAM_DOCS}/id_root-user_manage_add-key.html`],
    permissions: ['iam:GetAccountSummary'],
    compliance: [{ framework: 'cis-aws-3.0', control: '1.4' }],
    messages: { none: 'The root user of {{account}} has no access keys.', present: 'The root user of {{account}} has access keys.' },
  },
  async *run(context) {
    const summary = await context.collect<Record<string, number>>('iam:GetAccountSummary');
    const present = (summary.AccountAccessKeysPresent ?? 0) > 0;
    yield { status: present ? 'fail' : 'pass', resource: rootResource(context.scope.id), messageId: present ? 'present' : 'none', data: { account: context.scope.id } };
  },
});
