import { Banner, Page, Text } from "@shopify/polaris";
import { CustomerIdContext } from "./customer-id.ts";
import { APP_BASE, AppLink, useRouter } from "./router.tsx";
import { route, SCREENS } from "./routes.tsx";

/** App Bridge's nav menu: the admin's sidebar shows these links (the first one is the app's home). */
function NavMenu({ path }: { path: string }) {
  const current = (p: string) => (p === APP_BASE ? path === APP_BASE : path === p || path.startsWith(`${p}/`));
  return (
    <ui-nav-menu>
      {SCREENS.map((s) => (
        <a
          key={s.path}
          href={s.path}
          {...(s.path === APP_BASE ? { rel: "home" } : {})}
          {...(current(s.path) ? { "aria-current": "page" as const } : {})}
        >
          {s.label}
        </a>
      ))}
    </ui-nav-menu>
  );
}

export function App() {
  const { path } = useRouter();
  const found = route(path);
  return (
    <>
      <NavMenu path={path} />
      {found ? (
        <CustomerIdContext.Provider value={found.customerId ?? null}>
          <found.Screen key={path} />
        </CustomerIdContext.Provider>
      ) : (
        <Page title="Not found">
          <Banner tone="warning" title="This page does not exist">
            <Text as="p">
              <AppLink to={APP_BASE}>Go to Get started</AppLink>
            </Text>
          </Banner>
        </Page>
      )}
    </>
  );
}
