export { LindungiHotline } from './hotline.js';
export type { HotlineVariant } from './hotline.js';
export { LindungiContactEvent } from './events.js';
export type { LindungiContactDetail } from './events.js';
