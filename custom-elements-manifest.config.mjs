/** Custom Elements Manifest: generated from the JSDoc of each element class. */
export default {
  globs: ['src/components/**/*.ts', 'src/internal/base-element.ts'],
  // The report form's controller is its internal state, not a public element.
  exclude: ['src/components/report-form/controller.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // The public API only: private and protected members are the element's own business, and
      // would show in Storybook's tables and in editors as if partners could use them.
      name: 'lindungi-public-members-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.members) declaration.members = declaration.members.filter((member) => !member.privacy || member.privacy === 'public');
          }
        }
      },
    },
    {
      // Events are documented with `@fires`; the analyzer also lists each `dispatchEvent(new X())`
      // without a name, which would show twice in docs and IDEs.
      name: 'lindungi-named-events-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
          }
        }
      },
    },
  ],
};
