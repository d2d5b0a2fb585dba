/** A dialable number from what someone typed ("07700 900123", "+44 20 7946 0958"), or null. */
export function parsePhone(text: string): string | null {
  const trimmed = text.trim();
  if (!/^\+?[\d\s().-]{3,}$/.test(trimmed)) return null;
  const digits = trimmed.replace(/[^\d+]/g, '');
  return digits.replace(/\+/g, '').length >= 3 ? digits : null;
}
