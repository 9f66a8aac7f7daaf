"use client";

import { useEffect, useRef } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";

/**
 * The header's less-used links behind one button, so the bar fits a laptop
 * in both languages. A disclosure (works without JavaScript); it closes on
 * navigation, on a click elsewhere and on Escape.
 */
export function NavMoreMenu({ label, links }: { label: string; links: { href: string; label: string }[] }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [pathname]);
  useEffect(() => {
    const close = (event: Event) => {
      const details = menu.current;
      if (!details?.open) return;
      if (event instanceof KeyboardEvent ? event.key !== "Escape" : details.contains(event.target as Node)) return;
      details.open = false;
      // The key closed the menu; it is not also a shortcut of the page.
      event.preventDefault();
    };
    document.addEventListener("click", close);
    // Capture: the menu hears Escape before the page's shortcuts do.
    document.addEventListener("keydown", close, true);
    return () => {
      document.removeEventListener("click", close);
      document.removeEventListener("keydown", close, true);
    };
  }, []);
  const current = links.some((link) => pathname.startsWith(link.href));
  return (
    <details ref={menu} className="relative">
      <summary
        className={`flex cursor-pointer list-none items-center gap-1 whitespace-nowrap rounded-md px-2.5 py-1.5 text-sm font-medium hover:bg-slate-100 [&::-webkit-details-marker]:hidden ${current ? "text-slate-900" : "text-slate-700"}`}
      >
        {label}
        <span aria-hidden className="text-xs text-slate-500">
          ▾
        </span>
      </summary>
      <ul className="absolute left-0 z-50 mt-1 min-w-48 rounded-md border border-slate-200 bg-white py-1 shadow-lg">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} className="block whitespace-nowrap px-3 py-2 text-sm text-slate-700 hover:bg-slate-100" aria-current={pathname.startsWith(link.href) ? "page" : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
