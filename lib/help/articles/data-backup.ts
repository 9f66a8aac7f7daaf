/**
 * The data-backup article, in Restore Desk's own words (the facts of the
 * source article: ../shared/seed/backup-article.en.md). Revision 2 is the
 * current text; revision 1 is the shorter first version the demo's older
 * votes belong to.
 */
export const DATA_BACKUP_SLUG = "data-backup";

const EN_V2 = `Your CRM keeps a copy of your account's data every day. If something important is deleted or overwritten by mistake, support can bring it back from one of these copies. This page explains what is possible, who can ask, and what to expect.

## What is backed up, and for how long

- Every account is backed up **once a day**.
- Each backup is kept for **7 days**. After that it is deleted, and data from that day can no longer be recovered.
- The backup covers the whole account database: CRM items (contacts, companies, deals, leads), activities, comments, history, tasks, the product list and custom fields.

## Is restoring included in my plan?

Restoring from a backup is **not part of every plan**. You can check yours on the [plans page](/plans). If your plan does not include it, the request form will say so before you fill anything in.

## Who can ask for a restore

Only the **account administrator** — the person who registered the account — can file a request. Other users of the account can see that a restore is running, but cannot ask for one.

A restore always affects **the whole account and all of its users**. It is not possible to restore the data of one user or one employee only.

## Two ways to get your data back

### A CSV file (the safest way)

Support prepares a CSV file with **every contact, company, deal and lead** as they were on the date you choose. Nothing in your account changes: you open the file, pick what you need and **import it yourself**, so you decide what comes back.

- The file contains CRM items only. **Activities, comments and history are not included.**
- It is available only when your account's database is **30 GB or smaller** (exactly 30 GB is fine). Support sees the size; the request form checks it for you.

### A full restore

The **entire account** goes back to the state of the chosen backup.

- **Everything added or changed after that date is lost** — for every user of the account.
- It is the only way to bring back the **product list** or **custom fields**.
- While it runs, everyone in the account sees a notice and the data is read-only. Support can undo a full restore within 48 hours if it turns out to be the wrong choice.

## Before you ask

A restore is meant for **significant data loss** — hundreds of contacts deleted by an import, a pipeline overwritten by an integration. If only a few records are missing, re-entering them is usually much quicker.

Choose the **last backup taken before the data was lost**: anything entered after it will not be in the file or in the restored account.

## How to ask

Use the button below (or *Data recovery → New request* when you are signed in as the account administrator). Say what disappeared, roughly how much, and when you noticed. Support reviews every request, may ask you a question, and tells you when the restore is done. The backup you chose is kept until your request is finished, even if that takes longer than 7 days.`;

const PL_V2 = `Twój CRM codziennie zapisuje kopię danych konta. Jeśli coś ważnego zostanie przez pomyłkę usunięte albo nadpisane, wsparcie może to przywrócić z jednej z tych kopii. Ta strona wyjaśnia, co jest możliwe, kto może o to poprosić i czego się spodziewać.

## Co jest kopiowane i jak długo

- Każde konto jest kopiowane **raz dziennie**.
- Każda kopia jest przechowywana przez **7 dni**. Potem jest usuwana i danych z tego dnia nie da się już odzyskać.
- Kopia obejmuje całą bazę danych konta: elementy CRM (kontakty, firmy, deale, leady), aktywności, komentarze, historię, zadania, listę produktów i pola niestandardowe.

## Czy mój plan obejmuje przywracanie?

Przywracanie z kopii **nie jest dostępne w każdym planie**. Swój plan sprawdzisz na [stronie planów](/plans). Jeśli Twój plan go nie obejmuje, formularz powie o tym, zanim cokolwiek wypełnisz.

## Kto może poprosić o przywrócenie

Wniosek może złożyć tylko **administrator konta** — osoba, która konto zarejestrowała. Pozostali użytkownicy widzą, że przywracanie trwa, ale nie mogą o nie poprosić.

Przywrócenie zawsze dotyczy **całego konta i wszystkich jego użytkowników**. Nie da się przywrócić danych tylko jednego użytkownika czy pracownika.

## Dwa sposoby odzyskania danych

### Plik CSV (najbezpieczniejszy)

Wsparcie przygotowuje plik CSV ze **wszystkimi kontaktami, firmami, dealami i leadami** w stanie z wybranego dnia. Na koncie nic się nie zmienia: otwierasz plik, wybierasz to, czego potrzebujesz, i **sam importujesz** — to Ty decydujesz, co wraca.

- Plik zawiera tylko elementy CRM. **Aktywności, komentarzy i historii w nim nie ma.**
- Ta metoda jest dostępna tylko wtedy, gdy baza danych konta ma **najwyżej 30 GB** (równo 30 GB też wystarczy). Wsparcie zna rozmiar; formularz sprawdza go za Ciebie.

### Pełne przywrócenie

**Całe konto** wraca do stanu z wybranej kopii.

- **Wszystko, co dodano lub zmieniono po tej dacie, przepada** — dla wszystkich użytkowników konta.
- To jedyny sposób, by odzyskać **listę produktów** albo **pola niestandardowe**.
- W trakcie wszyscy w koncie widzą komunikat, a dane są tylko do odczytu. Wsparcie może cofnąć pełne przywrócenie w ciągu 48 godzin, jeśli okaże się złym wyborem.

## Zanim poprosisz

Przywracanie służy do odzyskania **dużej ilości danych** — setek kontaktów usuniętych przez import albo lejka nadpisanego przez integrację. Gdy brakuje kilku rekordów, zwykle szybciej jest wpisać je ponownie.

Wybierz **ostatnią kopię wykonaną przed utratą danych**: niczego, co wpisano później, nie będzie w pliku ani w przywróconym koncie.

## Jak poprosić

Użyj przycisku poniżej (albo *Odzyskiwanie danych → Nowa prośba*, gdy jesteś zalogowany jako administrator konta). Napisz, co zniknęło, mniej więcej ile i kiedy to zauważyłeś. Wsparcie sprawdza każdą prośbę, może zadać pytanie i da znać, gdy przywracanie się zakończy. Wybrana kopia jest przechowywana do końca sprawy, nawet jeśli potrwa to dłużej niż 7 dni.`;

export const DATA_BACKUP_REVISIONS = [
  {
    titleEn: "Data backup and restore",
    titlePl: "Kopia zapasowa i przywracanie danych",
    // The first version: the same facts, without the guidance added later.
    bodyEn: EN_V2.split("## Before you ask")[0].trim(),
    bodyPl: PL_V2.split("## Zanim poprosisz")[0].trim(),
  },
  { titleEn: "Data backup: getting lost data back", titlePl: "Kopia zapasowa: jak odzyskać utracone dane", bodyEn: EN_V2, bodyPl: PL_V2 },
];

export const RESTORE_STATUS_SLUG = "restore-request-status";

export const RESTORE_STATUS_REVISION = {
  titleEn: "What the status of a restore request means",
  titlePl: "Co oznacza status prośby o przywrócenie",
  bodyEn: `Every restore request moves through a few steps. You see its status on *Data recovery*.

## Statuses

- **Submitted** — support has your request and will look at it soon.
- **In review** — someone in support is checking it, and compares your account's current data with the backup.
- **Needs information** — support asked you a question. Answer on the request page; it goes back to review as soon as you reply.
- **Approved** — the restore will run shortly. A full restore is approved by two people in support.
- **Running** — the restore is in progress. During a full restore the account's data is read-only.
- **Completed** — done. For a CSV restore, the file is on the request page for 7 days.
- **Failed** — the restore could not finish and nothing in your account was changed. Support retries it.
- **Undone** — support undid a full restore (possible for 48 hours after it finished): the account is back as it was just before it. The reason is on the request page.
- **Rejected** / **Cancelled** — closed without a restore; the reason is on the request page.`,
  bodyPl: `Każda prośba o przywrócenie przechodzi przez kilka etapów. Jej status widzisz w *Odzyskiwaniu danych*.

## Statusy

- **Przesłane** — wsparcie ma Twoją prośbę i wkrótce się nią zajmie.
- **W weryfikacji** — ktoś ze wsparcia ją sprawdza i porównuje obecne dane konta z kopią.
- **Potrzebne informacje** — wsparcie zadało pytanie. Odpowiedz na stronie prośby; wróci ona do weryfikacji, gdy tylko odpiszesz.
- **Zatwierdzone** — przywracanie wkrótce się rozpocznie. Pełne przywrócenie zatwierdzają dwie osoby ze wsparcia.
- **W toku** — przywracanie trwa. Podczas pełnego przywracania dane konta są tylko do odczytu.
- **Zakończone** — gotowe. Przy przywracaniu do CSV plik jest na stronie prośby przez 7 dni.
- **Nieudane** — przywracanie nie zostało ukończone i na koncie nic się nie zmieniło. Wsparcie ponowi próbę.
- **Cofnięte** — wsparcie cofnęło pełne przywrócenie (w ciągu 48 godzin od jego zakończenia): konto jest takie, jak tuż przed nim. Powód jest na stronie prośby.
- **Odrzucone** / **Anulowane** — zamknięte bez przywracania; powód jest na stronie prośby.`,
};
