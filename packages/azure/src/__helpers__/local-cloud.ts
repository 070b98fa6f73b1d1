/**
 * One check on the local cloud, through the official Azure clients over HTTPS: a tenant with a
 * subscription that must pass and one that must fail, scanned with core's runner.
 * @module
 */
import { scan, type CheckOptionsInput, type Finding } from '@demarc/core';
import { startLocalCloud, type AzureSubscription } from '@demarc/local-cloud';
import { azureProvider } from '../provider';

/** The subscription whose findings must all pass. */
export const PASSING = 'aaaaaaaa-0000-0000-0000-00000000000a';
/** The subscription with the failures. */
export const FAILING = 'aaaaaaaa-0000-0000-0000-00000000000b';

/** What a subscription holds (its id, name and state are set here). */
export type SubscriptionContent = Omit<AzureSubscription, 'id' | 'displayName' | 'state'>;

/** Each subscription's findings, as `status name` lines (the resource's name, else its id), sorted. */
export interface LocalCheckRun {
  /** Findings of {@link PASSING}. */
  readonly passing: readonly string[];
  /** Findings of {@link FAILING}. */
  readonly failing: readonly string[];
  /** Every finding. */
  readonly findings: readonly Finding[];
}

const outcome = (f: Finding): string => `${f.status} ${f.resource.name ?? f.resource.id}`;

/**
 * Starts a local cloud with the two subscriptions, scans them with the check `checkId` (and its
 * options, as a config's `checkOptions`), stops the cloud and returns the findings.
 */
export async function scanOnLocalCloud(
  checkId: string,
  subscriptions: { readonly passing: SubscriptionContent; readonly failing: SubscriptionContent },
  options?: CheckOptionsInput,
): Promise<LocalCheckRun> {
  const cloud = await startLocalCloud({
    estate: {
      azure: {
        tenantId: '00000000-0000-0000-0000-0000000000aa',
        subscriptions: [
          { id: PASSING, displayName: 'passing', state: 'Enabled', ...subscriptions.passing },
          { id: FAILING, displayName: 'failing', state: 'Enabled', ...subscriptions.failing },
        ],
      },
    },
  });
  try {
    const provider = azureProvider({ ...cloud.azure.clientOptions(), credential: cloud.azure.credential });
    const result = await scan({
      providers: [provider],
      filter: (meta) => meta.id === checkId,
      ...(options ? { checkOptions: { [checkId]: options } } : {}),
    });
    const of = (scope: string) => result.findings.filter((f) => f.resource.scope === scope).map(outcome).sort();
    return { passing: of(PASSING), failing: of(FAILING), findings: result.findings };
  } finally {
    await cloud.stop();
  }
}
