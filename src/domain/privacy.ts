/**
 * The last line of defence for group-bound text (SPEC 4): whatever a template or a person wrote, no
 * phone number and no coordinate finer than 2 decimals (about 1 km) reaches a group.
 */

// Decimal degrees with 3 or more decimals, as in `-7.80123` or `110.3645`.
const FINE_COORDINATE = /(?<![\d.])(-?\d{1,3})\.(\d{3,})(?![\d.])/g;

// Phone numbers: international (+62 812-3456-7890, 0062...), Indonesian national (0812 3456 7890, 62812...),
// digits grouped by spaces, dots, dashes or parentheses.
const PHONE = /(?<![\w+])(?:\+|00)?\(?\d(?:[\s.\-()]{0,2}\d){7,15}(?!\w)/g;

export const PHONE_PLACEHOLDER = '[…]';

function looksLikePhone(match: string): boolean {
  const digits = match.replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 16) return false;
  if (match.startsWith('+') || match.startsWith('00')) return true;
  // National forms: 08xx (mobile), 0xx (landline with area code), 62xx without the plus.
  if (digits.startsWith('0') || digits.startsWith('62')) return true;
  // Anything else with 10+ digits in a row is more likely a number than a date or a count.
  return /\d{10,}/.test(match.replace(/[\s.\-()]/g, '')) && !/^\d{4}-\d{2}-\d{2}/.test(match);
}

export function roundCoordinates(text: string): string {
  return text.replace(FINE_COORDINATE, (_m, whole: string, frac: string) => {
    const value = Number(`${whole}.${frac}`);
    if (Math.abs(value) > 180) return `${whole}.${frac}`;
    return value.toFixed(2);
  });
}

export function hidePhoneNumbers(text: string): string {
  return text.replace(PHONE, (m) => (looksLikePhone(m) ? PHONE_PLACEHOLDER : m));
}

export function redactForGroup(text: string): string {
  return hidePhoneNumbers(roundCoordinates(text));
}

/** Coordinates of a person in need as groups may see them. */
export const coarse = (value: number) => value.toFixed(2);
