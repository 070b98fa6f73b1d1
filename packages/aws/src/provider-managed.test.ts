import { describe, expect, it } from 'vitest';
import { awsIsProviderManaged } from './provider-managed';

const ref = (id: string, scope = '222222222222') => ({ provider: 'aws', scope, id });

describe('provider-managed marks', () => {
  it.each([
    ['arn:aws:iam::222222222222:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport', /service-linked role/],
    ['arn:aws:iam::aws:policy/ReadOnlyAccess', /AWS managed policy/],
    ['arn:aws:iam::aws:policy/service-role/AWSConfigRole', /AWS managed policy/],
    ['arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess', /AWS managed policy/],
    ['arn:aws:kms:eu-west-1:222222222222:alias/aws/ebs', /AWS managed KMS key/],
    ['arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail', /Organization trail/],
  ])('marks %s', (id, reason) => {
    expect(awsIsProviderManaged(ref(id))?.reason).toMatch(reason);
    expect(awsIsProviderManaged(ref(id))?.reason).toMatch(/\(https:\/\/docs\.aws\.amazon\.com\//);
  });

  it.each([
    'arn:aws:iam::222222222222:role/DemarcAudit',
    'arn:aws:iam::222222222222:role/service-role/MyLambdaRole',
    'arn:aws:iam::222222222222:policy/aws-looking-name',
    'arn:aws:kms:eu-west-1:222222222222:alias/orders',
    'arn:aws:kms:eu-west-1:222222222222:key/1234',
    'arn:aws:cloudtrail:us-east-1:222222222222:trail/own-trail',
    'arn:aws:s3:::bucket',
    '222222222222',
  ])('leaves the customer\'s %s alone', (id) => {
    expect(awsIsProviderManaged(ref(id))).toBeUndefined();
  });

  it('does not mark a trail at organization level', () => {
    expect(awsIsProviderManaged(ref('arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail', 'organization'))).toBeUndefined();
  });
});
