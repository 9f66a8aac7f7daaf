import type { AccountTableKey } from "@/lib/account-data/tables";

/**
 * Set-based generators of realistic CRM rows (INSERT … SELECT over
 * generate_series). Deterministic: the n-th row of a table of an account always
 * gets the same id and values. Parameters of every statement:
 *   $1 account id, $2 first index, $3 last index, $4 window start, $5 window end,
 *   $6 number of companies, $7 number of contacts, $8 number of deals.
 */
const FIRST_NAMES = ["Anna", "Piotr", "Zofia", "Łukasz", "Małgorzata", "Michał", "Agnieszka", "Paweł", "Katarzyna", "Tomasz", "Żaneta", "Grzegorz", "Emma", "James", "Olivia", "Noah", "Maria", "Jakub", "Ewa", "Krzysztof"];
const LAST_NAMES = ["Nowak", "Kowalska", "Wiśniewski", "Wójcik", "Kamińska", "Lewandowski", "Zieliński", "Szymańska", "Woźniak", "Dąbrowski", "Smith", "Brown", "Mazur", "Krawczyk", "Jankowska", "Pietrzak"];
const COMPANY_WORDS = ["Północ", "Bałtyk", "Orzeł", "Nova", "Vistula", "Zenit", "Polaris", "Sokół", "Delta", "Jantar", "Atlas", "Krakus", "Mazovia", "Horizon", "Łąka", "Kosmos"];
const COMPANY_SUFFIXES = ["Sp. z o.o.", "S.A.", "Ltd", "GmbH", "s.c.", "Group"];
const CITIES = ["Warszawa", "Kraków", "Łódź", "Wrocław", "Poznań", "Gdańsk", "Szczecin", "Lublin", "Białystok", "Katowice", "Berlin", "London"];
const INDUSTRIES = ["Manufacturing", "Retail", "IT", "Logistics", "Finance", "Healthcare", "Education", "Construction"];
const POSITIONS = ["CEO", "Sales manager", "Accountant", "Buyer", "CTO", "Office manager", "Marketing lead", "Project manager"];
const DEAL_STAGES = ["NEW", "PREPARATION", "PROPOSAL", "NEGOTIATION", "WON", "LOST"];
const LEAD_SOURCES = ["WEB", "CALL", "EMAIL", "TRADE_SHOW", "PARTNER", "ADVERTISING"];
const LEAD_STATUSES = ["NEW", "IN_PROCESS", "PROCESSED", "CONVERTED", "JUNK"];
const ACTIVITY_KINDS = ["CALL", "MEETING", "EMAIL", "TASK"];
const TASK_STATUSES = ["PENDING", "IN_PROGRESS", "COMPLETED", "DEFERRED"];
const PRODUCT_WORDS = ["Licencja", "Wdrożenie", "Szkolenie", "Abonament", "Serwis", "Moduł", "Konsultacja", "Pakiet"];

const sqlArray = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(",")}]`;

/** A deterministic pick from a list for row index `i`. */
const pick = (values: readonly string[], salt: string) =>
  `(${sqlArray(values)})[1 + abs(hashtext(i::text || '${salt}')) % ${values.length}]`;

/** A deterministic fraction in [0, 1) for row index `i`. */
const frac = (salt: string) => `((abs(hashtext(i::text || '${salt}')) % 1000000) / 1000000.0)`;

/** The id of the n-th row of a table of the account: stable across runs. */
export const idExpr = (kind: string, index: string) => `md5($1::text || ':${kind}:' || (${index})::text)::uuid`;

const createdAt = `($4::timestamptz + ($5::timestamptz - $4::timestamptz) * ${frac("ts")})`;
const companyRef = `${idExpr("company", "1 + abs(hashtext(i::text || 'co')) % greatest($6::int, 1)")}`;
const contactRef = `${idExpr("contact", "1 + abs(hashtext(i::text || 'ct')) % greatest($7::int, 1)")}`;
const dealRef = `${idExpr("deal", "1 + abs(hashtext(i::text || 'dl')) % greatest($8::int, 1)")}`;
// Every statement names all parameters (PostgreSQL must type each one it is given).
const series = `FROM generate_series($2::int, $3::int) AS i WHERE $6::int + $7::int + $8::int >= 0`;

export const CRM_INSERTS: Record<AccountTableKey, string> = {
  company: `INSERT INTO crm_company (id, "accountId", name, industry, website, email, phone, city, country, "customFields", "createdAt", "updatedAt")
    SELECT ${idExpr("company", "i")}, $1::uuid,
      ${pick(COMPANY_WORDS, "cw")} || ' ' || ${pick(COMPANY_WORDS, "cw2")} || ' ' || ${pick(COMPANY_SUFFIXES, "cs")},
      ${pick(INDUSTRIES, "in")}, 'https://company' || i || '.example', 'office' || i || '@company.example',
      '+48 ' || (500000000 + abs(hashtext(i::text || 'ph')) % 99999999)::text, ${pick(CITIES, "city")}, 'PL',
      jsonb_build_object('UF_TAX_ID', (1000000000 + abs(hashtext(i::text || 'nip')) % 899999999)::text, 'UF_SEGMENT', ${pick(["A", "B", "C"], "seg")}),
      ${createdAt}, ${createdAt}
    ${series}`,
  contact: `INSERT INTO crm_contact (id, "accountId", "companyId", "firstName", "lastName", email, phone, position, "customFields", "createdAt", "updatedAt")
    SELECT ${idExpr("contact", "i")}, $1::uuid, CASE WHEN i % 5 = 0 THEN NULL ELSE ${companyRef} END,
      ${pick(FIRST_NAMES, "fn")}, ${pick(LAST_NAMES, "ln")}, 'contact' || i || '@mail.example',
      '+48 ' || (600000000 + abs(hashtext(i::text || 'cp')) % 99999999)::text, ${pick(POSITIONS, "pos")},
      jsonb_build_object('UF_BIRTHDAY', to_char(date '1960-01-01' + (abs(hashtext(i::text || 'bd')) % 15000), 'YYYY-MM-DD'), 'UF_NEWSLETTER', i % 3 = 0),
      ${createdAt}, ${createdAt}
    ${series}`,
  deal: `INSERT INTO crm_deal (id, "accountId", "companyId", "contactId", title, stage, amount, currency, "closeDate", "customFields", "createdAt", "updatedAt")
    SELECT ${idExpr("deal", "i")}, $1::uuid, ${companyRef}, ${contactRef},
      ${pick(PRODUCT_WORDS, "dw")} || ' — ' || ${pick(COMPANY_WORDS, "dc")} || ' #' || i, ${pick(DEAL_STAGES, "st")},
      round((500 + abs(hashtext(i::text || 'amt')) % 250000)::numeric, 2), ${pick(["PLN", "PLN", "PLN", "EUR", "USD"], "cur")},
      (date '2026-01-01' + (abs(hashtext(i::text || 'cd')) % 540)),
      jsonb_build_object('UF_PROBABILITY', abs(hashtext(i::text || 'pr')) % 100, 'UF_CHANNEL', ${pick(["direct", "partner", "online"], "ch")}),
      ${createdAt}, ${createdAt}
    ${series}`,
  lead: `INSERT INTO crm_lead (id, "accountId", title, name, email, phone, source, status, "customFields", "createdAt", "updatedAt")
    SELECT ${idExpr("lead", "i")}, $1::uuid, 'Zapytanie: ' || ${pick(PRODUCT_WORDS, "lw")},
      ${pick(FIRST_NAMES, "lfn")} || ' ' || ${pick(LAST_NAMES, "lln")}, 'lead' || i || '@mail.example',
      '+48 ' || (700000000 + abs(hashtext(i::text || 'lp')) % 99999999)::text, ${pick(LEAD_SOURCES, "src")}, ${pick(LEAD_STATUSES, "lst")},
      jsonb_build_object('UF_CAMPAIGN', 'campaign-' || (abs(hashtext(i::text || 'cmp')) % 20)),
      ${createdAt}, ${createdAt}
    ${series}`,
  activity: `INSERT INTO crm_activity (id, "accountId", "entityType", "entityId", kind, subject, "dueAt", done, "createdAt", "updatedAt")
    SELECT ${idExpr("activity", "i")}, $1::uuid, CASE WHEN i % 2 = 0 THEN 'contact' ELSE 'deal' END,
      CASE WHEN i % 2 = 0 THEN ${contactRef} ELSE ${dealRef} END, ${pick(ACTIVITY_KINDS, "ak")},
      ${pick(["Rozmowa o ofercie", "Spotkanie w biurze", "Wysłać umowę", "Follow-up call", "Demo produktu"], "as")},
      ${createdAt} + interval '3 days', i % 4 = 0, ${createdAt}, ${createdAt}
    ${series}`,
  comment: `INSERT INTO crm_comment (id, "accountId", "entityType", "entityId", "authorName", body, "createdAt", "updatedAt")
    SELECT ${idExpr("comment", "i")}, $1::uuid, CASE WHEN i % 3 = 0 THEN 'deal' ELSE 'contact' END,
      CASE WHEN i % 3 = 0 THEN ${dealRef} ELSE ${contactRef} END,
      ${pick(FIRST_NAMES, "cafn")} || ' ' || ${pick(LAST_NAMES, "caln")},
      ${pick(["Klient prosi o rabat.", "Zadzwonić po 15:00.", "Umowa podpisana, czekamy na płatność.", "Sent the revised quote.", "Decyzja w przyszłym tygodniu."], "cb")},
      ${createdAt}, ${createdAt}
    ${series}`,
  history: `INSERT INTO crm_history_entry (id, "accountId", "entityType", "entityId", action, field, "oldValue", "newValue", "createdAt", "updatedAt")
    SELECT ${idExpr("history", "i")}, $1::uuid, CASE WHEN i % 2 = 0 THEN 'deal' ELSE 'contact' END,
      CASE WHEN i % 2 = 0 THEN ${dealRef} ELSE ${contactRef} END, ${pick(["UPDATE", "UPDATE", "CREATE", "STAGE_CHANGE"], "ha")},
      ${pick(["phone", "email", "stage", "amount", "position"], "hf")}, 'old-' || (i % 97), 'new-' || (i % 89),
      ${createdAt}, ${createdAt}
    ${series}`,
  task: `INSERT INTO crm_task (id, "accountId", title, description, status, "dueDate", responsible, "createdAt", "updatedAt")
    SELECT ${idExpr("task", "i")}, $1::uuid, ${pick(["Przygotować ofertę", "Zadzwonić do klienta", "Aktualizacja cennika", "Raport miesięczny", "Prepare contract"], "tt")} || ' #' || i,
      CASE WHEN i % 3 = 0 THEN NULL ELSE 'Szczegóły zadania ' || i END, ${pick(TASK_STATUSES, "ts2")},
      (date '2026-06-01' + (abs(hashtext(i::text || 'td')) % 300)), ${pick(FIRST_NAMES, "tr")},
      ${createdAt}, ${createdAt}
    ${series}`,
  product: `INSERT INTO crm_product (id, "accountId", name, sku, price, currency, active, "createdAt", "updatedAt")
    SELECT ${idExpr("product", "i")}, $1::uuid, ${pick(PRODUCT_WORDS, "pw")} || ' ' || ${pick(["Standard", "Pro", "Premium", "Basic", "Plus"], "pv")} || ' ' || i,
      'SKU-' || lpad(i::text, 6, '0'), round((99 + abs(hashtext(i::text || 'pp')) % 20000)::numeric, 2), 'PLN', i % 11 <> 0,
      ${createdAt}, ${createdAt}
    ${series}`,
  customField: `INSERT INTO crm_custom_field (id, "accountId", "entityType", code, label, "fieldType", "createdAt", "updatedAt")
    SELECT ${idExpr("customField", "i")}, $1::uuid,
      (ARRAY['company','company','contact','contact','deal','deal','lead'])[1 + (i - 1) % 7],
      (ARRAY['UF_TAX_ID','UF_SEGMENT','UF_BIRTHDAY','UF_NEWSLETTER','UF_PROBABILITY','UF_CHANNEL','UF_CAMPAIGN'])[1 + (i - 1) % 7] || CASE WHEN i > 7 THEN '_' || i ELSE '' END,
      (ARRAY['NIP','Segment','Data urodzin','Newsletter','Prawdopodobieństwo','Kanał','Kampania'])[1 + (i - 1) % 7] || CASE WHEN i > 7 THEN ' ' || i ELSE '' END,
      (ARRAY['string','enum','date','boolean','integer','enum','string'])[1 + (i - 1) % 7],
      ${createdAt}, ${createdAt}
    ${series}`,
};

/** One day's edits per table: $1 account, $2 day salt, $3 timestamp, $4 percent of rows. */
export const CRM_EDITS: Record<AccountTableKey, string> = {
  company: `SET phone = '+48 ' || (500000000 + abs(hashtext(id::text || $2)) % 99999999)::text, "updatedAt" = $3`,
  contact: `SET position = 'Senior ' || coalesce(position, 'specialist'), "updatedAt" = $3`,
  deal: `SET stage = (ARRAY['PROPOSAL','NEGOTIATION','WON','LOST'])[1 + abs(hashtext(id::text || $2)) % 4], amount = amount + 100, "updatedAt" = $3`,
  lead: `SET status = (ARRAY['IN_PROCESS','PROCESSED','CONVERTED','JUNK'])[1 + abs(hashtext(id::text || $2)) % 4], "updatedAt" = $3`,
  activity: `SET done = NOT done, "updatedAt" = $3`,
  comment: `SET body = body || ' (edytowano)', "updatedAt" = $3`,
  history: `SET "newValue" = coalesce("newValue", '') || '*', "updatedAt" = $3`,
  task: `SET status = 'COMPLETED', "updatedAt" = $3`,
  product: `SET price = price + 10, "updatedAt" = $3`,
  customField: `SET label = label || ' *', "updatedAt" = $3`,
};
