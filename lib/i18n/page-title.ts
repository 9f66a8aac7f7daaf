import "server-only";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type en from "@/messages/en.json";

/** A page's tab title in the reader's language: `export const generateMetadata = pageTitle("plans");` */
export function pageTitle(key: keyof (typeof en)["titles"]) {
  return async (): Promise<Metadata> => ({ title: (await getTranslations("titles"))(key) });
}
