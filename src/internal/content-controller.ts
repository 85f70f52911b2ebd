/**
 * Loads a widget's content through the SDK and keeps its state: loading, ready, an offline copy
 * (with when it was saved) or an error. A reactive controller, as Shoelace and Web Awesome compose
 * their localization and form controllers: the widget's base owns one and renders its state.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ContentClient } from '../sdk/content-client.js';
import type { ContentPack } from '../sdk/schema.js';
import type { ContentResult } from '../sdk/pack-source.js';
import { onConfigure } from './config.js';

export type ContentState = 'loading' | 'ready' | 'offline' | 'error' | 'empty';

export class ContentController implements ReactiveController {
  state: ContentState = 'loading';
  /** The content pack, once loaded. */
  pack?: ContentPack | undefined;
  /** When the shown copy was saved, if it is an offline copy. */
  savedAt?: string | undefined;
  error?: unknown;
  private token = 0;
  private stopWatching?: () => void;

  /** `client` answers the client to read through now (the widget's own, or the page's shared one). */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly client: () => ContentClient,
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
      // Each widget renders in a task of its own once the content every widget shares arrives: the
      // page stays answering input between them instead of in one long task.
      .finally(() => setTimeout(() => token === this.token && this.host.requestUpdate()));
  }

  private show(result: ContentResult): void {
    this.pack = result.pack;
    this.savedAt = result.savedAt;
    this.state = result.offline ? 'offline' : 'ready';
  }
}
