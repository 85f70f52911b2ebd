/** @jsxImportSource preact */
// The bare elements in Preact JSX, with `lindungi/jsx-preact`.
import type {} from 'lindungi/jsx-preact';

export const ok = <lindungi-stage-timeline compact ticket="LDG-2222-3333" onlindungi-stage-toggle={(e) => void e.detail.stageId} />;

export const typos = (
  <>
    {/* @ts-expect-error an attribute with a typo */}
    <lindungi-stage-timeline tiket="LDG-2222-3333" />
    {/* @ts-expect-error the detail has `stageId` */}
    <lindungi-stage-timeline onlindungi-stage-toggle={(e) => void e.detail.stage} />
  </>
);
