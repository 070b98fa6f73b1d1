import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { AwsClients } from './clients';
import { awsCollectors } from './collectors';

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
});
