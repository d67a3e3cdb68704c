// What crosses from the core (src/view/) to the element: one Frame per reader
// action or attribute change. Every field is always written; "absent" is null.
// Every string is text for the reader, in the card's language, ready to show.

export type View = "overview" | "partner" | "timeline" | "figures" | "sources";
export type Tone = "hostile" | "tense" | "mixed" | "cordial" | "close";

/** A reader's action, sent back to the core with card.send(msg, pageUrl, today). */
export type Msg =
  | { type: "show"; view: View } | { type: "openPartner"; code: string }
  | { type: "filterPartner"; code: string | null } | { type: "back" }
  | { type: "search"; q: string } | { type: "toggleTheme"; theme: string } | { type: "toggleKind"; kind: string }
  | { type: "setYears"; from: string | number | null; to: string | number | null } | { type: "toggleOrder" }
  | { type: "showMore" } | { type: "clearFilters" } | { type: "reset" }
  | { type: "download"; format: "csv" | "json" } | { type: "cite" };

export interface CardState {
  view: View; partner: string | null; themes: string[]; kinds: string[]; from: number | null; to: number | null;
  q: string; oldestFirst: boolean; more: number;
}
export interface Attributes { view: string | null; partner: string | null; theme: string | null; from: string | null; to: string | null; q: string | null; }

export interface Frame {
  /** What to draw; null when nothing on screen changes (a download, a citation). */
  screen: Screen | null;
  state: CardState;
  /** The attributes to reflect (null removes one); null: leave the attributes as they are. */
  attributes: Attributes | null;
  /** The reader changed the state: fire relations-card-change with `state`. */
  changed: boolean;
  /** The first frame with the card's content: fire relations-card-ready. */
  ready: boolean;
  /** The data-key of the control to focus after drawing; null keeps focus (and caret) where it was. */
  focus: string | null;
  /** For the polite live region; null leaves it as it is. */
  announcement: string | null;
  /** For console.warn, each once. */
  warnings: string[];
  /** Something to do besides drawing. */
  effect: Effect | null;
}

export type Effect =
  | { kind: "download"; fileName: string; mime: string; text: string }
  /** Copy `text`; on success announce `copied`; without a clipboard show it in a box labelled `label`. */
  | { kind: "copy"; text: string; copied: string; label: string };

/** A button: `msg` is what a click sends. */
export interface Button { key: string; label: string; msg: Msg; ariaLabel: string | null; pressed: boolean | null; disabled: boolean; }

export interface Screen {
  locale: string; dir: "ltr" | "rtl";
  /** Null before the dataset is there (loading, failure). */
  header: Header | null;
  /** What Escape does anywhere in the card; null: nothing. */
  escape: Msg | null;
  /** Notices and attribute problems, each shown as an alert above the view. */
  alerts: string[];
  /** The aria-label of the view panel is the header's title. */
  body: Body;
  footer: Button[];
}

export interface Header {
  title: string; subtitle: string;
  tabs: { label: string; items: Tab[] };
  search: { key: string; label: string; placeholder: string; value: string; escape: Msg | null };
}
export interface Tab { key: string; label: string; msg: Msg; selected: boolean; }

export interface Item {
  id: string; date: string; differ: string | null; title: string; value: string | null; summary: string;
  tags: string; parties: string | null; sources: Sources;
}
export interface Sources { label: string; items: { prefix: string; title: string; rest: string }[]; }
export interface Legend { tone: Tone; label: string; }
export interface Heading { key: string | null; text: string; }

export type Body =
  | { kind: "loading"; text: string | null }
  /** The dataset could not be had: `message`, then the problems found in it (at most 20, then "… and N more"). */
  | { kind: "failure"; message: string; details: string[] }
  | { kind: "problem"; message: string; button: Button }
  | { kind: "overview";
      regions: { id: string; title: string; partners: { key: string; code: string; name: string; detail: string; tone: Tone | null; toneLabel: string | null; msg: Msg }[] }[];
      picture: { bars: { label: string; count: string; share: number; tone: Tone | null }[]; legend: Legend[]; text: string; caption: string } }
  | { kind: "partner";
      back: Button; heading: Heading; meta: string;
      /** The periods drawn on lanes; null when there are none (then only `stripText` shows, as a line of text). */
      strip: { firstYear: string; lastYear: string; lanes: number; segments: { lane: number; start: number; end: number; tone: Tone; disputed: boolean; title: string }[]; legend: Legend[] } | null;
      /** The strip in words: its caption and text alternative. */
      stripText: string;
      figures: { title: string; items: FigureLine[] } | null;
      membership: string | null; namedWith: string | null;
      events: { heading: Heading; order: Button | null; items: Item[]; more: Button | null } }
  | { kind: "timeline";
      filtersLabel: string;
      partner: { key: string; label: string; options: { value: string; label: string; selected: boolean }[] };
      chips: { label: string; items: Button[] }[];
      years: { key: string; label: string; value: string; min: string; max: string }[];
      histogram: { ranged: boolean; bars: { year: number; height: number; selected: boolean; title: string; msg: Msg }[];
                   firstYear: string | null; lastYear: string | null; earlierLabel: string | null; earlier: Button[]; text: string };
      heading: Heading; order: Button | null; clear: Button | null;
      empty: { text: string; button: Button } | null;
      items: Item[]; more: Button | null }
  | { kind: "figures"; charts: { unit: string; items: FigureLine[] }[] }
  | { kind: "sources";
      sources: { title: string; meta: string; reliability: string; cited: string }[];
      disputesTitle: string | null;
      disputes: { topic: string; claims: Item[] }[] };

/** A figure on one line: `value`, then `title` and `meta`, each text starting with the space or
 * separator that goes before it, so the three read as one line. `shape` is set in the figures view
 * (the figure drawn on its unit's scale, from 0 to 1). */
export interface FigureLine {
  value: string; title: string; meta: string; differ: string | null; sources: Sources;
  shape: { kind: "bar" | "approx" | "range" | "choices"; start: number; end: number; points: number[]; disputed: boolean } | null;
}

/** Why a dataset could not be had, as the element found it (card.fail). */
export interface Failure {
  url: string;
  reason: "network" | "http" | "tooLarge" | "invalid";
  /** HTTP status, for "http". */ status: number | null;
  /** Bytes, for "tooLarge". */ bytes: number | null;
  /** The browser's or the core's message, for "network" and "invalid" (one problem a line). */ detail: string | null;
}

/** The wasm-bindgen glue (pkg/relations_card.js) exports, besides `default` (init):
 *  - `Relations`: `Relations.builtin()`, `Relations.fromJson(text)` (throws an Error listing problems), `relations.prepareSearch()`;
 *  - `maxDatasetBytes(): number` — the largest dataset a card reads;
 *  - `Card`: `new Card(attributes: Attributes, locale: string, fetching: boolean)`, then
 *    `card.frame(): Frame` (the loading frame), `card.show(relations): Frame` (the dataset is there),
 *    `card.fail(failure: Failure): Frame`, `card.setAttributes(attributes, locale): Frame`,
 *    `card.send(msg: Msg, pageUrl: string, today: string /* YYYY-MM-DD, the reader's date */): Frame`,
 *    `card.state(): CardState`. Each call is one crossing; a reader action is exactly one `send`. */
