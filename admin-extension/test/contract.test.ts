import { adminSdl } from "@kinship/engine/schema";
import { buildSchema, Kind, type OperationDefinitionNode, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { adminOperations } from "../shared/operations.ts";

const schema = buildSchema(adminSdl);

describe("the admin operations against the engine's admin SDL", () => {
  it.each(adminOperations.map((op) => [op.name, op] as const))("%s is one named operation that validates", (name, op) => {
    const document = parse(op.document);
    expect(validate(schema, document)).toEqual([]);
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    expect(operations.map((o) => o.name?.value)).toEqual([name]);
  });

  it("covers every query and mutation the screens need, each name used once", () => {
    const names = adminOperations.map((op) => op.name);
    expect(new Set(names).size).toBe(names.length);
    const roots = adminOperations.flatMap((op) =>
      parse(op.document).definitions.flatMap((d) =>
        d.kind === Kind.OPERATION_DEFINITION
          ? d.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? `${d.operation}.${s.name.value}` : ""))
          : [],
      ),
    );
    expect(new Set(roots)).toEqual(
      new Set([
        "query.member",
        "query.order",
        "query.program",
        "query.audit",
        "query.partners",
        "query.members",
        "query.tierPreview",
        "query.tryRule",
        "query.dashboard",
        "query.deadLetters",
        "mutation.adjustPoints",
        "mutation.updateProgram",
        "mutation.importPerkCodes",
        "mutation.overrideTier",
        "mutation.replayDeadLetters",
        "query.plans",
        "query.referrals",
        "mutation.reviewReferral",
        "query.eventTopics",
        "query.webhookEndpoints",
        "query.webhookDeliveries",
        "mutation.createWebhookEndpoint",
        "mutation.updateWebhookEndpoint",
        "mutation.deleteWebhookEndpoint",
        "mutation.rotateWebhookSecret",
        "mutation.replayWebhookDeliveries",
        "query.financeReport",
        "query.insight",
        "query.memberInsight",
        "query.membersInSegment",
        "mutation.refreshInsight",
        "query.dataExports",
        "query.dataExport",
        "mutation.exportMemberData",
        "query.imports",
        "mutation.importMembers",
      ]),
    );
    // a field the engine adds to the admin surface needs an operation here too
    const surface = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((f) => `query.${f}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((f) => `mutation.${f}`),
    ];
    expect(new Set(roots)).toEqual(new Set(surface));
  });
});
