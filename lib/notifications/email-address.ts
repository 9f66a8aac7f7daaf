/**
 * What may go into a mail header. Pure. Addresses come from user records and
 * names from people, so neither is trusted: one plain address per recipient,
 * and no line breaks anywhere a header is built.
 */

// One mailbox: a dot-atom local part and a dotted host name. Deliberately
// narrower than RFC 5322 (no quoted local parts, no comments, no lists), so a
// value with a comma, angle brackets or a line break can never add a recipient.
const MAILBOX = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** The address to send to, or null when there is none usable. */
export function deliverableAddress(raw: string | null | undefined): string | null {
  const address = (raw ?? "").trim();
  if (address.length === 0 || address.length > 254) return null;
  const [local] = address.split("@");
  if (local.length > 64 || !MAILBOX.test(address)) return null;
  return address;
}

/** A header value on one line: control characters (CR, LF, NUL…) become spaces; at most `max` characters. */
export function headerSafe(text: string, max = 200): string {
  const oneLine = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ").replace(/\s+/g, " ").trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
