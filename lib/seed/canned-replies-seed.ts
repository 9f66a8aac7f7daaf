import "server-only";
import type { Db } from "@/lib/db/client";
import { assertValidTemplate } from "@/lib/canned-replies/canned-reply-template";

type SeedReply = { locale: "en" | "pl"; title: string; body: string };

const SIGNATURE_EN = "\n\nBest regards,\n{{agentName}}";
const SIGNATURE_PL = "\n\nPozdrawiam\n{{agentName}}";

/** The answers support writes most often, each in English and in Polish. */
export const DEMO_CANNED_REPLIES: SeedReply[] = [
  {
    locale: "en",
    title: "We need the approximate time of the deletion",
    body: `Hello {{requesterName}},

thank you for your request {{ticketNumber}}. Before we restore anything, we need to know roughly when the data disappeared: the day and, if you can, the hour (for example "Tuesday, around 14:00").

Backups are taken once a day, so the time tells us which backup still has your data. Restoring a backup taken after the deletion would bring nothing back, and restoring a much older one would undo more of your work than necessary.

Please reply on this ticket with the approximate time.${SIGNATURE_EN}`,
  },
  {
    locale: "en",
    title: "CSV file or full restore: which one to choose",
    body: `Hello {{requesterName}},

before we go ahead with request {{ticketNumber}}, please confirm which kind of restore you need:

• CSV file (the safest): we prepare a file with your contacts, companies, deals and leads as they were on {{restoreDate}}, and you import only what is missing. Nothing in your account changes until you import, and later work is kept. Activities, comments and history are not included.
• Full restore: the whole account goes back to {{restoreDate}}. Every change made after that date is lost, for every user of the account. It is the only way to bring back products and custom fields.

If only CRM items were deleted, we recommend the CSV file.${SIGNATURE_EN}`,
  },
  {
    locale: "en",
    title: "Backups are kept for 7 days: please answer in time",
    body: `Hello {{requesterName}},

a short reminder about request {{ticketNumber}}: we keep backups for 7 days. The backup of {{restoreDate}} that your request needs is held for you until {{backupExpiry}}; after that it is deleted and the data can no longer be restored.

Please answer our question on the ticket before then, so that we can finish the restore in time.${SIGNATURE_EN}`,
  },
  {
    locale: "en",
    title: "Your CSV is ready: how to import it",
    body: `Hello {{requesterName}},

the CSV file for request {{ticketNumber}} is ready. It lists every contact, company, deal and lead as they were on {{restoreDate}}:
{{csvLink}}

To bring the records back:
1. Open Import CSV in the menu and choose "Import the file from ticket {{ticketNumber}}" (or upload the file you downloaded).
2. Check the preview: how many records would be created, which are identical and which differ.
3. Keep "Only missing records" to add back only what was deleted; nothing that exists now is changed. Choose "Missing and overwrite existing" only if you also want to undo later edits.

Importing the same file again creates no duplicates. The file has no activities, comments or history. The link works as long as the backup is kept (7 days).${SIGNATURE_EN}`,
  },
  {
    locale: "en",
    title: "Restore completed: please check your data",
    body: `Hello {{requesterName}},

the restore for request {{ticketNumber}} is complete: your account's data is back as it was on {{restoreDate}}.

Please check that the records you were missing are there, and tell us on this ticket if anything still looks wrong. Changes made after {{restoreDate}} were not kept, so please enter them again where needed.${SIGNATURE_EN}`,
  },
  {
    locale: "en",
    title: "Rejected: the date is outside the backup window",
    body: `Hello {{requesterName}},

we are sorry, but we cannot carry out request {{ticketNumber}}. Backups are kept for 7 days only, and none is left from a day when the data was still there; restoring a later backup would not bring the deleted data back.

If you notice a loss again, please file a request as soon as possible: the sooner you do, the more backups there are to choose from.${SIGNATURE_EN}`,
  },
  {
    locale: "pl",
    title: "Potrzebujemy przybliżonej godziny usunięcia",
    body: `Dzień dobry {{requesterName}},

dziękujemy za zgłoszenie {{ticketNumber}}. Zanim cokolwiek przywrócimy, musimy wiedzieć, mniej więcej kiedy dane zniknęły: dzień i, jeśli to możliwe, godzinę (np. „wtorek, około 14:00”).

Kopie zapasowe są tworzone raz dziennie, więc ta informacja mówi nam, która kopia wciąż zawiera Twoje dane. Przywrócenie kopii wykonanej już po usunięciu niczego nie odzyska, a przywrócenie znacznie starszej cofnęłoby więcej Twojej pracy, niż to konieczne.

Odpowiedz, proszę, w tym zgłoszeniu, podając przybliżony czas.${SIGNATURE_PL}`,
  },
  {
    locale: "pl",
    title: "Plik CSV czy pełne przywrócenie: co wybrać",
    body: `Dzień dobry {{requesterName}},

zanim zajmiemy się zgłoszeniem {{ticketNumber}}, potwierdź, proszę, jakiego przywrócenia potrzebujesz:

• Plik CSV (najbezpieczniejszy): przygotujemy plik z kontaktami, firmami, dealami i leadami w stanie z dnia {{restoreDate}}, a Ty zaimportujesz tylko to, czego brakuje. Do czasu importu nic na koncie się nie zmienia, a późniejsza praca zostaje zachowana. Plik nie zawiera działań, komentarzy ani historii.
• Pełne przywrócenie: całe konto wraca do stanu z dnia {{restoreDate}}. Wszystkie zmiany wprowadzone po tej dacie zostaną utracone, dla wszystkich użytkowników konta. Tylko w ten sposób można odzyskać listę produktów i pola niestandardowe.

Jeśli usunięto tylko elementy CRM, polecamy plik CSV.${SIGNATURE_PL}`,
  },
  {
    locale: "pl",
    title: "Kopie przechowujemy 7 dni: prosimy o odpowiedź na czas",
    body: `Dzień dobry {{requesterName}},

krótkie przypomnienie w sprawie zgłoszenia {{ticketNumber}}: kopie zapasowe przechowujemy przez 7 dni. Kopia z dnia {{restoreDate}}, której potrzebuje Twoje zgłoszenie, jest dla Ciebie zatrzymana do {{backupExpiry}}; potem zostanie usunięta i odzyskanie danych nie będzie już możliwe.

Odpowiedz, proszę, na nasze pytanie w zgłoszeniu przed tym terminem, abyśmy zdążyli przeprowadzić przywracanie.${SIGNATURE_PL}`,
  },
  {
    locale: "pl",
    title: "Plik CSV jest gotowy: jak go zaimportować",
    body: `Dzień dobry {{requesterName}},

plik CSV dla zgłoszenia {{ticketNumber}} jest gotowy. Zawiera wszystkie kontakty, firmy, deale i leady w stanie z dnia {{restoreDate}}:
{{csvLink}}

Aby odzyskać rekordy:
1. Otwórz w menu Import CSV i wybierz „Zaimportuj plik z prośby {{ticketNumber}}” (albo wgraj pobrany plik).
2. Sprawdź podgląd: ile rekordów zostanie utworzonych, które są identyczne, a które się różnią.
3. Zostaw opcję „Tylko brakujące rekordy”, aby dodać z powrotem tylko to, co usunięto; nic, co istnieje teraz, nie zostanie zmienione. Opcję „Brakujące i nadpisanie istniejących” wybierz tylko wtedy, gdy chcesz cofnąć także późniejsze zmiany.

Ponowny import tego samego pliku nie tworzy duplikatów. Plik nie zawiera działań, komentarzy ani historii. Link działa, dopóki przechowujemy kopię zapasową (7 dni).${SIGNATURE_PL}`,
  },
  {
    locale: "pl",
    title: "Przywracanie zakończone: sprawdź, proszę, dane",
    body: `Dzień dobry {{requesterName}},

przywracanie w ramach zgłoszenia {{ticketNumber}} zostało zakończone: dane Twojego konta są znów w stanie z dnia {{restoreDate}}.

Sprawdź, proszę, czy brakujące rekordy są na miejscu, i daj nam znać w tym zgłoszeniu, jeśli coś nadal się nie zgadza. Zmiany wprowadzone po {{restoreDate}} nie zostały zachowane, więc w razie potrzeby wprowadź je ponownie.${SIGNATURE_PL}`,
  },
  {
    locale: "pl",
    title: "Odrzucone: data poza okresem przechowywania kopii",
    body: `Dzień dobry {{requesterName}},

niestety nie możemy zrealizować zgłoszenia {{ticketNumber}}. Kopie zapasowe przechowujemy tylko przez 7 dni i nie ma już kopii z dnia, w którym dane jeszcze istniały; przywrócenie późniejszej kopii nie odzyskałoby usuniętych danych.

Jeśli znów zauważysz utratę danych, złóż prośbę jak najszybciej: im wcześniej, tym więcej kopii mamy do wyboru.${SIGNATURE_PL}`,
  },
];

/**
 * The demo's canned replies. Safe to run again: a reply is found by its
 * language and title, and one support has since edited is left as it is.
 */
export async function seedCannedReplies({ db }: { db: Db }) {
  for (const reply of DEMO_CANNED_REPLIES) {
    assertValidTemplate(reply.body);
    await db.cannedReply.upsert({ where: { locale_title: { locale: reply.locale, title: reply.title } }, create: reply, update: {} });
  }
}
