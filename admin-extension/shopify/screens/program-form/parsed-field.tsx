import { TextField } from "@shopify/polaris";
import { type ReactNode, useEffect, useRef, useState } from "react";
import type { Parsed } from "../../../shared/money.ts";
import { useReportInvalid } from "../../../shared/validity.ts";

export interface ParsedFieldProps<T> {
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
  helpText?: ReactNode;
  inputMode?: "numeric" | "decimal" | "text";
  placeholder?: string;
  multiline?: boolean | number;
  type?: "text" | "date" | "datetime-local" | "month";
  prefix?: ReactNode;
  suffix?: ReactNode;
}

/**
 * A Polaris text field for a typed value (an amount, a whole number, a list of ids): people type
 * freely, the value changes only when the text parses, and text that does not is shown as the
 * field's error (and blocks saving) instead of being dropped.
 */
export function ParsedField<T>({
  label,
  value,
  format,
  parse,
  onChange,
  optional = false,
  errors = [],
  helpText,
  inputMode = "text",
  placeholder,
  multiline,
  type = "text",
  prefix,
  suffix,
}: ParsedFieldProps<T>) {
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
    <TextField
      label={label}
      value={text}
      onChange={change}
      autoComplete="off"
      type={type}
      inputMode={inputMode}
      placeholder={placeholder}
      multiline={multiline}
      helpText={helpText}
      prefix={prefix}
      suffix={suffix}
      error={shown.length > 0 ? shown.join(" ") : undefined}
    />
  );
}
