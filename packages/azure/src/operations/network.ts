/**
 * Networking (`Microsoft.Network`): network security groups and network interfaces with their properties.
 * @module
 */
import { defineOperations } from '@demarc/core';
import { resourcesOfType } from '../resource-reads';
import type { AzureSession } from '../session';

/** The ARM type of a network security group. */
export const NETWORK_SECURITY_GROUP = 'Microsoft.Network/networkSecurityGroups';

/** The ARM type of a network interface. */
export const NETWORK_INTERFACE = 'Microsoft.Network/networkInterfaces';

export default defineOperations<AzureSession>()({
  'networkSecurityGroups:list': resourcesOfType(NETWORK_SECURITY_GROUP, 'network security group'),
  'networkInterfaces:list': resourcesOfType(NETWORK_INTERFACE, 'network interface'),
});
