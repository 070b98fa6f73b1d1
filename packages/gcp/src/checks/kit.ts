/**
 * `defineGcpCheck`: core's check kit for Google Cloud. A check names the operations it reads;
 * `collect` is typed by them and its permissions are derived from them.
 * @module
 */
import { createCheckKit } from '@demarc/core';
import { GCP_OPERATIONS, type GcpOperations } from '../operations/index';

/** Defines a Google Cloud check (`checks/<service>/<rule>.ts`, id `gcp-<service>-<rule>`). */
export const defineGcpCheck = createCheckKit({ provider: 'gcp', operations: GCP_OPERATIONS });

/** An operation name, e.g. `'resourcemanager:GetProjectIamPolicy'`. */
export type GcpOperation = keyof GcpOperations;
