/**
 * IAM checks per account: the root user, users' MFA, and credentials nobody used for 90 days.
 * @module
 */
import type { AwsAccessKeyData, AwsAccessKeyLastUsedData, AwsIamRoleData, AwsIamUserData, AwsRoleLastUsedData } from '../collectors';
import { defineAwsCheck } from './define';
import { daysBetween } from './shared';

const IAM_DOCS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide';
const rootResource = (account: string) => ({ id: `arn:aws:iam::${account}:root`, type: 'iam:root', name: 'root user' });

/** The root user has MFA. */
export const iamRootMfa = defineAwsCheck({
  meta: {
    id: 'aws-iam-root-mfa', title: 'The root user has MFA', domain: 'accounts-access', severity: 'critical',
    description: 'Reads AccountMFAEnabled from the IAM account summary.',
    rationale: 'The root user can do anything in the account, including closing it; a password alone is one phishing e-mail away from losing the account.',
    remediation: 'Sign in as the root user and assign an MFA device (a hardware key or passkey); for member accounts, consider centrally managed root access.',
    references: [`${IAM_DOCS}/enable-mfa-for-root.html`, `${IAM_DOCS}/best-practices.html`],
    permissions: ['iam:GetAccountSummary'],
    compliance: [{ framework: 'cis-aws-3.0', control: '1.5' }],
    messages: { mfa: 'The root user of {{account}} has MFA.', noMfa: 'The root user of {{account}} has no MFA.' },
  },
  async *run(context) {
    const summary = await context.collect<Record<string, number>>('iam:GetAccountSummary');
    const mfa = summary.AccountMFAEnabled === 1;
    yield { status: mfa ? 'pass' : 'fail', resource: rootResource(context.scope.id), messageId: mfa ? 'mfa' : 'noMfa', data: { account: context.scope.id }, evidence: { AccountMFAEnabled: summary.AccountMFAEnabled ?? 0 } };
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

/** Every IAM user has an MFA device. */
export const iamUserMfa = defineAwsCheck({
  meta: {
    id: 'aws-iam-user-mfa', title: 'IAM users have MFA', domain: 'accounts-access', severity: 'high',
    description: 'Lists IAM users and their MFA devices.',
    rationale: 'Enforcing MFA is the customer\'s part of access management in every service model; a user with only a password or key is taken over by one leaked secret.',
    remediation: 'Assign an MFA device to the user, or replace the IAM user with federated access through IAM Identity Center.',
    references: [`${IAM_DOCS}/id_credentials_mfa_enable.html`],
    permissions: ['iam:ListUsers', 'iam:ListMFADevices'],
    compliance: [{ framework: 'cis-aws-3.0', control: '1.10' }],
    messages: { mfa: 'IAM user {{user}} has MFA.', noMfa: 'IAM user {{user}} has no MFA device.' },
  },
  async *run(context) {
    for (const user of await context.collect<AwsIamUserData[]>('iam:ListUsers')) {
      const devices = await context.collect<unknown[]>('iam:ListMFADevices', { userName: user.userName });
      yield { status: devices.length > 0 ? 'pass' : 'fail', resource: { id: user.arn, type: 'iam:user', name: user.userName }, messageId: devices.length > 0 ? 'mfa' : 'noMfa', data: { user: user.userName } };
    }
  },
});

/** How many days without use make a credential a leaver's. */
export const UNUSED_CREDENTIAL_DAYS = 90;

/** IAM users whose password and active keys nobody used for 90 days: likely leavers. */
export const iamUnusedCredentials = defineAwsCheck({
  meta: {
    id: 'aws-iam-unused-credentials', title: `IAM user credentials were used in the last ${UNUSED_CREDENTIAL_DAYS} days`, domain: 'accounts-access', severity: 'medium',
    description: 'For each IAM user, reads when the password and each active access key were last used (or created, if never used).',
    rationale: 'Credentials nobody uses usually belong to people who left or jobs that stopped; removing leavers\' access is the customer\'s duty and the periodic access review is where it is missed.',
    remediation: 'Confirm with the owner, then deactivate and delete the unused access keys and console password, or delete the user.',
    references: [`${IAM_DOCS}/id_credentials_finding-unused.html`],
    permissions: ['iam:ListUsers', 'iam:ListAccessKeys', 'iam:GetAccessKeyLastUsed'],
    compliance: [{ framework: 'cis-aws-3.0', control: '1.12' }],
    messages: { used: 'IAM user {{user}} used a credential in the last {{days}} days.', unused: 'IAM user {{user}} has credentials unused for over {{days}} days: {{credentials}}.' },
  },
  async *run(context) {
    for (const user of await context.collect<AwsIamUserData[]>('iam:ListUsers')) {
      const stale: string[] = [];
      const lastUse = user.passwordLastUsed ?? user.createDate;
      if (user.passwordLastUsed && daysBetween(user.passwordLastUsed, context.now) > UNUSED_CREDENTIAL_DAYS) stale.push('console password');
      for (const key of await context.collect<AwsAccessKeyData[]>('iam:ListAccessKeys', { userName: user.userName })) {
        if (key.status !== 'Active') continue;
        const used = await context.collect<AwsAccessKeyLastUsedData>('iam:GetAccessKeyLastUsed', { keyId: key.keyId });
        const since = used.lastUsedDate ?? key.createDate ?? lastUse;
        if (since !== undefined && daysBetween(since, context.now) > UNUSED_CREDENTIAL_DAYS) stale.push(`access key ${key.keyId}`);
      }
      yield { status: stale.length ? 'fail' : 'pass', resource: { id: user.arn, type: 'iam:user', name: user.userName }, messageId: stale.length ? 'unused' : 'used', data: { user: user.userName, days: UNUSED_CREDENTIAL_DAYS, credentials: stale.join(', ') } };
    }
  },
});

/** IAM roles nobody assumed for 90 days: leftovers of people, vendors or projects that are gone. */
export const iamUnusedRoles = defineAwsCheck({
  meta: {
    id: 'aws-iam-unused-roles', title: `IAM roles were used in the last ${UNUSED_CREDENTIAL_DAYS} days`, domain: 'accounts-access', severity: 'low',
    description: 'For each IAM role, reads when it was last used (or created, if IAM has no use recorded). Service-linked roles are AWS\'s to remove: their failures are reported as provider-managed.',
    rationale: 'A role nobody assumes still grants its permissions to whoever its trust policy names: departed staff, ended vendor contracts, retired pipelines. Reviewing and removing them is part of the customer\'s access review.',
    remediation: 'Confirm with the role\'s owner, then delete the role (or narrow its trust policy); record the decision in the access review.',
    references: [`${IAM_DOCS}/id_roles_manage_delete.html`, `${IAM_DOCS}/access_policies_access-advisor.html`],
    permissions: ['iam:ListRoles', 'iam:GetRole'],
    messages: { used: 'IAM role {{role}} was used in the last {{days}} days.', unused: 'IAM role {{role}} has not been used for over {{days}} days (since {{since}}).' },
  },
  async *run(context) {
    for (const role of await context.collect<AwsIamRoleData[]>('iam:ListRoles')) {
      const { lastUsedDate } = await context.collect<AwsRoleLastUsedData>('iam:GetRole', { roleName: role.roleName });
      const since = lastUsedDate ?? role.createDate;
      const unused = since !== undefined && daysBetween(since, context.now) > UNUSED_CREDENTIAL_DAYS;
      yield { status: unused ? 'fail' : 'pass', resource: { id: role.arn, type: 'iam:role', name: role.roleName }, messageId: unused ? 'unused' : 'used', data: { role: role.roleName, days: UNUSED_CREDENTIAL_DAYS, since: since ?? 'never' } };
    }
  },
});
