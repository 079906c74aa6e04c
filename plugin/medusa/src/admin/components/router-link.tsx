import { type AdminLinkProps, AdminLinkProvider } from "@kinship/admin/medusa";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";

/** The loyalty screens' links through the dashboard's router: no page reload between screens. */
function RouterLink({ to, className, children }: AdminLinkProps) {
  return (
    <Link to={to} className={className}>
      {children}
    </Link>
  );
}

export const WithRouterLinks = ({ children }: { children: ReactNode }) => (
  <AdminLinkProvider link={RouterLink}>{children}</AdminLinkProvider>
);
