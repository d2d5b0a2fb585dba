import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

// Ofcom's drama ranges (07700 900000–900999, 01632 960000–960999) are reserved for fiction, so
// libphonenumber rightly calls them invalid. Outside production they are accepted: demo data and
// tests then use numbers that can never ring a real person.
const FICTIONAL = /^\+44(7700900|1632960)\d{3}$/;

export interface PhoneOptions {
  country: CountryCode;
  allowFictional: boolean;
}

/**
 * A phone number as typed, in E.164, or null when it is not a valid number: written without a
 * +country code it must be valid for the service's country; with one, valid for that country.
 */
export function toE164(input: string, options: PhoneOptions): string | null {
  // Letters are refused outright: libphonenumber would read "0800 FLOWERS" as digits.
  if (!/^[+\d\s().\-/]+$/.test(input.trim())) return null;
  const parsed = parsePhoneNumberFromString(input, options.country);
  if (!parsed) return null;
  if (parsed.isValid()) return parsed.number;
  return options.allowFictional && FICTIONAL.test(parsed.number) ? parsed.number : null;
}

/** How to show a stored E.164 number: the national format for the service's own numbers, international otherwise. */
export function displayPhone(e164: string, country: CountryCode): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.countryCallingCode === getCountryCallingCode(country) ? parsed.formatNational() : parsed.formatInternational();
}
