import { createContext, createElement, type ReactNode, useCallback, useContext, useEffect, useId, useMemo, useRef, useState } from "react";

export interface Validity {
  report(id: string, invalid: boolean): void;
}

const ValidityContext = createContext<Validity | null>(null);

/**
 * Collects the fields whose text does not parse yet (an amount like "12.345"): the draft keeps
 * their last valid value, so saving must wait until they are fixed.
 */
export function useValidityTracker(): { invalidCount: number; validity: Validity } {
  const invalid = useRef(new Set<string>());
  const [invalidCount, setInvalidCount] = useState(0);
  const report = useCallback((id: string, isInvalid: boolean) => {
    if (isInvalid === invalid.current.has(id)) return;
    if (isInvalid) invalid.current.add(id);
    else invalid.current.delete(id);
    setInvalidCount(invalid.current.size);
  }, []);
  const validity = useMemo(() => ({ report }), [report]);
  return { invalidCount, validity };
}

export function ValidityProvider({ validity, children }: { validity: Validity; children: ReactNode }) {
  return createElement(ValidityContext.Provider, { value: validity }, children);
}

/** Reports this control as invalid while `invalid` holds (and forgets it when it unmounts). */
export function useReportInvalid(invalid: boolean): void {
  const validity = useContext(ValidityContext);
  const id = useId();
  useEffect(() => {
    validity?.report(id, invalid);
  }, [validity, id, invalid]);
  useEffect(() => () => validity?.report(id, false), [validity, id]);
}
