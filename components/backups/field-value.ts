/** A record's field value for people: yes/no for flags, a dash for nothing; the rest as stored. */
export function fieldValue(value: string | null, t: (key: "yes" | "no" | "empty") => string): string {
  if (value === null || value === "") return t("empty");
  if (value === "true") return t("yes");
  if (value === "false") return t("no");
  return value;
}
