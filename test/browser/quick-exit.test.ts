import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { TripleShiftShortcut } from '../../src/components/report-form/quick-exit.js';

/** Real key presses in Chromium; only the clock is set by the test, so the 5 s window needs no waiting. */
describe('quick exit shortcut (Shift three times)', () => {
  let fired = 0;
  let time = 0;
  let stop: () => void;
  let input: HTMLInputElement;

  beforeEach(async () => {
    fired = 0;
    time = 1_000_000;
    const shortcut = new TripleShiftShortcut(
      () => fired++,
      () => time,
    );
    stop = shortcut.connect(document);
    input = await fixture<HTMLInputElement>(html`<input aria-label="What happened" />`);
    input.focus();
  });
  afterEach(() => stop());

  const press = async (key: string, advanceMs = 300) => {
    time += advanceMs;
    await sendKeys({ press: key });
  };

  it('fires after three presses of Shift while the reader is typing in a field', async () => {
    await sendKeys({ type: 'my passport' });
    await press('Shift');
    await press('Shift');
    expect(fired).to.equal(0);
    await press('Shift');
    expect(fired).to.equal(1);
    expect(input.value).to.equal('my passport');
  });

  it('counts the left and the right Shift alike', async () => {
    await press('ShiftLeft');
    await press('ShiftRight');
    await press('ShiftLeft');
    expect(fired).to.equal(1);
  });

  it('does not count a Shift used for capital letters, and other keys start the count again', async () => {
    await press('Shift');
    await press('Shift');
    // A capital A: Shift held while A is pressed is not a quick-exit press.
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'KeyA' });
    await sendKeys({ up: 'Shift' });
    await press('Shift');
    expect(fired).to.equal(0);
    await press('Shift');
    await press('Shift');
    expect(fired).to.equal(1);
    await press('Shift');
    await press('Shift');
    await sendKeys({ type: 'x' });
    await press('Shift');
    expect(fired).to.equal(1);
  });

  it('needs each press within 5 s of the one before', async () => {
    await press('Shift');
    await press('Shift', 4900);
    await press('Shift', 5100); // too late: this press starts a new count
    expect(fired).to.equal(0);
    await press('Shift', 100);
    await press('Shift', 100);
    expect(fired).to.equal(1);
  });

  it('stops listening when disconnected', async () => {
    stop();
    await press('Shift');
    await press('Shift');
    await press('Shift');
    expect(fired).to.equal(0);
  });
});
