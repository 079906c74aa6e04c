import { type FormEvent, useState } from "react";
import { formatNumber } from "./format.ts";
import { useImportPerkCodes } from "./hooks.ts";
import type { PerkImport } from "./types.ts";

/** What an import did, in words. */
export function importedMessage({ added, alreadyThere }: PerkImport): string {
  return `Added ${formatNumber(added)} ${added === 1 ? "code" : "codes"}; ${formatNumber(alreadyThere)} ${alreadyThere === 1 ? "was" : "were"} already there.`;
}

/**
 * A perk code pool's import form as both admins' pools run it: the codes pasted one per line go
 * as pasted (so the engine's "code 3 ..." is line 3; it trims and skips blanks), and on success
 * the box empties and `done` says what was added.
 */
export function usePerkCodeImport(partner: string) {
  const importCodes = useImportPerkCodes();
  const [text, setText] = useState("");
  const [done, setDone] = useState("");

  function submit(event: FormEvent) {
    event.preventDefault();
    if (importCodes.isPending) return;
    setDone("");
    importCodes.mutate(
      { partner, codes: text.split(/\r?\n/) },
      {
        onSuccess: (result) => {
          setDone(importedMessage(result));
          setText("");
        },
      },
    );
  }

  return { importCodes, text, setText, done, submit };
}
