import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/stage-timeline.js';
import type { ContentClient } from '../src/sdk/index.js';
import {
  errorClient,
  handledReportClient,
  loadingClient,
  offlineClient,
  withdrawnReportClient,
  receivedReportClient,
  resolvedReportClient,
  closedReportClient,
} from './story-clients.js';

interface TimelineArgs {
  timeline?: string | undefined;
  stages?: unknown;
  stagesAttribute?: string | undefined;
  ticket?: string | undefined;
  heading?: string | undefined;
  compact: boolean;
  currentStage?: string | undefined;
  dir?: string | undefined;
  width?: string | undefined;
  client?: (() => ContentClient) | undefined;
  style?: string | undefined;
}

/**
 * Where things stand. Pick the language in the toolbar; every story is also rendered and checked
 * with axe in each language by the browser test suite.
 */
const meta: Meta<TimelineArgs> = {
  title: 'Widgets/Stage timeline',
  component: 'lindungi-stage-timeline',
  args: { compact: false },
  argTypes: {
    timeline: { control: 'inline-radio', options: ['agreement-id-kh', 'worker-journey'] },
    client: { table: { disable: true } },
    style: { table: { disable: true } },
    stages: { table: { disable: true } },
    stagesAttribute: { table: { disable: true } },
    width: { table: { disable: true } },
    dir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
  },
  render: (args) => html`<div style=${args.width ? `inline-size: ${args.width}` : nothing}>
    <lindungi-stage-timeline
      timeline=${args.timeline ?? nothing}
      stages=${args.stagesAttribute ?? nothing}
      .stages=${args.stages ?? args.stagesAttribute}
      ticket=${args.ticket ?? nothing}
      heading=${args.heading ?? nothing}
      ?compact=${args.compact}
      current-stage=${args.currentStage ?? nothing}
      dir=${args.dir ?? nothing}
      .client=${args.client?.()}
      style=${args.style ?? nothing}
    ></lindungi-stage-timeline>
  </div>`,
};
export default meta;

type Story = StoryObj<TimelineArgs>;

/** The Indonesia–Cambodia agreement: negotiation in progress, nothing signed yet. */
export const Agreement: Story = { args: { timeline: 'agreement-id-kh' } };

/** Protection before, during and after work: phases to read about, with no status. */
export const WorkerJourney: Story = { args: { timeline: 'worker-journey' } };

/** The same journey on a page that knows where its reader is (`current-stage="during-work"`). */
export const WorkerJourneyReaderAbroad: Story = { args: { timeline: 'worker-journey', currentStage: 'during-work' } };

/** Set right to left on the widget (`dir="rtl"`), as for custom stages in a right-to-left language. */
export const RightToLeft: Story = { args: { timeline: 'agreement-id-kh', dir: 'rtl', width: '20rem' } };

/** A report's progress, as the report form passes it (example data). */
export const ReportProgress: Story = {
  args: {
    heading: 'Report LDG-7K4M-Q9TX',
    stages: [
      { id: 'received', title: { en: 'Report received', id: 'Laporan diterima', km: 'បានទទួលរបាយការណ៍' }, status: 'done', dates: { end: '2026-11-20' } },
      { id: 'verified', title: { en: 'Report checked', id: 'Laporan diverifikasi', km: 'បានពិនិត្យរបាយការណ៍' }, status: 'current' },
      { id: 'in-handling', title: { en: 'Being handled', id: 'Sedang ditangani', km: 'កំពុងដោះស្រាយ' }, status: 'upcoming' },
      { id: 'resolved', title: { en: 'Resolved', id: 'Selesai ditangani', km: 'បានដោះស្រាយរួច' }, status: 'upcoming' },
    ],
  },
};

/** A report just received, by ticket: "received" is in progress until someone checks it (example data). */
export const ReportReceived: Story = { args: { ticket: 'LDG-7K4M-Q9TX', client: receivedReportClient } };

/** A report being handled: the latest note open at the top, the date each stage was reached. Example data. */
export const ReportWithNotes: Story = { args: { ticket: 'LDG-7K4M-Q9TX', client: handledReportClient } };

/** A resolved report: every stage done (example data). */
export const ReportResolved: Story = { args: { ticket: 'LDG-7K4M-Q9TX', client: resolvedReportClient } };

/** A report closed by the organisation, ending on its own final state with the reason (example data). */
export const ReportClosed: Story = { args: { ticket: 'LDG-7K4M-Q9TX', client: closedReportClient } };

/** A report its reporter withdrew, by ticket (example data answered by the story's client). */
export const ReportWithdrawn: Story = { args: { ticket: 'LDG-7K4M-Q9TX', client: withdrawnReportClient } };

/** Custom stages with every status and dates (example data). */
export const CustomData: Story = {
  args: {
    heading: 'Example process',
    stages: [
      { id: 'a', title: 'Documents collected', status: 'done', dates: { start: '2026-09-01', end: '2026-09-15' } },
      { id: 'b', title: 'Waiting for the employer', status: 'blocked', description: 'The employer has not answered.' },
      { id: 'c', title: 'Hearing', status: 'current', parties: ['Worker', 'Employer', 'Mediator'], dates: { target: '2026-12-15' } },
      { id: 'd', title: 'Decision', status: 'upcoming' },
      { id: 'e', title: 'Appeal', status: 'not-started' },
    ],
  },
};

/** For a sidebar: always vertical, smaller. */
export const Compact: Story = { args: { timeline: 'agreement-id-kh', compact: true, width: '60rem' } };

/** A wide container: stages side by side. */
export const Horizontal: Story = { args: { timeline: 'agreement-id-kh', width: '60rem' } };

/** A narrow container (a phone): stages one under another. */
export const Narrow: Story = { args: { timeline: 'agreement-id-kh', width: '20rem' } };

export const Loading: Story = { args: { timeline: 'agreement-id-kh', client: loadingClient } };
export const LoadError: Story = { args: { timeline: 'agreement-id-kh', client: errorClient } };
export const Offline: Story = { args: { timeline: 'agreement-id-kh', client: offlineClient } };
export const Empty: Story = { args: { heading: 'Example process', stages: [] } };

/** A stage without a title, a duplicate id and an unknown status: each skipped in place, with one warning. */
export const BadStages: Story = {
  args: {
    heading: 'Example process',
    stages: [
      { id: 'a', title: 'Documents collected', status: 'done' },
      { id: 'b', status: 'current' },
      { id: 'a', title: 'Documents collected again', status: 'done' },
      { id: 'c', title: 'Decision', status: 'finished' },
      { id: 'd', title: 'Appeal', status: 'upcoming' },
    ],
  },
};

/** `stages` attribute that is not JSON: a localized message and one warning. */
export const MalformedJson: Story = { args: { stagesAttribute: '[{"id": "a", "title": ' } };

/** `timeline="treaty-2030"`: a localized message and one warning. */
export const UnknownTimeline: Story = { args: { timeline: 'treaty-2030' } };

/** `ticket` on a site without an API: says reporting is not connected here. */
export const TicketWithoutApi: Story = { args: { ticket: 'LDG-7K4M-Q9TX' } };

export const Themed: Story = {
  args: {
    timeline: 'agreement-id-kh',
    style: '--lindungi-color-accent: #6b1d5e; --lindungi-color-success: #14532d; --lindungi-radius: 0; --lindungi-font-family: Georgia, serif',
  },
};
