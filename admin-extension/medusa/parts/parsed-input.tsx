import { Input, Textarea } from "@medusajs/ui";
import { type ReactNode, useEffect, useRef, useState } from "react";
import type { Parsed } from "../../shared/money.ts";
import { Field } from "./field.tsx";
import { useReportInvalid } from "./validity.tsx";

export interface ParsedInputProps<T> {
  label: string;
  value: T | undefined;
  format: (value: T) => string;
  parse: (text: string) => Parsed<T>;
  /** Called with each value that parses (undefined when an optional field is emptied). */
  onChange: (value: T | undefined) => void;
  /** Empty text means "no value" instead of an error. */
  optional?: boolean;
  /** The engine's issues for this field. */
  errors?: readonly string[];
  hint?: ReactNode;
  inputMode?: "numeric" | "decimal" | "text";
  placeholder?: string;
  multiline?: boolean;
  className?: string;
}

/**
 * A text input for a typed value (an amount, a whole number, a list of ids): people type freely,
 * the value changes only when the text parses, and text that does not is shown as an error (and
 * blocks saving) instead of being dropped.
 */
export function ParsedInput<T>({
  label,
  value,
  format,
  parse,
  onChange,
  optional = false,
  errors = [],
  hint,
  inputMode = "text",
  placeholder,
  multiline = false,
  className,
}: ParsedInputProps<T>) {
  const [text, setText] = useState(() => (value === undefined ? "" : format(value)));
  const [problem, setProblem] = useState<string | null>(null);
  const emitted = useRef(value);
  useReportInvalid(problem !== null);

  // A value that changed from outside (discard, a move, the saved version) replaces the text.
  useEffect(() => {
    if (value === emitted.current) return;
    emitted.current = value;
    setText(value === undefined ? "" : format(value));
    setProblem(null);
  }, [value, format]);

  function change(next: string) {
    setText(next);
    if (optional && next.trim() === "") {
      setProblem(null);
      emitted.current = undefined;
      onChange(undefined);
      return;
    }
    const parsed = parse(next);
    if (!parsed.ok) {
      setProblem(parsed.message);
      return;
    }
    setProblem(null);
    emitted.current = parsed.value;
    onChange(parsed.value);
  }

  const shown = problem ? [problem] : errors;
  return (
    <Field label={label} hint={hint} errors={shown} {...(className ? { className } : {})}>
      {(control) =>
        multiline ? (
          <Textarea {...control} value={text} placeholder={placeholder} onChange={(e) => change(e.target.value)} />
        ) : (
          <Input {...control} value={text} inputMode={inputMode} placeholder={placeholder} onChange={(e) => change(e.target.value)} />
        )
      }
    </Field>
  );
}
