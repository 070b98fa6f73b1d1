/**
 * What do I own on AWS Lambda vs Amazon EC2 vs Azure App Service? The same sixteen domains, three
 * services, one table: the catalog places each service in a service model and records where it
 * differs from that model's baseline, with a citation.
 *
 * Run: `tsx --conditions=@demarc/source examples/what-do-i-own.ts` (no cloud needed: this is the model).
 */
import { DOMAINS, customerDuties, responsibilityOf, type ServiceCatalogEntry } from '@demarc/core';
import { awsService } from '@demarc/aws';
import { azureService } from '@demarc/azure';

const services: ServiceCatalogEntry[] = [awsService('lambda')!, awsService('ec2')!, azureService('app-service')!];

const header = ['domain'.padEnd(24), ...services.map((s) => `${s.name} (${s.model})`.padEnd(30))].join('');
console.log(header);
for (const domain of DOMAINS) {
  const cells = services.map((service) => {
    const answer = responsibilityOf(domain.id, service);
    // `*` marks a service-specific override of its model's baseline.
    return `${answer.party}${answer.sharedMode ? ` (${answer.sharedMode})` : ''}${answer.overridden ? ' *' : ''}`.padEnd(30);
  });
  console.log([domain.id.padEnd(24), ...cells].join(''));
}

console.log('\nWhat you still own, service by service:');
for (const service of services) {
  const duties = customerDuties(service);
  console.log(`  ${service.name}: owns ${duties.owned.length} domains, shares ${duties.shared.length}: ${duties.owned.map((d) => d.domain).join(', ')}`);
}

const lambdaOs = responsibilityOf('guest-os', awsService('lambda')!);
console.log(`\nPatching the OS under Lambda? ${lambdaOs.party}. ${lambdaOs.rationale}`);
