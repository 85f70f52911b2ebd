import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/hotline.js';
import type { ContentClient } from '../src/sdk/index.js';
import { emptyClient, errorClient, exampleHoursClient, loadingClient, offlineClient } from './story-clients.js';

interface HotlineArgs {
  country?: string | undefined;
  variant: string;
  emergencyOnly: boolean;
  headingLevel: number;
  client?: (() => ContentClient) | undefined;
  style?: string | undefined;
}

/**
 * Who to call, now. Pick the language in the toolbar; every story is also rendered and checked
 * with axe in each language by the browser test suite.
 */
const meta: Meta<HotlineArgs> = {
  title: 'Widgets/Hotline',
  component: 'lindungi-hotline',
  args: { variant: 'inline', emergencyOnly: false, headingLevel: 2 },
  argTypes: {
    variant: { control: 'inline-radio', options: ['inline', 'floating'] },
    client: { table: { disable: true } },
    style: { table: { disable: true } },
  },
  render: (args) => html`<lindungi-hotline
    country=${args.country ?? nothing}
    variant=${args.variant}
    ?emergency-only=${args.emergencyOnly}
    heading-level=${args.headingLevel}
    .client=${args.client?.()}
    style=${args.style ?? nothing}
  ></lindungi-hotline>`,
};
export default meta;

type Story = StoryObj<HotlineArgs>;

/** The default: Cambodia has no verified line yet, so the Indonesian lines are listed with a note. */
export const Inline: Story = {};

/** A help button in the corner that opens the lines in a dialog. */
export const Floating: Story = { args: { variant: 'floating' } };

/** Only lines marked as emergency lines. */
export const EmergencyOnly: Story = { args: { emergencyOnly: true } };

/** The lines of Indonesia itself (the origin country): no "not listed yet" note. */
export const InIndonesia: Story = { args: { country: 'ID' } };

/** Opening hours: a 24/7 line and an office-hours line, told in the reader's time too. Example data. */
export const OpeningHours: Story = { args: { client: exampleHoursClient } };

/** While content loads, the space is reserved. */
export const Loading: Story = { args: { client: loadingClient } };

/** The content could not be fetched: a message and a retry button. */
export const LoadError: Story = { args: { client: errorClient } };

/** A saved copy shown while offline. */
export const Offline: Story = { args: { client: offlineClient } };

/** A pack with no lines at all. */
export const Empty: Story = { args: { client: emptyClient } };

/** `country="XX"`: a localized message instead of the lines, and one console warning. */
export const UnknownCountry: Story = { args: { country: 'XX' } };

/** `variant="huge"`: a localized message, and one console warning. */
export const UnknownVariant: Story = { args: { variant: 'huge' } };

/** A partner's theme, through the documented tokens. */
export const Themed: Story = {
  args: {
    style:
      '--lindungi-color-accent: #6b1d5e; --lindungi-color-danger: #9b1c1c; --lindungi-radius: 0; --lindungi-font-family: Georgia, serif; --lindungi-color-surface: #fffaf3',
  },
};
