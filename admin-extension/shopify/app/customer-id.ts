import { createContext, useContext } from "react";

/** The member page's customer id, from its path (/app/members/<encoded id>). */
export const CustomerIdContext = createContext<string | null>(null);

export function useRouteCustomerId(): string | null {
  return useContext(CustomerIdContext);
}
