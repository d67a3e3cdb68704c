// Types of the <relations-card> element for TypeScript users of the package.
import type { CardState } from './pkg/relations_card.js';

export type { CardState } from './pkg/relations_card.js';

export declare class RelationsCard extends HTMLElement {
  /** The whole state (a copy). */
  readonly state: CardState;
  /** `overview`, `partner`, `timeline`, `figures` or `sources`. */
  view: string;
  /** A partner code, e.g. `IR`; in the timeline, the partner filter. */
  partner: string;
  /** Themes separated by spaces, e.g. `security trade`. */
  theme: string;
  from: number | null;
  to: number | null;
  /** Search words. */
  q: string;
  /** URL of a dataset in the format of data/SCHEMA.md; empty for the built-in one. */
  src: string;
  /** The `own-data` attribute: the page brings its own dataset in `src`, and
   * the built-in one is never shown (without a `src` the card says so). */
  ownData: boolean;
  /** The title of the dataset shown, in the card's language; empty until
   * one is shown (e.g. for the page's title once `relations-card-ready` fires). */
  readonly datasetTitle: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'relations-card': RelationsCard;
  }
  interface HTMLElementEventMap {
    'relations-card-change': CustomEvent<CardState>;
    'relations-card-ready': CustomEvent<undefined>;
  }
}
