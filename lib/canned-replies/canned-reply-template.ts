import { AppError } from "@/lib/errors/app-error";

/**
 * What a canned reply may say about the ticket it is used on, written
 * `{{name}}` in its body (spaces inside the braces are allowed).
 */
export const CANNED_REPLY_VARIABLES = ["requesterName", "ticketNumber", "restoreDate", "backupExpiry", "csvLink", "agentName"] as const;
export type CannedReplyVariable = (typeof CANNED_REPLY_VARIABLES)[number];

export const variableToken = (name: CannedReplyVariable) => `{{${name}}}`;

const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;
const isVariable = (name: string): name is CannedReplyVariable => (CANNED_REPLY_VARIABLES as readonly string[]).includes(name);

export type TemplateReading = {
  /** Known variables, each once, in order of first use. */
  used: CannedReplyVariable[];
  /** `{{…}}` tokens naming no variable, each once, as written. */
  unknown: string[];
  /** Text around a `{{` or `}}` that closes or opens nothing, e.g. `{{requesterName,`. */
  unclosed: string | null;
};

export function readTemplate(body: string): TemplateReading {
  const used = new Set<CannedReplyVariable>();
  const unknown = new Set<string>();
  for (const [token, name] of body.matchAll(TOKEN)) {
    if (isVariable(name)) used.add(name);
    else unknown.add(token);
  }
  const rest = body.replace(TOKEN, " ");
  const stray = /\{\{|\}\}/.exec(rest);
  return {
    used: [...used],
    unknown: [...unknown],
    unclosed: stray ? rest.slice(Math.max(0, stray.index - 15), stray.index + 25).trim() : null,
  };
}

/**
 * Refuses a body a ticket could not fill: the message names the unknown
 * variables (or the unclosed braces), so support sees what to fix.
 */
export function assertValidTemplate(body: string): void {
  const { unknown, unclosed } = readTemplate(body);
  if (unknown.length > 0) {
    throw new AppError("VALIDATION", "CANNED_REPLY_UNKNOWN_VARIABLE", { names: unknown.join(", "), count: unknown.length }, { body: ["CANNED_REPLY_UNKNOWN_VARIABLE"] });
  }
  if (unclosed !== null) {
    throw new AppError("VALIDATION", "CANNED_REPLY_UNCLOSED_VARIABLE", { text: unclosed }, { body: ["CANNED_REPLY_UNCLOSED_VARIABLE"] });
  }
}

export type VariableValues = Record<CannedReplyVariable, string | null>;

/**
 * The body with every variable replaced by the ticket's value. A variable
 * the ticket has no value for (no CSV file yet, no backup held) becomes
 * empty and is listed in `missing`, so the picker can say why the reply
 * does not fit this ticket instead of inserting a sentence with a hole.
 */
export function fillTemplate(body: string, values: VariableValues): { text: string; missing: CannedReplyVariable[] } {
  const missing = new Set<CannedReplyVariable>();
  const text = body.replace(TOKEN, (token, name: string) => {
    if (!isVariable(name)) return token;
    const value = values[name];
    if (!value) missing.add(name);
    return value ?? "";
  });
  return { text, missing: [...missing] };
}

/** One reply offered by the ticket page's picker, filled for that ticket. */
export type CannedReplyChoice = {
  id: string;
  locale: string;
  title: string;
  text: string;
  /** Variables this ticket cannot fill: the reply is shown but not inserted. */
  missing: CannedReplyVariable[];
};

/** The picker's replies: the requester's language first, then the others. */
export type CannedReplyChoices = {
  groups: { locale: string; requesterLanguage: boolean; replies: CannedReplyChoice[] }[];
};

/** Search as the picker and the list page do it: every word, in the title or the text, any case. */
export function matchesSearch(query: string, ...texts: string[]): boolean {
  const haystack = texts.join("\n").toLocaleLowerCase();
  return query
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
