// A partner's React 19 app using the wrappers, bundled by the React test with esbuild.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Hotline, hotlineEvents } from 'lindungi/react/hotline.js';
import { RightsCard, rightsCardEvents } from 'lindungi/react/rights-card.js';
import { StageTimeline, stageTimelineEvents } from 'lindungi/react/stage-timeline.js';
import { ReportForm, reportFormEvents } from 'lindungi/react/report-form.js';

declare global {
  interface Window {
    received: string[];
    wrapperEvents: Record<string, Record<string, string>>;
  }
}

window.received = [];
window.wrapperEvents = {
  'lindungi-hotline': hotlineEvents,
  'lindungi-rights-card': rightsCardEvents,
  'lindungi-stage-timeline': stageTimelineEvents,
  'lindungi-report-form': reportFormEvents,
};
const api = location.origin;

function App() {
  const [open, setOpen] = useState(false);
  return (
    <div lang="en">
      <button id="open-hotline" type="button" onClick={() => setOpen(true)}>
        Help
      </button>
      <Hotline variant="floating" open={open} api={api} onLindungiShow={(e) => window.received.push(`show ${e.cancelable}`)} />
      <RightsCard
        api={api}
        topic="keep-documents"
        headingLevel={3}
        onLindungiNeedHelp={(e) => window.received.push(`need-help ${e.detail.rightId} ${e.detail.action}`)}
      />
      <StageTimeline
        api={api}
        stages={[
          { id: 'a', title: 'Documents collected', status: 'done' },
          { id: 'b', title: 'Waiting for the employer', status: 'blocked', description: 'The employer has not answered.' },
        ]}
        onLindungiStageToggle={(e) => window.received.push(`toggle ${e.detail.stageId} ${e.detail.open}`)}
      />
      <ReportForm api={api} onLindungiInvalid={(e) => window.received.push(`invalid ${e.detail.fields.join(',')}`)} />
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
