import { Hint, Label } from "@medusajs/ui";
import { type ReactNode, useId } from "react";

export interface ControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}

export interface FieldProps {
  label: string;
  hint?: ReactNode;
  /** Shown under the control, announced (role=alert), and linked to it with aria-describedby. */
  errors?: readonly string[];
  children: (control: ControlProps) => ReactNode;
  className?: string;
}

/** A labelled control with its hint and errors, the way Medusa's forms lay them out. */
export function Field({ label, hint, errors = [], children, className }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, errors.length > 0 ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className={className ?? "flex flex-col gap-y-2"}>
      <Label htmlFor={id} size="small" weight="plus">
        {label}
      </Label>
      {children({
        id,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(errors.length > 0 ? { "aria-invalid": true } : {}),
      })}
      {hint ? (
        <Hint id={hintId} variant="info">
          {hint}
        </Hint>
      ) : null}
      {errors.length > 0 ? (
        <Hint id={errorId} variant="error" role="alert">
          {errors.join(" ")}
        </Hint>
      ) : null}
    </div>
  );
}
