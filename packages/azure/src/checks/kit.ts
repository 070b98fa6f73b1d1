/**
 * `defineAzureCheck`: core's check kit for the Azure operations. A check names the operations it
 * reads; `collect` is typed by them and the check's RBAC actions are derived from them.
 * @module
 */
import { createCheckKit } from '@demarc/core';
import { AZURE_OPERATIONS } from '../operations/index';

/** Defines an Azure check (see core's `createCheckKit`). */
export const defineAzureCheck = createCheckKit({ provider: 'azure', operations: AZURE_OPERATIONS });
