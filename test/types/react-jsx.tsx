// The bare elements in React 19 JSX, with `lindungi/jsx-react`.
import type {} from 'lindungi/jsx-react';

export const ok = (
  <lindungi-hotline variant="floating" heading-level={3} onlindungi-contact={(e) => void e.detail.hotlineId}>
    <lindungi-rights-card topic="documents" />
  </lindungi-hotline>
);

export const typos = (
  <>
    {/* @ts-expect-error an attribute with a typo */}
    <lindungi-hotline contry="KH" />
    {/* @ts-expect-error a variant that does not exist */}
    <lindungi-hotline variant="floatin" />
    {/* @ts-expect-error the detail has `hotlineId` */}
    <lindungi-hotline onlindungi-contact={(e) => void e.detail.hotlineID} />
    {/* @ts-expect-error the invalid event names fields, not values */}
    <lindungi-report-form onlindungi-invalid={(e) => void e.detail.values} />
  </>
);
