import { createContext, type MouseEvent, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";

/** Where the app lives on the server: every screen is /app/<screen>. */
export const APP_BASE = "/app";

interface Location {
  path: string;
  navigate: (to: string) => void;
}

const RouterContext = createContext<Location>({ path: APP_BASE, navigate: () => {} });

/** The query string the admin opened the app with (shop, host, embedded…), kept on every screen. */
const keptQuery = () => (typeof location === "undefined" ? "" : location.search);

/**
 * A path router over the History API: the SPA's own links, the nav menu's (App Bridge moves the
 * app with history.pushState and `shopify:navigate`; the dev shim does the same) and back/forward.
 */
export function Router({ children }: { children: ReactNode }) {
  const [path, setPath] = useState(() => location.pathname);
  useEffect(() => {
    const follow = () => setPath(location.pathname);
    const onNavigate = (e: Event) => {
      const href = (e as CustomEvent<{ href?: string }>).detail?.href ?? (e.target as HTMLAnchorElement | null)?.href;
      if (href) go(href, setPath);
    };
    window.addEventListener("popstate", follow);
    document.addEventListener("shopify:navigate", onNavigate);
    return () => {
      window.removeEventListener("popstate", follow);
      document.removeEventListener("shopify:navigate", onNavigate);
    };
  }, []);
  const navigate = useCallback((to: string) => go(to, setPath), []);
  const value = useMemo(() => ({ path, navigate }), [path, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

function go(to: string, setPath: (p: string) => void) {
  const url = new URL(to, location.href);
  if (url.origin !== location.origin) {
    location.assign(url.href);
    return;
  }
  if (!url.search) url.search = keptQuery();
  if (url.pathname !== location.pathname || url.search !== location.search) history.pushState(null, "", url.pathname + url.search);
  setPath(url.pathname);
  window.scrollTo(0, 0);
}

export function useRouter(): Location {
  return useContext(RouterContext);
}

/** An in-app link: a real <a href> (open in a new tab works), moved by the router on a plain click. */
export function AppLink({ to, children, primary = false }: { to: string; children: ReactNode; primary?: boolean }) {
  const { navigate } = useRouter();
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    // data-primary-link: a Polaris IndexTable row clicked anywhere follows this link.
    <a className="Polaris-Link" href={`${to}${keptQuery()}`} onClick={onClick} {...(primary ? { "data-primary-link": true } : {})}>
      {children}
    </a>
  );
}

/** The member page's path: the customer id encoded as one segment. */
export const memberPath = (customerId: string) => `${APP_BASE}/members/${encodeURIComponent(customerId)}`;
