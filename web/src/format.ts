// How values are written. A value withheld for privacy is written as words and carries no
// number: not the value, not a zero, not the threshold.
export const TOO_FEW = "too few responses";

export interface Measure {
  value: number | null;
  suppressed: boolean;
  respondents?: number;
}

/** A measured value with one decimal, or why there is none. */
export function measured(m: Measure | null | undefined): string {
  if (!m) return "no data yet";
  if (m.suppressed || m.value === null) {
    return (m.respondents ?? 1) > 0 ? TOO_FEW : "no responses yet";
  }
  return m.value.toFixed(1);
}

export function isShown(m: Measure | null | undefined): m is Measure & { value: number } {
  return !!m && !m.suppressed && m.value !== null;
}

export function number(value: number | null | undefined, fallback = "unavailable"): string {
  return value === null || value === undefined ? fallback : value.toFixed(1);
}

export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? "no campaign yet" : `${(rate * 100).toFixed(0)} %`;
}

export function words(identifier: string | null | undefined): string {
  if (!identifier) return "unknown";
  const text = identifier.replaceAll("_", " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function day(iso: string | null | undefined): string {
  if (!iso) return "not set";
  return iso.slice(0, 10);
}
