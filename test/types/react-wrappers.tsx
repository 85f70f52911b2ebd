// The React wrappers (`lindungi/react`): props and event callbacks are typed.
import { Hotline, ReportForm, StageTimeline } from 'lindungi/react';

export const ok = (
  <>
    <Hotline variant="floating" emergencyOnly open={false} onLindungiContact={(e) => void e.detail.hotlineId} />
    <ReportForm api="https://api.example" onLindungiSubmitted={(e) => void e.detail.ticket} />
    <StageTimeline compact onLindungiStageToggle={(e) => void e.detail.open} />
  </>
);

export const typos = (
  <>
    {/* @ts-expect-error a prop with a typo */}
    <Hotline contry="KH" />
    {/* @ts-expect-error a variant that does not exist */}
    <Hotline variant="floatin" />
    {/* @ts-expect-error the detail has `hotlineId`, not `hotlineID` */}
    <Hotline onLindungiContact={(e) => void e.detail.hotlineID} />
    {/* @ts-expect-error the form's event carries a ticket, not a `tikcet` */}
    <ReportForm onLindungiSubmitted={(e) => void e.detail.tikcet} />
  </>
);
