/** The rules that hold the house up; `npm run arch` (part of `npm test`) fails on any of them, naming the file. */
const PACKAGES = "^(plugin/[^/]+|webhooks|storefront-widgets|admin-extension)/";
const FACES_SRC = "^(plugin/(app|medusa|member-token)/src|webhooks/src|storefront-widgets/src|admin-extension/(shared|medusa|shopify))/";

module.exports = {
  forbidden: [
    {
      name: "core-is-pure",
      comment: "The engine's core decides; it imports no store, framework or I/O (only zod, json-logic-js, luxon and csv-parse).",
      severity: "error",
      from: { path: "^plugin/engine/src/core/" },
      to: { pathNot: ["^plugin/engine/src/core/", "node_modules/(zod|json-logic-js|luxon|csv-parse)/"] },
    },
    {
      name: "store-never-imports-upward",
      comment: "The store is the engine's bottom layer: it never imports the Engine, the GraphQL layer or the CLI.",
      severity: "error",
      from: { path: "^plugin/engine/src/store/" },
      to: { path: "^plugin/engine/src/(engine|index|graphql/|cli/)" },
    },
    {
      name: "faces-go-through-the-engine",
      comment: "Outside the engine, nobody calls the store: every face goes through the Engine's ports (@kinship/engine).",
      severity: "error",
      from: { path: FACES_SRC },
      to: { path: "^plugin/engine/(src|dist)/store/" },
    },
    {
      name: "no-reaching-into-another-package",
      comment: "A package uses another only through its exports (@kinship/...), never by a relative path into it.",
      severity: "error",
      from: { path: `${PACKAGES}` },
      to: {
        path: `${PACKAGES}(src|shared|medusa)/`,
        pathNot: "^$1",
        dependencyTypes: ["local"],
        dependencyTypesNot: ["aliased-workspace"],
      },
    },
    {
      name: "widgets-and-admin-never-run-the-engine",
      comment: "The storefront widgets and the admin screens talk GraphQL; they may import the engine's types, never its code.",
      severity: "error",
      from: { path: "^(storefront-widgets/src|admin-extension/(shared|medusa|shopify))/" },
      to: { path: "^plugin/engine/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "ui-extensions-stand-alone",
      comment:
        "A Shopify extension is bundled on its own for Shopify's sandbox: its src imports only itself, its npm packages (preact, @shopify/ui-extensions), the engine's pure pricing (the checkout must price as the product page does) and the customer account extension's pure display helpers (tier progress, points and dates read the same in the admin blocks as in the customer's account).",
      severity: "error",
      from: { path: "^plugin/app/extensions/([^/]+)/src/" },
      to: {
        pathNot: [
          "^plugin/app/extensions/$1/src/",
          "node_modules/(preact|@preact/signals|@shopify/ui-extensions)/",
          "^plugin/engine/src/core/pricing/",
          "^plugin/app/extensions/customer-account/src/data/(progress|text|types)\\.ts$",
        ],
      },
    },
    {
      name: "no-cycles",
      severity: "error",
      from: { path: PACKAGES },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(dist|node_modules|\\.medusa)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    combinedDependencies: true,
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "default", "types"] },
  },
};
