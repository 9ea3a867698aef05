// Kept by `npm run check:layers` (part of npm test). docs/ARCHITECTURE.md draws the same layers.

/**
 * lib/ folders from the ground floor up. A folder may import its own layer's
 * files and any layer below it, never one above: a shared helper that a lower
 * folder needs belongs in lib/core, not in a feature.
 */
const libLayers = [
  ["core"],
  ["privacy", "i18n"],
  ["auth", "tallies"],
  ["campaigns"],
  ["letters"],
  ["digests"],
  ["delivery"],
  ["signatures", "admin", "bounces"],
  ["staff", "follow-ups", "hand-delivery"],
  ["http", "worker"],
];

const folders = (layers) => `^lib/(${layers.flat().join("|")})/`;

const upwardImports = libLayers.slice(0, -1).map((layer, index) => ({
  name: `lib-${layer.join("-")}-imports-no-higher-layer`,
  comment: `lib/${layer.join(", lib/")} may not import ${libLayers
    .slice(index + 1)
    .flat()
    .join(", ")}: move the shared part down (lib/core) or the caller up.`,
  severity: "error",
  from: { path: folders([layer]) },
  to: { path: folders(libLayers.slice(index + 1)) },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-folder-cycles",
      comment: "Folders depend on each other one way only.",
      severity: "error",
      from: {},
      to: { circular: true },
      scope: "folder",
    },
    { name: "no-file-cycles", severity: "error", from: {}, to: { circular: true } },
    ...upwardImports,
    {
      name: "lib-is-below-the-interface",
      comment: "lib/ is plain TypeScript: it never imports pages, components or tooling.",
      severity: "error",
      from: { path: "^(lib|emails)/" },
      to: { path: "^(app|components|scripts|bench|tests)/" },
    },
    {
      name: "data-is-behind-use-cases",
      comment:
        "Pages, actions and components call a feature's use cases, which check the caller's role; a data.ts query trusts its caller.",
      severity: "error",
      from: { path: "^(app|components)/" },
      to: { path: "^lib/[^/]+/data\\.ts$" },
    },
    {
      name: "components-are-below-routes",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^app/" },
    },
    {
      name: "every-lib-file-in-a-known-layer",
      comment: "A new lib/ folder gets its place in libLayers (.dependency-cruiser.cjs) and docs/ARCHITECTURE.md.",
      severity: "error",
      from: { path: "^lib/", pathNot: folders(libLayers) },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: ["node_modules", "generated"] },
    exclude: { path: ["^generated/", "^\\.next", "node_modules"] },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
  },
};
