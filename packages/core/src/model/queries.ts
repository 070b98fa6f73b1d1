/**
 * Questions users ask of the model: who owns this, what is still mine, what moves when I change
 * service model, and which published statements say so.
 * @module
 */
import { CUSTOMER_BURDEN, DOMAIN_IDS, DOMAINS, SERVICE_MODEL_IDS, type DomainId, type Party, type ServiceModelId, type SharedMode } from './ids';
import { BASELINE_MATRIX } from './matrix';
import { ORGANISATIONAL_MEASURES, type OrganisationalMeasure } from './measures';
import { CORE_SOURCES } from './sources';
import { UnknownIdError } from './errors';
import type { Citation, ServiceCatalogEntry, Source } from './types';

/** Checks at run time that `value` is a domain id, for input from users and files. */
export function assertDomainId(value: string): asserts value is DomainId {
  if (!(DOMAIN_IDS as readonly string[]).includes(value)) throw new UnknownIdError('domain', value, DOMAIN_IDS);
}

/** Checks at run time that `value` is a service model id, for input from users and files. */
export function assertServiceModelId(value: string): asserts value is ServiceModelId {
  if (!(SERVICE_MODEL_IDS as readonly string[]).includes(value)) throw new UnknownIdError('service model', value, SERVICE_MODEL_IDS);
}

/** Returns `value` as a domain id, or throws {@link UnknownIdError} listing the valid ones. */
export function toDomainId(value: string): DomainId {
  assertDomainId(value);
  return value;
}

/** Returns `value` as a service model id, or throws {@link UnknownIdError} listing the valid ones. */
export function toServiceModelId(value: string): ServiceModelId {
  assertServiceModelId(value);
  return value;
}

/** Where a question is asked: a bare service model, or a catalog service (its model plus overrides). */
export type ResponsibilityContext = ServiceModelId | ServiceCatalogEntry;

/** The answer for one domain in one context, with the statements behind it. */
export interface ResolvedResponsibility {
  /** The domain asked about. */
  readonly domain: DomainId;
  /** The service model the answer is for. */
  readonly model: ServiceModelId;
  /** The catalog service, when the question named one. */
  readonly service?: string;
  /** Who carries it. */
  readonly party: Party;
  /** For shared answers, split or parallel. */
  readonly sharedMode?: SharedMode;
  /** Why, in one or two sentences. */
  readonly rationale: string;
  /** The statements the answer rests on. */
  readonly citations: readonly Citation[];
  /** True when a service's override replaced the baseline cell. */
  readonly overridden: boolean;
  /** Where vendors diverge from the baseline, when they do. */
  readonly vendorNuance?: string;
}

const modelOf = (context: ResponsibilityContext): ServiceModelId => {
  if (typeof context === 'string') {
    assertServiceModelId(context);
    return context;
  }
  assertServiceModelId(context.model);
  return context.model;
};

/**
 * Who carries `domain` under a service model or for a catalog service, with the rationale and citations.
 *
 * @example
 * ```ts
 * responsibilityOf('guest-os', 'paas').party; // 'provider'
 * ```
 */
export function responsibilityOf(domain: DomainId, context: ResponsibilityContext): ResolvedResponsibility {
  assertDomainId(domain);
  const model = modelOf(context);
  const service = typeof context === 'string' ? undefined : context;
  const override = service?.overrides?.[domain];
  const cell = BASELINE_MATRIX[domain][model];
  const base = { domain, model, ...(service ? { service: service.id } : {}) };
  if (override) {
    return {
      ...base,
      party: override.party,
      ...(override.sharedMode ? { sharedMode: override.sharedMode } : {}),
      rationale: override.rationale,
      citations: override.citations,
      overridden: true,
    };
  }
  return {
    ...base,
    party: cell.party,
    ...(cell.sharedMode ? { sharedMode: cell.sharedMode } : {}),
    rationale: cell.rationale,
    citations: cell.citations,
    overridden: false,
    ...(cell.vendorNuance ? { vendorNuance: cell.vendorNuance } : {}),
  };
}

/**
 * The party that carries `domain` under a service model or for a catalog service.
 *
 * @example
 * ```ts
 * ownerOf('data-protection', 'saas'); // 'customer'
 * ```
 */
export function ownerOf(domain: DomainId, context: ResponsibilityContext): Party {
  return responsibilityOf(domain, context).party;
}

/** What the customer still carries in one context: every domain it owns or shares, and the organisational measures. */
export interface CustomerDuties {
  /** The service model the duties are for. */
  readonly model: ServiceModelId;
  /** The catalog service, when the question named one. */
  readonly service?: string;
  /** Domains the customer owns alone. */
  readonly owned: readonly ResolvedResponsibility[];
  /** Domains the customer shares with the provider. */
  readonly shared: readonly ResolvedResponsibility[];
  /** Organisational measures, the customer's in every model. */
  readonly measures: readonly OrganisationalMeasure[];
}

/**
 * The customer's duties under a service model or for a catalog service. The answer to "on Lambda,
 * what is still mine?" and to the claim that with SaaS the vendor handles security.
 *
 * @example
 * ```ts
 * customerDuties('saas').owned.map((duty) => duty.domain);
 * // ['accounts-access', 'data-protection', 'service-configuration', 'client-endpoints', 'governance']
 * ```
 */
export function customerDuties(context: ResponsibilityContext): CustomerDuties {
  const answers = DOMAIN_IDS.map((domain) => responsibilityOf(domain, context));
  const first = answers[0];
  return {
    model: modelOf(context),
    ...(first?.service ? { service: first.service } : {}),
    owned: answers.filter((answer) => answer.party === 'customer'),
    shared: answers.filter((answer) => answer.party === 'shared'),
    measures: ORGANISATIONAL_MEASURES,
  };
}

/** One domain whose party changes between two contexts. */
export interface ResponsibilityChange {
  /** The domain that moves. */
  readonly domain: DomainId;
  /** Its party before. */
  readonly from: ResolvedResponsibility;
  /** Its party after. */
  readonly to: ResolvedResponsibility;
  /** Which way the burden moves: towards the provider (less for the customer) or towards the customer. */
  readonly direction: 'to-provider' | 'to-customer';
}

/**
 * What moves when a workload goes from one service model or service to another, e.g. from IaaS to
 * PaaS, or from EC2 to App Service. Domains whose party stays the same are left out.
 *
 * @example
 * ```ts
 * compareResponsibilities('iaas', 'paas').map((change) => change.domain);
 * // ['guest-os', 'network-controls', 'runtime-platform', 'identity-infrastructure', 'backup-recovery']
 * ```
 */
export function compareResponsibilities(from: ResponsibilityContext, to: ResponsibilityContext): ResponsibilityChange[] {
  const changes: ResponsibilityChange[] = [];
  for (const domain of DOMAIN_IDS) {
    const before = responsibilityOf(domain, from);
    const after = responsibilityOf(domain, to);
    if (before.party === after.party) continue;
    changes.push({
      domain,
      from: before,
      to: after,
      direction: CUSTOMER_BURDEN[after.party] < CUSTOMER_BURDEN[before.party] ? 'to-provider' : 'to-customer',
    });
  }
  return changes;
}

/** A citation with its source document resolved. */
export interface ResolvedCitation extends Citation {
  /** The source document. */
  readonly document: Source;
}

/** The cited statements behind a domain's assignment, for one model or across all of them. */
export interface Explanation {
  /** The domain explained. */
  readonly domain: DomainId;
  /** Its name. */
  readonly name: string;
  /** What it covers. */
  readonly scope: string;
  /** One answer per service model asked about. */
  readonly answers: readonly (ResolvedResponsibility & { readonly citations: readonly ResolvedCitation[] })[];
  /** Organisational measures that belong to this domain. */
  readonly measures: readonly OrganisationalMeasure[];
}

/**
 * Resolves a citation's source id against the core sources and any extra sources (a provider's own).
 * Throws when the id is unknown, so a broken citation never reaches a report.
 */
export function resolveCitation(citation: Citation, extraSources: Readonly<Record<string, Source>> = {}): ResolvedCitation {
  const document = (CORE_SOURCES as Readonly<Record<string, Source>>)[citation.source] ?? extraSources[citation.source];
  if (!document) throw new UnknownIdError('source', citation.source, [...Object.keys(CORE_SOURCES), ...Object.keys(extraSources)]);
  return { ...citation, document };
}

/**
 * The cited statements behind who owns `domain`: for one context, or for every service model.
 *
 * @example
 * ```ts
 * for (const answer of explain('client-endpoints').answers)
 *   console.log(answer.model, answer.party, answer.citations.map((c) => c.document.url));
 * ```
 */
export function explain(domain: DomainId, context?: ResponsibilityContext, extraSources?: Readonly<Record<string, Source>>): Explanation {
  assertDomainId(domain);
  const definition = DOMAINS.find((d) => d.id === domain)!;
  const contexts: readonly ResponsibilityContext[] = context === undefined ? SERVICE_MODEL_IDS : [context];
  return {
    domain,
    name: definition.name,
    scope: definition.scope,
    answers: contexts.map((c) => {
      const answer = responsibilityOf(domain, c);
      return { ...answer, citations: answer.citations.map((citation) => resolveCitation(citation, extraSources)) };
    }),
    measures: ORGANISATIONAL_MEASURES.filter((measure) => measure.domain === domain),
  };
}
