// Placeholder until the model lands: prints the normalized domains.
import { DOMAINS } from '@demarc/core';

for (const domain of DOMAINS) console.log(`${domain.id.padEnd(24)} ${domain.name}`);
