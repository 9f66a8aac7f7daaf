const UNITS = ["B", "KB", "MB", "GB", "TB"] as const;

/** 36508436168 → "34.0 GB" (binary units, as support quotes sizes). */
export function formatBytes(bytes: number | bigint, locale = "en"): string {
  let value = Number(bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${value.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${UNITS[unit]}`;
}
