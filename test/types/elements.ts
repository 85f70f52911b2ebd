// What the package's types promise a partner, as the built package ships them (`lindungi`,
// resolved through the package's own exports). Each `@ts-expect-error` line is a typo or a wrong
// value that must not compile; tsc fails if one of them does compile.
import 'lindungi';

const hotline = document.createElement('lindungi-hotline');
hotline.variant = 'floating';
// @ts-expect-error a variant that does not exist
hotline.variant = 'floatin';
// @ts-expect-error a property name with a typo
hotline.emergencyOnli = true;

const form = document.querySelector('lindungi-report-form')!;
form.addEventListener('lindungi-submitted', (event) => {
  const ticket: string = event.detail.ticket;
  // @ts-expect-error the detail has `ticket`, not `tikcet`
  void event.detail.tikcet;
  void ticket;
});
form.addEventListener('lindungi-invalid', (event) => {
  const fields: string[] = event.detail.fields;
  // @ts-expect-error fields are names, never values
  const values: number[] = event.detail.fields;
  void fields;
  void values;
});
document.addEventListener('lindungi-contact', (event) => {
  // @ts-expect-error the detail has `hotlineId`
  void event.detail.hotlineID;
});

const timeline = document.createElement('lindungi-stage-timeline');
timeline.stages = [{ id: 'a', title: { id: 'Dokumen dikumpulkan', en: 'Documents collected' }, status: 'done' }];
// @ts-expect-error a stage status that does not exist
timeline.stages = [{ id: 'a', title: 'Documents collected', status: 'finished' }];
// @ts-expect-error stages are an array of stages
timeline.stages = { id: 'a', title: 'Documents collected' };
