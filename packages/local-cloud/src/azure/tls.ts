/**
 * The throw-away TLS certificate of the local ARM server. Azure's bearer-token policy refuses plain
 * http, so ARM must be served over TLS; clients trust this certificate through
 * `tlsOptions: { ca }` (never through a process-wide setting).
 *
 * @module
 */
import { generateKeyPairSync } from 'node:crypto';
import { generate } from 'selfsigned';

/** A certificate and its key, PEM-encoded. */
export interface ThrowAwayCertificate {
  /** The certificate: hand it to clients as their trusted CA. */
  readonly cert: string;
  /** The private key (held by the server only). */
  readonly key: string;
}

/**
 * Generates a self-signed certificate for `127.0.0.1`, `::1` and `localhost`, valid for two days.
 * The key pair comes from node:crypto (native, a few ms) rather than selfsigned's pure-JS generator.
 */
export const generateCertificate = (): ThrowAwayCertificate => {
  const pair = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  // selfsigned accepts a ready key pair, though its typings do not declare the option.
  const options = {
    days: 2,
    algorithm: 'sha256',
    keyPair: { publicKey: pair.publicKey, privateKey: pair.privateKey },
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', keyCertSign: true, digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 7, ip: '::1' }, { type: 2, value: 'localhost' }] },
    ],
  };
  const pems = generate([{ name: 'commonName', value: 'demarc local cloud' }], options);
  return { cert: pems.cert, key: pems.private };
};
