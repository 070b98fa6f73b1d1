/**
 * Attestation files (YAML or JSON): the organisation's record of its organisational measures, and how
 * an attestation check judges them (missing → manual, expired → fail, valid → pass).
 * @module
 */
import { readFile } from 'node:fs/promises';
import { lazyObject, once, zod } from '../internal/lazy';
import { configIssues, parseJsonText, parseYamlText, type DescribePath, type Locate } from '../internal/source-text';
import { ORGANISATIONAL_MEASURES, ORGANISATIONAL_MEASURE_IDS, type OrganisationalMeasureId } from '../model/measures';
import { ConfigError } from '../errors';
import type { Attestation, AttestationSet } from './types';

export type * from './types';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

/** The attestation file's schema, built on first use (zod loads then, see `internal/lazy`). */
const buildAttestationFileSchema = once(() => {
  const { z } = zod();
  const attestationEntrySchema = z.strictObject({
    measure: z.enum(ORGANISATIONAL_MEASURE_IDS as [OrganisationalMeasureId, ...OrganisationalMeasureId[]]),
    owner: z.string().trim().min(1, 'must name a person or team'),
    evidence: z.string().trim().min(1, 'must link to the evidence'),
    // A date that is not in the format is not also "not a real date": the second check waits for the first.
    done: z
      .string()
      .regex(ISO_DATE, { error: 'must be an ISO date (YYYY-MM-DD)', abort: true })
      .refine((d) => !Number.isNaN(Date.parse(d)), 'is not a real date'),
    validFor: z
      .string()
      .regex(DURATION, "must be an ISO 8601 duration such as 'P1Y', 'P6M' or 'P90D'")
      .refine((d) => d !== 'P', 'must not be empty')
      .optional(),
    notes: z.string().optional(),
  });
  return z.strictObject({
    version: z.literal(1),
    attestations: z.array(attestationEntrySchema),
  });
});

/**
 * The zod schema of an attestation file: `{ version: 1, attestations: [...] }`. zod is loaded the first
 * time it is used.
 * @example
 * ```yaml
 * version: 1
 * attestations:
 *   - measure: incident-response-drills
 *     owner: Security team <security@example.com>
 *     evidence: https://wiki.example.com/ir/drill-2025-03
 *     done: 2025-03-14
 *     validFor: P1Y
 * ```
 */
export const attestationFileSchema = lazyObject(buildAttestationFileSchema);

/** Adds an ISO 8601 duration (Y/M/W/D) to an ISO date, in UTC. */
export function addDuration(date: string, duration: string): string {
  const match = DURATION.exec(duration);
  if (!match) throw new RangeError(`Not an ISO 8601 date duration: ${duration}`);
  const [, years, months, weeks, days] = match;
  const start = new Date(`${date}T00:00:00Z`);
  // Years and months first, clamped to the end of a shorter month (31 January + P1M is 28/29 February,
  // as in Temporal's 'constrain'), then weeks and days.
  const monthIndex = start.getUTCMonth() + Number(months ?? 0);
  const year = start.getUTCFullYear() + Number(years ?? 0) + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const d = new Date(Date.UTC(year, month, Math.min(start.getUTCDate(), lastDay)));
  d.setUTCDate(d.getUTCDate() + 7 * Number(weeks ?? 0) + Number(days ?? 0));
  return d.toISOString().slice(0, 10);
}

/** Builds an {@link AttestationSet} from validated attestations. */
export function createAttestationSet(attestations: readonly Attestation[], source?: string): AttestationSet {
  const latest = new Map<OrganisationalMeasureId, Attestation>();
  for (const a of attestations) {
    const previous = latest.get(a.measure);
    if (!previous || previous.done < a.done) latest.set(a.measure, a);
  }
  return {
    ...(source === undefined ? {} : { source }),
    get: (measure) => latest.get(measure),
    all: () => attestations,
  };
}

/** An empty set: every attestation check reports `manual`. */
export const NO_ATTESTATIONS: AttestationSet = createAttestationSet([]);

/**
 * Validates parsed attestation data. Every problem is reported at once, each naming the file, the
 * entry (index and measure) and the field.
 * @param data - The parsed YAML or JSON.
 * @param file - The file name, for error messages.
 * @throws {@link ConfigError} with every problem in `issues`.
 */
export function parseAttestations(data: unknown, file: string): AttestationSet {
  return validateAttestations(data, file);
}

function validateAttestations(data: unknown, file: string, locate?: Locate): AttestationSet {
  const parsed = buildAttestationFileSchema().safeParse(data);
  if (!parsed.success) {
    const describe: DescribePath = (path) => {
      const [first, index, ...rest] = path;
      const fieldOf = (parts: readonly (string | number)[]) => (parts.length ? { field: parts.map(String).join('.') } : {});
      if (first !== 'attestations' || typeof index !== 'number') return fieldOf(path);
      const raw = (data as { attestations?: unknown[] }).attestations?.[index];
      const measure = typeof raw === 'object' && raw !== null && 'measure' in raw ? String(raw.measure) : undefined;
      return { entry: `attestations[${index}]${measure ? ` (${measure})` : ''}`, ...fieldOf(rest) };
    };
    throw configIssues(parsed.error, file, { describe, ...(locate ? { locate } : {}) });
  }
  const attestations = parsed.data.attestations.map((a): Attestation => {
    const validFor = a.validFor ?? `P${ORGANISATIONAL_MEASURES.find((m) => m.id === a.measure)!.defaultValidityDays}D`;
    return {
      measure: a.measure,
      owner: a.owner,
      evidence: a.evidence,
      done: a.done,
      validFor,
      expires: addDuration(a.done, validFor),
      ...(a.notes === undefined ? {} : { notes: a.notes }),
    };
  });
  return createAttestationSet(attestations, file);
}

/**
 * Parses attestation text: JSON when the file name ends in `.json`, YAML otherwise. Every problem is
 * reported at once with its line and column.
 * @throws {@link ConfigError} with every problem in `issues`.
 */
export function parseAttestationText(text: string, file: string): AttestationSet {
  const { data, locate } = file.endsWith('.json') ? parseJsonText(text, file) : parseYamlText(text, file);
  return validateAttestations(data, file, locate);
}

/** Reads and validates an attestation file (YAML or JSON). */
export async function loadAttestations(file: string): Promise<AttestationSet> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError({ file }, `cannot be read: ${(error as Error).message}`, { cause: error });
  }
  return parseAttestationText(text, file);
}

/** How an attestation stands on a date. */
export type AttestationState =
  | { readonly state: 'missing' }
  | { readonly state: 'expired'; readonly attestation: Attestation }
  | { readonly state: 'valid'; readonly attestation: Attestation };

/** Judges the attestation of a measure on `now`: missing, expired (on or after `expires`) or valid. */
export function attestationState(set: AttestationSet, measure: OrganisationalMeasureId, now: Date): AttestationState {
  const attestation = set.get(measure);
  if (!attestation) return { state: 'missing' };
  return now.toISOString().slice(0, 10) >= attestation.expires ? { state: 'expired', attestation } : { state: 'valid', attestation };
}
