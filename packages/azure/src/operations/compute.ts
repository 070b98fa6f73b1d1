/**
 * Compute (`Microsoft.Compute`): virtual machines with their properties.
 * @module
 */
import { defineOperations } from '@demarc/core';
import { resourcesOfType } from '../resource-reads';
import type { AzureSession } from '../session';

/** The ARM type of a virtual machine. */
export const VIRTUAL_MACHINE = 'Microsoft.Compute/virtualMachines';

export default defineOperations<AzureSession>()({
  'virtualMachines:list': resourcesOfType(VIRTUAL_MACHINE, 'virtual machine'),
});
