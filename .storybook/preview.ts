import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';
import { html } from 'lit';
import manifest from '../custom-elements.json';

setCustomElementsManifest(manifest);

/**
 * The locale toolbar sets `lang` (and the direction) around the story: the widgets follow the
 * closest `lang` on their own, so docs pages with many stories switch together.
 */
const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Language of the widgets',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'id', title: 'Bahasa Indonesia' },
          { value: 'en', title: 'English' },
          { value: 'km', title: 'ភាសាខ្មែរ (Khmer)' },
          { value: 'ms', title: 'Bahasa Melayu (Malay)' },
          { value: 'ar', title: 'العربية (Arabic, right to left)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'id' },
  // The direction follows the language, as it would on a partner's page in that language.
  decorators: [
    (story, context) => {
      const locale = String(context.globals['locale'] ?? 'id');
      return html`<div lang=${locale} dir=${locale === 'ar' ? 'rtl' : 'ltr'}>${story()}</div>`;
    },
  ],
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
};

export default preview;
