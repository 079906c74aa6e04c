import { Button, Heading, toast } from "@medusajs/ui";
import { useState } from "react";
import { toAdminApiError } from "../../shared/client.ts";
import { useExportMemberData } from "../../shared/data-export-hooks.ts";
import { parseCustomerId } from "../../shared/data-exports.ts";
import { TextField } from "../parts/text-field.tsx";

/** Makes an export of one customer's data now; the new export opens below. */
export function ExportFormSection({ onMade }: { onMade: (id: string) => void }) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const make = useExportMemberData();

  async function submit() {
    const parsed = parseCustomerId(text);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(null);
    try {
      const made = await make.mutateAsync(parsed.customerId);
      toast.success(`Export of ${made.customerId} made`);
      setText("");
      onMade(made.id);
    } catch (e) {
      const failure = toAdminApiError(e);
      setError(failure.code === "UnknownMember" ? `${parsed.customerId} is not a member: Kinship holds nothing on them.` : failure.message);
    }
  }

  return (
    <form
      className="flex flex-col gap-y-3 px-6 py-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Heading level="h2">Export a customer's data</Heading>
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          className="flex min-w-[18rem] flex-1 flex-col gap-y-2"
          label="Customer id"
          value={text}
          onChange={(t) => {
            setText(t);
            setError(null);
          }}
          placeholder="cus_01H…"
          errors={error ? [error] : []}
        />
        <Button type="submit" isLoading={make.isPending}>
          Export data
        </Button>
      </div>
    </form>
  );
}
