import { Checkbox, Label } from "@medusajs/ui";
import { useId } from "react";

export function CheckboxField({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const id = useId();
  return (
    <div className="flex items-center gap-x-2">
      <Checkbox id={id} checked={checked} onCheckedChange={(v) => onChange(v === true)} />
      <Label htmlFor={id} size="small">
        {label}
      </Label>
    </div>
  );
}
