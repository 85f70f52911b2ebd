import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/rights-card.js';
import type { ContentClient } from '../src/sdk/index.js';
import { emptyClient, errorClient, loadingClient, longTextClient, offlineClient } from './story-clients.js';

interface RightsCardArgs {
  topic?: string | undefined;
  variant: string;
  headingLevel: number;
  client?: (() => ContentClient) | undefined;
  style?: string | undefined;
}

/**
 * Know your rights (UU 18/2017 Pasal 6 ayat 1). Pick the language in the toolbar; every story is
 * also rendered and checked with axe in each language by the browser test suite.
 */
const meta: Meta<RightsCardArgs> = {
  title: 'Widgets/Rights card',
  component: 'lindungi-rights-card',
  args: { variant: 'full', headingLevel: 2 },
  argTypes: {
    variant: { control: 'inline-radio', options: ['full', 'compact', 'wallet'] },
    client: { table: { disable: true } },
    style: { table: { disable: true } },
  },
  render: (args) => html`<lindungi-rights-card
    topic=${args.topic ?? nothing}
    variant=${args.variant}
    heading-level=${args.headingLevel}
    .client=${args.client?.()}
    style=${args.style ?? nothing}
  ></lindungi-rights-card>`,
};
export default meta;

type Story = StoryObj<RightsCardArgs>;

/** Every right, grouped by category, with summaries; details open on demand. */
export const Full: Story = {};

/** Titles only, for a sidebar; each opens to its summary and details. */
export const Compact: Story = { args: { variant: 'compact' } };

/** A small card to print or keep as a screenshot, with who to call. */
export const Wallet: Story = { args: { variant: 'wallet' } };

/** One category: your documents. */
export const TopicDocuments: Story = { args: { topic: 'documents' } };

/** One right: keeping your own passport. */
export const OneRight: Story = { args: { topic: 'keep-documents' } };

/** The wallet card for one category. */
export const WalletDocuments: Story = { args: { variant: 'wallet', topic: 'documents' } };

/** Long texts (example data) wrap without clipping, in every language. */
export const LongText: Story = { args: { client: longTextClient, topic: 'keep-documents' } };

export const Loading: Story = { args: { client: loadingClient } };
export const LoadError: Story = { args: { client: errorClient } };
export const Offline: Story = { args: { client: offlineClient, variant: 'compact' } };
export const Empty: Story = { args: { client: emptyClient } };

/** `topic="lottery"`: a localized message and one console warning. */
export const UnknownTopic: Story = { args: { topic: 'lottery' } };

/** `variant="poster"`: a localized message and one console warning. */
export const UnknownVariant: Story = { args: { variant: 'poster' } };

export const Themed: Story = {
  args: {
    variant: 'compact',
    style: '--lindungi-color-accent: #6b1d5e; --lindungi-color-danger: #9b1c1c; --lindungi-radius: 0; --lindungi-font-family: Georgia, serif',
  },
};
