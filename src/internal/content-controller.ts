/**
 * Loads a widget's content through the SDK and keeps its state: loading, ready, an offline copy
 * (with when it was saved) or an error. A reactive controller, as Shoelace and Web Awesome compose
 * their localization and form controllers: the widget's base owns one and renders its state.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ContentClient } from '../sdk/content-client.js';
import type { ContentPack } from '../sdk/schema.js';
import type { ContentResult } from '../sdk/pack-source.js';
import { pageTexts } from './overrides.js';
import { onConfigure } from './config.js';

export type ContentState = 'loading' | 'ready' | 'offline' | 'error' | 'empty';

/** Widgets waiting to show the content that arrived, the ones that show help lines first. */
const waiting: Array<{ render: () => void; ready: Promise<unknown> }> = [];
let rendering = false;

/** After the next frame, or a tenth of a second where none comes (a hidden page paints no frame). */
const nextFrame = () => Promise.race([new Promise((frame) => globalThis.requestAnimationFrame?.(frame)), new Promise((late) => setTimeout(late, 100))]);

/**
 * Each widget renders in a task of its own once the content every widget shares arrives, and the
 * next only after the browser has painted: the page stays answering input between them, and the
 * help lines are on screen before the other widgets render. A widget whose views are still on their
 * way (`ready`) keeps its place, for a second at most: the others do not pass the help lines.
 */
function renderInTurn(render: () => void, first: boolean, ready: Promise<unknown>): void {
  const turn = { render, ready: Promise.race([ready.catch(() => undefined), new Promise((late) => setTimeout(late, 1000))]) };
  if (first) waiting.unshift(turn);
  else waiting.push(turn);
  if (!rendering) {
    rendering = true;
    setTimeout(renderNext);
  }
}

function renderNext(): void {
  const turn = waiting.shift();
  if (!turn) return void (rendering = false);
  void turn.ready.then(() => {
    turn.render();
    void nextFrame().then(() => setTimeout(renderNext));
  });
}

export class ContentController implements ReactiveController {
  state: ContentState = 'loading';
  /** The content pack, once loaded. */
  pack?: ContentPack | undefined;
  /** When the shown copy was saved, if it is an offline copy. */
  savedAt?: string | undefined;
  error?: unknown;
  private token = 0;
  private stopWatching?: () => void;

  /** The locale of the content asked for last. */
  private asked?: string | undefined;

  /**
   * `client` answers the client to read through now (the widget's own, or the page's shared one);
   * a widget that shows help lines renders `first` when the content arrives; `locale` answers the
   * language the widget's reader reads (the content may then come in that language only);
   * `views` answers the loading of the views that show the content, where they load apart.
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly client: () => ContentClient,
    private readonly first = false,
    private readonly locale: () => string | undefined = () => undefined,
    private readonly views: () => Promise<unknown> | undefined = () => undefined,
  ) {
    host.addController(this);
  }

  /** Load again when the reader's language is no longer the one the content was asked in. */
  followLocale(): void {
    if (this.asked !== undefined && this.asked !== this.locale()) this.load();
  }

  hostConnected(): void {
    // `configure()` with another corridor, API or pack: read again.
    this.stopWatching = onConfigure(() => this.load());
  }

  hostDisconnected(): void {
    this.stopWatching?.();
  }

  /** Load (or load again) the content; the state follows, and a newer load wins over an older one. */
  load(): void {
    const token = ++this.token;
    this.error = undefined;
    this.host.requestUpdate();
    const client = this.client();
    if (client.loaded) return this.show(client.loaded);
    const locale = this.locale();
    const previous = this.asked;
    // Content in another language stays on screen (each text marked with its language) until the
    // reader's arrives, and stays if it cannot be had.
    const switching = this.pack !== undefined && previous !== undefined && previous !== locale;
    this.asked = locale;
    if (!switching) this.state = 'loading';
    client
      .load({ locale })
      .then(
        (result) => token === this.token && this.show(result),
        (error: unknown) => {
          if (token !== this.token) return;
          console.warn('[lindungi] Could not load content:', error instanceof Error ? error.message : error);
          if (switching) return void (this.asked = previous);
          this.error = error;
          this.state = 'error';
        },
      )
      // The widget's turn: once the views that show the content are here too, where they load apart.
      .finally(() => renderInTurn(() => token === this.token && this.host.requestUpdate(), this.first, Promise.resolve(this.views())));
  }

  private show(result: ContentResult): void {
    this.pack = pageTexts(result.pack);
    this.savedAt = result.savedAt;
    this.state = result.offline ? 'offline' : 'ready';
  }
}
