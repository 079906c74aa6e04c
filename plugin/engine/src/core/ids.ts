import { z } from "zod";

/** Platform ids are 64-bit: always strings, never JSON numbers. */
export const CustomerId = z.string().min(1).max(200).brand<"CustomerId">();
export type CustomerId = z.infer<typeof CustomerId>;

export const OrderId = z.string().min(1).max(200).brand<"OrderId">();
export type OrderId = z.infer<typeof OrderId>;

export const ProgramKey = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[a-z0-9][a-z0-9.:_-]*$/, "program key: lowercase letters, digits, . : _ -")
  .brand<"ProgramKey">();
export type ProgramKey = z.infer<typeof ProgramKey>;
