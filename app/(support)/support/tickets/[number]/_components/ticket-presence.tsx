"use client";

import { createContext, useContext, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { PRESENCE_HEARTBEAT_MS, TYPING_FRESH_MS } from "@/lib/presence/presence-rules";
import { Button } from "@/components/ui/button";

type Other = { name: string; typing: boolean };
type Presence = { others: Other[]; stale: boolean };

const PresenceContext = createContext<Presence>({ others: [], stale: false });

/** Whether the ticket changed since this page loaded: the message form holds its reply then. */
export const useTicketChanged = () => useContext(PresenceContext).stale;

/** Key strokes in the message form's text count as "typing a reply" (not choosing a file or the kind of message). */
const TYPING_AREA = "[data-presence-typing] textarea";

/**
 * Who else has this ticket open, live: a heartbeat every few seconds says
 * "here" (and "typing" while the agent writes in the message form) and
 * brings back the other agents and the ticket's version; a version past the
 * one this page shows means the ticket changed under the agent's eyes.
 */
export function TicketPresenceProvider({ number, version, children }: { number: string; version: number; children: React.ReactNode }) {
  const [others, setOthers] = useState<Other[]>([]);
  const [latest, setLatest] = useState(version);
  const lastKey = useRef(0);
  const beatNow = useRef<() => void>(() => {});

  useEffect(() => {
    const onInput = (event: Event) => {
      if (!(event.target instanceof Element && event.target.matches(TYPING_AREA))) return;
      const startedTyping = Date.now() - lastKey.current >= TYPING_FRESH_MS;
      lastKey.current = Date.now();
      // The first key says "typing" at once: the others learn it on their next beat, not two beats later.
      if (startedTyping) beatNow.current();
    };
    document.addEventListener("input", onInput);
    return () => document.removeEventListener("input", onInput);
  }, []);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const url = `/api/tickets/${number}/presence`;
    let beating = false;
    // Typing started while a beat is on its way: one more follows it at once, so "typing" is never a beat late.
    let again = false;
    const beat = async () => {
      // One chain of beats: a beat already on its way schedules the next itself.
      if (beating) {
        again = true;
        return;
      }
      beating = true;
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ typing: Date.now() - lastKey.current < TYPING_FRESH_MS }),
          cache: "no-store",
        });
        if (response.ok && !stopped) {
          const view = (await response.json()) as { others: Other[]; version: number };
          setOthers(view.others);
          setLatest((current) => Math.max(current, view.version));
        }
      } catch {
        // Offline for a moment: the next beat tries again (the others see this agent go stale meanwhile).
      }
      beating = false;
      if (stopped) return;
      timer = setTimeout(beat, again ? 0 : PRESENCE_HEARTBEAT_MS);
      again = false;
    };
    const beatAtOnce = () => {
      if (stopped) return;
      clearTimeout(timer);
      void beat();
    };
    beatNow.current = beatAtOnce;
    void beat();
    // A tab in the background beats rarely (browsers throttle its timers) and so drops out of "also here";
    // coming back says "here" at once instead of at the next throttled beat.
    const onVisible = () => {
      if (document.visibilityState === "visible") beatAtOnce();
    };
    document.addEventListener("visibilitychange", onVisible);
    // text/plain: the one body type a beacon may carry everywhere; the route reads JSON from any.
    const leave = () => navigator.sendBeacon(url, new Blob([JSON.stringify({ leaving: true })], { type: "text/plain" }));
    window.addEventListener("pagehide", leave);
    return () => {
      stopped = true;
      beatNow.current = () => {};
      clearTimeout(timer);
      window.removeEventListener("pagehide", leave);
      document.removeEventListener("visibilitychange", onVisible);
      leave();
    };
  }, [number]);

  return <PresenceContext.Provider value={{ others, stale: latest > version }}>{children}</PresenceContext.Provider>;
}

/** The bar under the ticket's title: the other agents here, and the "ticket changed" notice. */
export function TicketPresenceBar() {
  const t = useTranslations("presence");
  const router = useRouter();
  const { others, stale } = useContext(PresenceContext);
  if (!others.length && !stale) return null;
  return (
    <div className="space-y-2" aria-live="polite">
      {others.length > 0 && (
        <p className="flex flex-wrap items-center gap-2 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="ticket-presence">
          <span className="font-medium">{t("alsoHere")}</span>
          {others.map((other, index) => (
            <span key={`${other.name}-${index}`} className="inline-flex items-center gap-1.5 rounded-full bg-white px-2 py-0.5 ring-1 ring-sky-200">
              <span aria-hidden className={other.typing ? "size-2 animate-pulse rounded-full bg-amber-500" : "size-2 rounded-full bg-emerald-500"} />
              {other.typing ? t("typing", { name: other.name }) : t("viewing", { name: other.name })}
            </span>
          ))}
        </p>
      )}
      {stale && (
        <div role="alert" className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <span>{t("changed")}</span>
          <Button type="button" variant="secondary" onClick={() => router.refresh()}>
            {t("review")}
          </Button>
        </div>
      )}
    </div>
  );
}
