"use client";

import { useEffect, useRef, type RefObject } from "react";

/**
 * React resets a form after every action it submits, refused ones too: a
 * message refused (the ticket changed, a file went missing) would lose what
 * was typed. This puts it back. It listens to native `input` events, so text
 * a script inserts (a canned reply) counts as typed.
 */
export function useKeptDraft(field: RefObject<HTMLTextAreaElement | null>, state: { ok: boolean } | null) {
  const draft = useRef("");
  useEffect(() => {
    const element = field.current;
    if (!element) return;
    const keep = () => {
      draft.current = element.value;
    };
    element.addEventListener("input", keep);
    return () => element.removeEventListener("input", keep);
  }, [field]);
  useEffect(() => {
    if (!state) return;
    if (state.ok) draft.current = "";
    else if (field.current && !field.current.value) field.current.value = draft.current;
  }, [state, field]);
}
