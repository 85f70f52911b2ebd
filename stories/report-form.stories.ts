import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/report-form.js';
import type { ContentClient } from '../src/sdk/index.js';
import { atStep, exampleAnswers, noOperator, queuedReport, refusedReport, restoredDraft, sentReport } from './report-form-clients.js';

interface ReportFormArgs {
  api?: string | undefined;
  headingLevel: number;
  exitUrl?: string | undefined;
  keepDraftOnExit: boolean;
  client?: (() => ContentClient) | undefined;
  dir?: string | undefined;
  style?: string | undefined;
}

/** Wait for the form's continue button, then press it: the step's problems are shown. */
async function pressContinue({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const form = canvasElement.querySelector('lindungi-report-form')!;
  for (let i = 0; i < 100 && !form.shadowRoot?.querySelector('[part="continue"]'); i++) await new Promise((r) => setTimeout(r, 50));
  form.shadowRoot!.querySelector<HTMLButtonElement>('[part="continue"]')!.click();
  for (let i = 0; i < 100 && !form.shadowRoot?.querySelector('[part="error-summary"], [part="notice"]'); i++) await new Promise((r) => setTimeout(r, 50));
}

/**
 * Report exploitation or fraud. The stories use an example API answered in memory: nothing is sent
 * anywhere. Pick the language in the toolbar; every story is also rendered and checked with axe in
 * each language by the browser test suite. "Exit now" is held back here so Storybook stays open.
 */
const meta: Meta<ReportFormArgs> = {
  title: 'Widgets/Report form',
  component: 'lindungi-report-form',
  args: { headingLevel: 2, keepDraftOnExit: false, client: atStep('danger', {}) },
  argTypes: {
    client: { table: { disable: true } },
    style: { table: { disable: true } },
    dir: { table: { disable: true } },
  },
  render: (args) => html`<lindungi-report-form
    api=${args.api ?? nothing}
    heading-level=${args.headingLevel}
    exit-url=${args.exitUrl ?? nothing}
    ?keep-draft-on-exit=${args.keepDraftOnExit}
    dir=${args.dir ?? nothing}
    .client=${args.client?.()}
    style=${args.style ?? nothing}
    @lindungi-exit=${(event: Event) => event.preventDefault()}
  ></lindungi-report-form>`,
};
export default meta;

type Story = StoryObj<ReportFormArgs>;

/** Step 1: "Are you in danger right now?", with what "Exit now" does and the safety advice. */
export const Start: Story = {};

/** Danger: yes shows the emergency lines at once; the report can still go on. */
export const InDanger: Story = { args: { client: atStep('danger', { inDanger: 'yes' }) } };

/** Step 2: what happened — categories with hints, the description with its count, when and where. */
export const WhatHappened: Story = { args: { client: atStep('what') } };

/** Step 3: how to reach you — anonymous allowed, or a number or address with an example. */
export const HowToReachYou: Story = { args: { client: atStep('contact') } };

/** Step 4: every answer with a "Change" link, who receives the report, the consent text and its own checkbox. */
export const ConsentAndCheck: Story = { args: { client: atStep('check') } };

/** Under 18: a parent or guardian must agree, and the help lines are shown. */
export const Under18: Story = { args: { client: atStep('check', { ...exampleAnswers, adult: 'no' }) } };

/** Step 1 answered with nothing: the error summary takes focus and links to the question. */
export const DangerError: Story = { play: pressContinue };

/** Step 2 with nothing filled in: every message, linked from the summary. */
export const WhatHappenedErrors: Story = { args: { client: atStep('what', { inDanger: 'no', occurredOn: '2999-01-01' }) }, play: pressContinue };

/** Step 3 with a number that is not a phone number. */
export const ContactErrors: Story = { args: { client: atStep('contact', { ...exampleAnswers, contactValue: '12345' }) }, play: pressContinue };

/** Step 4 without consent. */
export const ConsentErrors: Story = { args: { client: atStep('check') }, play: pressContinue };

/** A draft left earlier on this device, restored with a note. */
export const RestoredDraft: Story = { args: { client: restoredDraft } };

/** Sent while offline: kept on the device, sent automatically later. */
export const Queued: Story = { args: { client: queuedReport } };

/** Sent: the ticket, large and copyable, and its status. */
export const Sent: Story = { args: { client: sentReport() } };

/** Withdrawn by the reporter. */
export const Withdrawn: Story = { args: { client: sentReport('withdrawn') } };

/** Refused for good by the organisation's server: said plainly, with the help lines. */
export const Refused: Story = { args: { client: refusedReport } };

/** Sent, and refused at once by the organisation's server: the answers stay in the form, with what to do. */
export const RefusedOnSend: Story = {
  args: { client: atStep('check', { ...exampleAnswers, adult: 'yes', consent: true }, { refuse: true }) },
  play: pressContinue,
};

/** An API that names nobody to receive reports: reporting is not set up, the help lines are shown. */
export const NotSetUp: Story = { args: { client: noOperator } };

/** No API at all on this page: the same, never a pretend send. */
export const WithoutApi: Story = { args: { client: undefined } };

/** A long description in Khmer (no spaces between words) on the check step. */
export const LongKhmerText: Story = {
  args: {
    client: atStep('check', {
      ...exampleAnswers,
      description: 'ភ្នាក់ងារបានយកលិខិតឆ្លងដែនរបស់ខ្ញុំនៅពេលខ្ញុំមកដល់ ហើយនិយាយថាខ្ញុំត្រូវបង់ប្រាក់ដើម្បីយកវាមកវិញ។'.repeat(6),
      place: 'ខេត្តព្រះសីហនុ',
    }),
  },
};

/** Right to left: the layout mirrors (logical properties throughout). */
export const RightToLeft: Story = { args: { client: atStep('what'), dir: 'rtl' } };

/** A partner's colours, radius and font through the documented tokens. */
export const Themed: Story = {
  args: {
    client: atStep('contact'),
    style: '--lindungi-color-accent: #6b2c91; --lindungi-color-danger: #9e1b32; --lindungi-radius: 0; --lindungi-font-family: Georgia, serif;',
  },
};
