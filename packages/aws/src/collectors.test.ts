import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { AwsClients } from './clients';
import { awsCollectors } from './collectors';
import { discoverAccounts } from './discovery';

describe('collectors', () => {
  it('stop paging when a server repeats its NextToken instead of looping forever', async () => {
    let calls = 0;
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        calls++;
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify({ Accounts: [{ Id: String(calls).padStart(12, '0'), Status: 'ACTIVE' }], NextToken: 'always-the-same' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const clients = new AwsClients({ region: 'us-east-1', endpoint, maxAttempts: 1, credentials: { accessKeyId: 'AKIAEXAMPLE000000001', secretAccessKey: 'fake' } });
      const accounts = await awsCollectors(clients)['organizations:ListAccounts']({ id: 'organization', kind: 'organization' }, {}, { signal: new AbortController().signal });
      expect((accounts as { id: string }[]).map((a) => a.id)).toEqual(['000000000001', '000000000002']);
      expect(calls).toBe(2);
      await clients.destroy();
    } finally {
      server.close();
    }
  });

  it('outside AWS Organizations: discovery yields the caller\'s account and the organization reads as null', async () => {
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        if (String(req.headers['x-amz-target'] ?? '').endsWith('.DescribeOrganization')) {
          res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'req-1' });
          res.end(JSON.stringify({ __type: 'AWSOrganizationsNotInUseException', message: 'Your account is not a member of an organization.' }));
        } else if (body.includes('Action=GetCallerIdentity')) {
          res.writeHead(200, { 'content-type': 'text/xml' });
          res.end('<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/solo</Arn><UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>req-2</RequestId></ResponseMetadata></GetCallerIdentityResponse>');
        } else {
          res.writeHead(500);
          res.end();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const clients = new AwsClients({ region: 'us-east-1', endpoint, maxAttempts: 1, credentials: { accessKeyId: 'AKIAEXAMPLE000000001', secretAccessKey: 'fake' } }, { roleName: 'Audit' });
      const scopes = [];
      for await (const scope of discoverAccounts(clients, { regions: ['eu-west-1'] })) scopes.push(scope);
      expect(scopes).toEqual([{ id: '123456789012', kind: 'account', regions: ['eu-west-1'] }]);
      await expect(discoverAccounts(clients, { organization: 'required' }).next()).rejects.toThrow(/not in use/);
      const org = await awsCollectors(clients)['organizations:DescribeOrganization']({ id: 'organization', kind: 'organization' }, {}, { signal: new AbortController().signal });
      expect(org).toBeNull();
      await clients.destroy();
    } finally {
      server.close();
    }
  });
});
