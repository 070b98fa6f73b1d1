/**
 * What each Azure operation's `call` gets: the client factory and the subscription it reads.
 * @module
 */
import type { AzureClients } from './clients';

/** The session of one subscription: an operation reads through these clients, loaded on first use. */
export interface AzureSession {
  /** The client factory shared by the whole scan (each client is created once per subscription). */
  readonly clients: AzureClients;
  /** The subscription read. */
  readonly subscriptionId: string;
  /** Parallel property reads within one operation call (the provider's `concurrency`, default 8). */
  readonly concurrency: number;
}
