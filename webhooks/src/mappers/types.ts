/** What a delivery means (the engine carries it out) and the error a mapper throws on a payload it cannot read. */
export { type Mapped, MappingError } from "@kinship/engine/core";
