import { describe, expect, it } from 'vitest';
import { CheckTester } from '../../testing';
import { AccessDeniedError } from '../../errors';
import { bucketPublicAccess } from './bucket-public-access';

const tester = new CheckTester({ framework: { describe, it } });
const bucket = (id: string, publicAccess: boolean, managedBy?: string) => ({ id, region: 'eu-west-1', publicAccess, ...(managedBy ? { managedBy } : {}) });

tester.run(bucketPublicAccess, {
  valid: [{ name: 'private buckets pass', data: { 'storage:ListBuckets': [bucket('b1', false), bucket('b2', false)] } }],
  invalid: [
    {
      name: 'a public bucket fails, by message id',
      data: { 'storage:ListBuckets': [bucket('b1', false), bucket('b2', true)] },
      findings: [
        { status: 'pass', resourceId: 'b1', messageId: 'private' },
        { status: 'fail', resourceId: 'b2', messageId: 'public', message: 'Bucket b2 allows public access.' },
      ],
    },
    {
      name: 'a public bucket the provider manages is provider-managed, not FAIL',
      data: { 'storage:ListBuckets': [bucket('vendor-logs', true, 'the vendor log service')] },
      findings: [{ status: 'provider-managed', resourceId: 'vendor-logs', providerManaged: 'managed by the vendor log service' }],
    },
    {
      name: 'access denied is an error, never a pass',
      data: {
        'storage:ListBuckets': () => {
          throw new AccessDeniedError('storage:ListBuckets', 'not authorized to perform storage:ListBuckets');
        },
      },
      findings: [{ status: 'error', resourceId: '123456789012' }],
    },
    { name: 'no data for the operation is an error', data: {}, findings: [{ status: 'error' }] },
    {
      name: 'a muted failure is muted',
      data: { 'storage:ListBuckets': [bucket('website', true)] },
      mutes: [{ check: 'example-*', resource: 'web*', reason: 'static website' }],
      findings: [{ status: 'muted', resourceId: 'website' }],
    },
  ],
});

describe('CheckTester strictness', () => {
  const strict = new CheckTester();
  it('rejects duplicate case names', () => {
    expect(() => CheckTester.assertUniqueNames({ valid: [{ name: 'a' }], invalid: [{ name: 'a', findings: [] }] })).toThrow(/Duplicate/);
  });
  it('rejects an unknown message id', async () => {
    await expect(
      strict.verifyInvalid(bucketPublicAccess, { name: 'x', data: { 'storage:ListBuckets': [bucket('b', true)] }, findings: [{ status: 'fail', messageId: 'nope' }] }),
    ).rejects.toThrow(/not in meta.messages/);
  });
  it('rejects a valid case that fails', async () => {
    await expect(strict.verifyValid(bucketPublicAccess, { name: 'y', data: { 'storage:ListBuckets': [bucket('b', true)] } })).rejects.toThrow(/produced/);
  });
  it('rejects a wrong finding count', async () => {
    await expect(strict.verifyInvalid(bucketPublicAccess, { name: 'z', data: { 'storage:ListBuckets': [] }, findings: [{ status: 'fail' }] })).rejects.toThrow(/expected 1/);
  });
});
