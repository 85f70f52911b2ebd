/**
 * What the report form's parts share: the form's state (reactive properties of the element) and
 * its value before the draft is read, and the one context object the element builds for its flow
 * and its views.
 */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { LindungiClient } from '../../sdk/client.js';
import type { ContentClient } from '../../sdk/content-client.js';
import type { Operator } from '../../sdk/report-schema.js';
import type { ContentPack, Text } from '../../sdk/schema.js';
import { emptyAnswers, type Answers, type Step } from './answers.js';
import type { ReportFlow } from './flow.js';
import type { Problem } from './validation.js';

export type Problems = Partial<Record<keyof Answers, Problem>>;

/** What the form knows of a report it has handed to the outbox. Nothing the reporter wrote. */
export interface Outcome {
  localId?: string | undefined;
  ticket?: string | undefined;
  state: 'sent' | 'queued' | 'withdrawn' | 'failed';
}

export type Confirming = 'erase' | 'withdraw';

/** A short message after an action (erased, could not send, …). */
export interface Notice {
  text: () => string;
  error?: boolean | undefined;
}

/** The form's state before the draft is read (what is not named here starts undefined). */
export const initialState = (): Partial<FormState> => ({
  step: 'danger',
  answers: emptyAnswers(),
  problems: {},
  operatorState: 'loading',
  busy: false,
  draftRead: false,
  countAnnouncement: '',
});

/** The form's state: reactive properties of the element, written by the flow, read by the views. */
export interface FormState {
  step: Step | 'done';
  answers: Answers;
  problems: Problems;
  /** When the restored draft was saved, while the form shows it. */
  restoredAt: string | undefined;
  operator: Operator | undefined;
  operatorState: 'loading' | 'ready' | 'missing' | 'failed';
  outcome: Outcome | undefined;
  confirming: Confirming | undefined;
  busy: boolean;
  notice: Notice | undefined;
  /** The draft on the device has been read (the form shows nothing before, so nothing jumps). */
  draftRead: boolean;
  /** The description's length, told to screen readers once typing pauses. */
  countAnnouncement: string;
}

/** The element as its flow and views see it: the form's state, and what every widget has. */
export type FormHost = FormState &
  ReactiveControllerHost &
  EventTarget & {
    readonly renderRoot: HTMLElement | DocumentFragment;
    readonly isConnected: boolean;
    readonly corridor: string;
    readonly api?: string | undefined;
    /** The content client the partner set, passed on to the hotline and the timeline. */
    readonly client?: ContentClient | undefined;
  };

/** The one object the element builds for its flow and views: itself, its content and its helpers. */
export interface FormContext {
  readonly host: FormHost;
  /** The flow's actions: set once the form's code has loaded (views render only then). */
  flow: ReportFlow;
  readonly pack: ContentPack;
  readonly locale: string;
  /** The client the report goes through (the content client with reporting). */
  reporting(): LindungiClient;
  level(depth?: number): number;
  text(value: Text | undefined): TemplateResult;
  heading(level: number, text: string, part: string): TemplateResult;
  /** The emergency lines, their heading `depth` levels below the widget's. */
  hotline(depth?: number): TemplateResult;
  /** Runs `fn` with the reader's strings active (for text made outside rendering). */
  localized<T>(fn: () => T): T;
  warn(message: string): void;
}

/**
 * The element as the form's own code reads it to build the context: the widget base's protected
 * helpers too (the element and its lazily loaded part are one component, split for size).
 */
export type FormElement = FormHost & {
  readonly pack: ContentPack | undefined;
  readonly locale: string;
  readonly reporting: LindungiClient;
  level(depth?: number): number;
  text(value: Text | undefined): TemplateResult;
  renderHeading(level: number, text: string, part: string): TemplateResult;
  renderHotline(pack: ContentPack, depth?: number): TemplateResult;
  localized<T>(fn: () => T): T;
  warnOnce(message: string): void;
};
