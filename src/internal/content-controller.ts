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
const waiting: Array<() => void> = [];

/**
 * Each widget renders in a task of its own once the content every widget shares arrives, and the
 * next only after the browser has painted: the page stays answering input between them, and the
 * help lines are on screen before the other widgets render.
 */
function renderInTurn(render: () => void, first: boolean): void {
  if (first) waiting.unshift(render);
  else waiting.push(render);
  if (waiting.length === 1) setTimeout(renderNext);
}

function renderNext(): void {
  waiting.shift()?.();
  // After the next frame, or a tenth of a second where none comes (a hidden page paints no frame).
  if (waiting.length)
    void Promise.race([new Promise((frame) => globalThis.requestAnimationFrame?.(frame)), new Promise((late) => setTimeout(late, 100))]).then(() =>
      setTimeout(renderNext),
    );
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

  /**
   * `client` answers the client to read through now (the widget's own, or the page's shared one);
   * a widget that shows help lines renders `first` when the content arrives.
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly client: () => ContentClient,
    private readonly first = false,
  ) {
    host.addController(this);
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
    this.state = 'loading';
    client
      .load()
      .then(
        (result) => token === this.token && this.show(result),
        (error: unknown) => {
          if (token !== this.token) return;
          console.warn('[lindungi] Could not load content:', error instanceof Error ? error.message : error);
          this.error = error;
          this.state = 'error';
        },
      )
      .finally(() => renderInTurn(() => token === this.token && this.host.requestUpdate(), this.first));
  }

  private show(result: ContentResult): void {
    this.pack = pageTexts(result.pack);
    this.savedAt = result.savedAt;
    this.state = result.offline ? 'offline' : 'ready';
  }
}
