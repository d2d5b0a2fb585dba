import type { Config } from '../../config/env.js';

/** Stands in for an unconfigured service's base in stored identifier systems (.invalid never resolves). */
const UNCONFIGURED_BASE = 'https://hearth.invalid/fhir';

/** The service's FHIR base from configuration: HEARTH_FHIR_BASE, else HEARTH_PUBLIC_URL + /fhir. */
export function configuredFhirBase(config: Pick<Config, 'fhirBase' | 'publicUrl'>): string | undefined {
  return config.fhirBase ?? (config.publicUrl !== undefined ? `${config.publicUrl}/fhir` : undefined);
}

/** The base of exported resources' URLs: the configured one, else the origin the request came to. */
export function fhirBase(config: Pick<Config, 'fhirBase' | 'publicUrl'>, origin: string): string {
  return configuredFhirBase(config) ?? `${origin}/fhir`;
}

/**
 * The identifier system record numbers are entered under: HEARTH_RECORD_NUMBER_SYSTEM, else
 * <FHIR base>/Id/record-number. Stored with each value, so a later change of setting does not
 * relabel numbers already entered. Never taken from a request: it must not depend on the address used.
 */
export function recordNumberSystem(config: Pick<Config, 'fhirBase' | 'publicUrl' | 'recordNumberSystem'>): string {
  return config.recordNumberSystem ?? `${configuredFhirBase(config) ?? UNCONFIGURED_BASE}/Id/record-number`;
}
