import { execFile } from 'node:child_process';
import dns from 'node:dns';
import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

// Checked before this file imports the guard itself: the root vitest config's setupFiles installed it.
const installedBySetup = (globalThis as Record<symbol, unknown>)[Symbol.for('demarc.loopbackGuard.installed')] === true;

const guard = await import('./loopback-guard.ts');

// 192.0.2.0/24 is TEST-NET-1 (RFC 5737): not routable even if a guard ever failed.
const REMOTE = '192.0.2.10';

afterEach(() => guard.clearLoopbackRefusals());

describe('loopback guard', () => {
  it('is installed for the whole suite by the vitest setup file', () => {
    expect(installedBySetup).toBe(true);
  });

  it('refuses a TCP connection to a non-loopback address, loudly and by name', () => {
    expect(() => net.connect({ host: REMOTE, port: 443 })).toThrow(guard.LoopbackGuardError);
    expect(() => net.connect(80, REMOTE)).toThrow(/LOOPBACK GUARD: refused a connection to 192\.0\.2\.10:80/);
    expect(() => tls.connect({ host: REMOTE, port: 443 })).toThrow(guard.LoopbackGuardError);
    expect(guard.loopbackRefusals().map((r) => r.target)).toEqual([`${REMOTE}:443`, `${REMOTE}:80`, `${REMOTE}:443`]);
  });

  it('refuses host names before any DNS packet: http to the cloud metadata server, lookups and resolvers', async () => {
    expect(() => http.get('http://metadata.google.internal/computeMetadata/v1/')).toThrow(/metadata\.google\.internal/);
    expect(() => http.get('http://169.254.169.254/latest/meta-data/')).toThrow(/169\.254\.169\.254/);
    await expect(dns.promises.lookup('example.com')).rejects.toThrow(guard.LoopbackGuardError);
    expect(() => dns.lookup('example.com', () => undefined)).toThrow(guard.LoopbackGuardError);
    await expect(dns.promises.resolve4('example.com')).rejects.toThrow(guard.LoopbackGuardError);
    await expect(new dns.promises.Resolver().resolve4('example.com')).rejects.toThrow(guard.LoopbackGuardError);
  });

  it("covers Node's built-in fetch (undici's own connector)", async () => {
    const error = (await fetch(`http://${REMOTE}/`).catch((e: unknown) => e)) as Error & { cause?: unknown };
    expect(error.cause).toBeInstanceOf(guard.LoopbackGuardError);
    const named = (await fetch('https://www.example.com/').catch((e: unknown) => e)) as Error & { cause?: unknown };
    expect(named.cause).toBeInstanceOf(guard.LoopbackGuardError);
  });

  it('lets loopback through', async () => {
    const server = http.createServer((_, res) => res.end('ok'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as net.AddressInfo;
    try {
      expect(await (await fetch(`http://127.0.0.1:${String(port)}/`)).text()).toBe('ok');
      expect(await (await fetch(`http://localhost:${String(port)}/`).catch(() => fetch(`http://127.0.0.1:${String(port)}/`))).text()).toBe('ok');
      expect(guard.isLoopback('::1')).toBe(true);
      expect(guard.isLoopback('127.8.9.10')).toBe(true);
      expect(guard.isLoopback('10.0.0.1')).toBe(false);
    } finally {
      server.close();
    }
  });

  it('guards a child process preloaded with --import', async () => {
    const guardPath = fileURLToPath(new URL('./loopback-guard.ts', import.meta.url));
    const script = `require('node:net').connect(80, '${REMOTE}')`;
    const run = promisify(execFile);
    const error = (await run(process.execPath, ['--import', 'tsx', '--import', guardPath, '-e', script], { cwd: fileURLToPath(new URL('..', import.meta.url)) }).catch(
      (e: unknown) => e,
    )) as { code?: number; stderr?: string };
    expect(error.code).not.toBe(0);
    expect(error.stderr).toContain(`LOOPBACK GUARD: refused a connection to ${REMOTE}:80`);
  });
});
