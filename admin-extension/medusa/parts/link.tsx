import { type ComponentType, createContext, type ReactNode, useContext } from "react";

export interface AdminLinkProps {
  /** A path inside the admin ("/loyalty/members/cus_01H…"). */
  to: string;
  className?: string;
  children: ReactNode;
}

/** A plain link: hosts with a router (the Medusa dashboard) provide their own so navigation stays in the app. */
function PlainLink({ to, className, children }: AdminLinkProps) {
  return (
    <a href={to} className={className}>
      {children}
    </a>
  );
}

const LinkContext = createContext<ComponentType<AdminLinkProps>>(PlainLink);

/** Gives the screens below it the host's link component (react-router's Link in the Medusa dashboard). */
export function AdminLinkProvider({ link, children }: { link: ComponentType<AdminLinkProps>; children: ReactNode }) {
  return <LinkContext.Provider value={link}>{children}</LinkContext.Provider>;
}

// Medusa's interactive blue is below 4.5:1 on white for small text: the base colour, underlined, reads as a link and passes.
const linkStyle =
  "text-ui-fg-base underline decoration-ui-fg-muted underline-offset-2 hover:decoration-ui-fg-base transition-fg txt-compact-small-plus focus-visible:shadow-borders-focus rounded-sm outline-none";

/** A link to another admin screen. */
export function AdminLink({ to, children, className }: AdminLinkProps) {
  const Link = useContext(LinkContext);
  return (
    <Link to={to} className={className ? `${linkStyle} ${className}` : linkStyle}>
      {children}
    </Link>
  );
}
