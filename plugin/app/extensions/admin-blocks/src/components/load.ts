import { useEffect, useState } from "preact/hooks";

export type Load<T> = { status: "loading" } | { status: "failed"; message: string } | { status: "ready"; value: T };

/** Runs `read` once per `key` (what it reads) and tracks its answer; a refusal becomes a message for the block. */
export function useLoad<T>(read: () => Promise<T>, key: unknown): Load<T> {
  const [load, setLoad] = useState<Load<T>>({ status: "loading" });
  useEffect(() => {
    let current = true;
    setLoad({ status: "loading" });
    read().then(
      (value) => current && setLoad({ status: "ready", value }),
      (e: unknown) => current && setLoad({ status: "failed", message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return load;
}
