import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/lindungi.js';
import { atStep } from './report-form-clients.js';

interface GalleryArgs {
  locale: string;
}

/**
 * All four widgets side by side in one language, whatever the toolbar says: Arabic (right to left)
 * and Khmer (a script with marks above and below its letters), the two that most often break a
 * layout. The report form uses an example API answered in memory: nothing is sent anywhere.
 */
const meta: Meta<GalleryArgs> = {
  title: 'Galleries/All widgets',
  args: { locale: 'ar' },
  argTypes: { locale: { control: 'inline-radio', options: ['ar', 'km', 'ms', 'id', 'en'] } },
  render: (args) =>
    html`<div lang=${args.locale} style="display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr)); gap: 1.5rem; align-items: start">
      <lindungi-hotline heading-level="2"></lindungi-hotline>
      <lindungi-rights-card heading-level="2"></lindungi-rights-card>
      <lindungi-stage-timeline timeline="agreement-id-kh" heading-level="2"></lindungi-stage-timeline>
      <lindungi-report-form heading-level="2" .client=${atStep('danger', {})()}></lindungi-report-form>
    </div>`,
};
export default meta;
type Story = StoryObj<GalleryArgs>;

export const Arabic: Story = { args: { locale: 'ar' } };
export const Khmer: Story = { args: { locale: 'km' } };
