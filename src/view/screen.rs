//! What the card shows, as the element receives it: every text ready for the
//! reader in the card's language, every control with the message it sends,
//! and the numbers the pictures are drawn from. The element draws these and
//! decides nothing; each type is declared once for JSON and TypeScript.

use super::state::Msg;
use crate::json::{object, union, Share};
use crate::model::Tone;

object! {
    /// Everything the card shows for one state.
    pub struct Screen {
        /// The language of the interface text (`en`, `ru`, `fa`).
        locale: &'static str => "locale",
        /// `rtl` for right-to-left languages, else `ltr`.
        dir: &'static str => "dir",
        /// Title, tabs and search; none before the dataset is there.
        header: Option<Header> => "header",
        /// What is shown (the view, and its partner): the frame keeps its
        /// scroll while this stays the same, and starts at the top when it changes.
        place: String => "place",
        /// What Escape does anywhere in the card.
        escape: Option<Msg> => "escape",
        /// Notices and attribute problems, shown above the view.
        alerts: Vec<String> => "alerts",
        body: Body => "body",
        /// The sources the body cites, once each; none where the body lists them itself.
        cited: Option<CitedSources> => "cited",
        footer: Vec<Button> => "footer",
    }
}

object! {
    pub struct Header {
        title: String => "title",
        /// "25 partners · 183 events · 5 sources".
        subtitle: String => "subtitle",
        tabs: Tabs => "tabs",
        search: SearchBox => "search",
    }
}

object! {
    pub struct Tabs {
        label: &'static str => "label",
        items: Vec<Tab> => "items",
    }
}

object! {
    pub struct Tab {
        key: String => "key",
        label: &'static str => "label",
        msg: Msg => "msg",
        selected: bool => "selected",
    }
}

object! {
    pub struct SearchBox {
        key: &'static str => "key",
        label: &'static str => "label",
        /// "Search events, e.g. Security, Panj, Афғонистон": words of the dataset shown.
        placeholder: String => "placeholder",
        value: String => "value",
        /// What Escape in the box does (clear it, when it holds text).
        escape: Option<Msg> => "escape",
    }
}

object! {
    /// A button; `msg` is what a click sends.
    pub struct Button {
        /// Found again after a redraw by this key (focus survives).
        key: String => "key",
        label: String => "label",
        msg: Msg => "msg",
        aria_label: Option<String> => "ariaLabel",
        /// For toggles: whether it is on.
        pressed: Option<bool> => "pressed",
        /// A disclosure: whether what it shows is open.
        expanded: Option<bool> => "expanded",
        disabled: bool => "disabled",
    }
}

impl Button {
    pub fn new(key: impl Into<String>, label: impl Into<String>, msg: Msg) -> Button {
        Button { key: key.into(), label: label.into(), msg, aria_label: None, pressed: None, expanded: None, disabled: false }
    }
}

object! {
    /// A heading; one with a key can take focus.
    pub struct Heading {
        key: Option<&'static str> => "key",
        text: String => "text",
    }
}

object! {
    /// An event, agreement, period or claim: one row (date, title, who, the
    /// numbers of its sources) that opens on its summary, themes and citations.
    pub struct Item {
        id: String => "id",
        /// The row's toggle, for focus.
        key: String => "key",
        date: String => "date",
        /// "Sources differ", when the record is one of disputed claims.
        differ: Option<&'static str> => "differ",
        title: String => "title",
        value: Option<String> => "value",
        /// "With Iran, Afghanistan", when more than one partner.
        parties: Option<String> => "parties",
        /// "[1] [2]": its sources' numbers, for the eye; the opened row says them.
        marks: String => "marks",
        open: bool => "open",
        toggle: Msg => "toggle",
        /// Shown when open; printed always.
        details: ItemDetails => "details",
    }
}

object! {
    /// What an opened row shows.
    pub struct ItemDetails {
        summary: String => "summary",
        /// "Event · Trade · as of 1996".
        tags: String => "tags",
        sources: Sources => "sources",
        /// The language the title and summary are in when the dataset does
        /// not give them in the card's (the element sets their `lang`).
        lang: Option<String> => "lang",
        /// Then: "not translated", in the card's language.
        untranslated: Option<&'static str> => "untranslated",
    }
}

object! {
    /// A fact's citations: each source's number, which points to the source
    /// written out once in the view, and where in the source.
    pub struct Sources {
        label: &'static str => "label",
        items: Vec<SourceLine> => "items",
    }
}

object! {
    pub struct SourceLine {
        mark: Button => "mark",
        locator: String => "locator",
    }
}

object! {
    /// The sources a view cites, each written out once, by number.
    pub struct CitedSources {
        title: &'static str => "title",
        items: Vec<CitedSource> => "items",
    }
}

object! {
    pub struct CitedSource {
        /// Where a fact's mark moves focus.
        key: String => "key",
        number: String => "number",
        title: String => "title",
        /// ", publisher (as of …)".
        rest: String => "rest",
    }
}

object! {
    /// The countries the dataset's subject deals with, coloured by the tone
    /// of their latest period; the element draws them on the map's geometry
    /// (pkg/map.json) by code. Organisations, which a map cannot place, are
    /// buttons beside it.
    pub struct MapPicture {
        /// The subject's code, marked on the map.
        subject: String => "subject",
        subject_label: String => "subjectLabel",
        countries: Vec<MapCountry> => "countries",
        organisations: ChipGroup => "organisations",
        legend: Vec<Legend> => "legend",
        /// The map's text alternative.
        text: String => "text",
        /// Under the map until a country is pointed at or focused.
        hint: &'static str => "hint",
    }
}

object! {
    pub struct MapCountry {
        code: String => "code",
        key: String => "key",
        /// "Iran: close · 36 events", said when pointed at or focused.
        label: String => "label",
        tone: Option<Tone> => "tone",
        msg: Msg => "msg",
    }
}

object! {
    /// A colour of a picture and its word.
    pub struct Legend {
        tone: Tone => "tone",
        label: &'static str => "label",
    }
}

object! {
    /// A figure on one line: `value`, then `title` and `meta`, each text
    /// starting with the space or separator before it; like a row, it opens
    /// on its note, kind and citations.
    pub struct FigureLine {
        key: String => "key",
        value: String => "value",
        title: String => "title",
        meta: String => "meta",
        differ: Option<&'static str> => "differ",
        marks: String => "marks",
        open: bool => "open",
        toggle: Msg => "toggle",
        details: ItemDetails => "details",
        /// In the figures view: the figure on its unit's scale.
        shape: Option<FigureShape> => "shape",
    }
}

object! {
    /// How a figure is drawn: a bar for a number given, a faded bar for an
    /// approximate one, a span for a range, dots for alternatives; positions
    /// from 0 to 1 on the unit's scale.
    pub struct FigureShape {
        kind: &'static str => "kind",
        start: Share => "start",
        end: Share => "end",
        points: Vec<Share> => "points",
        disputed: bool => "disputed",
    }
}

object! {
    pub struct RegionGroup {
        /// Unique within the card: `region-3`.
        id: String => "id",
        title: String => "title",
        partners: Vec<PartnerEntry> => "partners",
    }
}

object! {
    pub struct PartnerEntry {
        key: String => "key",
        code: String => "code",
        name: String => "name",
        /// "57 events · 1990–2024".
        detail: String => "detail",
        tone: Option<Tone> => "tone",
        tone_label: Option<&'static str> => "toneLabel",
        msg: Msg => "msg",
    }
}

object! {
    /// Horizontal bars, longest first, coloured by tone.
    pub struct BarChart {
        bars: Vec<Bar> => "bars",
        legend: Vec<Legend> => "legend",
        /// The same as text, for screen readers and print.
        text: String => "text",
        caption: &'static str => "caption",
    }
}

object! {
    pub struct Bar {
        label: String => "label",
        count: String => "count",
        share: Share => "share",
        tone: Option<Tone> => "tone",
    }
}

object! {
    /// A partner's periods laid out in time, overlapping ones (sources that
    /// judge the same years differently) on separate lanes.
    pub struct ToneStrip {
        first_year: String => "firstYear",
        last_year: String => "lastYear",
        lanes: usize => "lanes",
        segments: Vec<Segment> => "segments",
        legend: Vec<Legend> => "legend",
    }
}

object! {
    pub struct Segment {
        lane: usize => "lane",
        start: Share => "start",
        end: Share => "end",
        tone: Tone => "tone",
        disputed: bool => "disputed",
        /// "1992–1997: tense — Civil war (sources differ)".
        title: String => "title",
    }
}

object! {
    pub struct KeyFigures {
        title: &'static str => "title",
        items: Vec<FigureLine> => "items",
    }
}

object! {
    pub struct EventList {
        heading: Heading => "heading",
        order: Option<Button> => "order",
        /// Shown while years are picked.
        clear: Option<Button> => "clear",
        items: Vec<Item> => "items",
        more: Option<Button> => "more",
    }
}

object! {
    pub struct PartnerSelect {
        key: &'static str => "key",
        label: &'static str => "label",
        options: Vec<SelectOption> => "options",
    }
}

object! {
    pub struct SelectOption {
        value: String => "value",
        label: String => "label",
        selected: bool => "selected",
    }
}

object! {
    pub struct ChipGroup {
        label: &'static str => "label",
        items: Vec<Button> => "items",
    }
}

object! {
    /// A year field of the timeline.
    pub struct YearField {
        key: &'static str => "key",
        label: &'static str => "label",
        value: String => "value",
        min: String => "min",
        max: String => "max",
    }
}

object! {
    /// Records per year for the current filters without their years.
    pub struct Histogram {
        /// A year range is chosen: bars outside it are faded.
        ranged: bool => "ranged",
        bars: Vec<YearBar> => "bars",
        first_year: Option<String> => "firstYear",
        last_year: Option<String> => "lastYear",
        /// Years far before the rest (a 1750 treaty), as buttons instead of bars.
        earlier_label: Option<String> => "earlierLabel",
        earlier: Vec<Button> => "earlier",
        text: String => "text",
    }
}

object! {
    pub struct YearBar {
        year: i32 => "year",
        height: Share => "height",
        selected: bool => "selected",
        /// "1993: 12".
        title: String => "title",
        msg: Msg => "msg",
    }
}

object! {
    pub struct EmptyState {
        text: &'static str => "text",
        button: Button => "button",
    }
}

object! {
    pub struct FigureChart {
        unit: String => "unit",
        items: Vec<FigureLine> => "items",
    }
}

object! {
    pub struct SourceCard {
        key: String => "key",
        number: String => "number",
        title: String => "title",
        /// "Publisher · as of 2016 · CC BY-SA".
        meta: String => "meta",
        reliability: String => "reliability",
        /// "Cited by 87".
        cited: String => "cited",
        /// How many facts it backs, against the source that backs the most: its bar.
        share: Share => "share",
    }
}

object! {
    /// Claims that disagree, side by side.
    pub struct DisputeCard {
        topic: String => "topic",
        claims: Vec<Item> => "claims",
    }
}

union! {
    /// The view's content.
    pub enum Body tag "kind" {
        /// Before the dataset is there: the page's own text shows while `text` is null.
        Loading "loading" { text: Option<&'static str> => "text" },
        /// The dataset could not be had: what went wrong, then its problems
        /// (at most 20, then "… and N more").
        Failure "failure" { message: String => "message", details: Vec<String> => "details", retry: Option<Button> => "retry" },
        Problem "problem" { message: String => "message", button: Button => "button" },
        /// The map (`map`), or the list of partners by region with their bars (`regions`, `picture`).
        Overview "overview" {
            map: Option<MapPicture> => "map",
            regions: Vec<RegionGroup> => "regions",
            picture: Option<BarChart> => "picture",
            switch: Button => "switch",
        },
        Partner "partner" {
            back: Button => "back",
            heading: Heading => "heading",
            meta: String => "meta",
            strip: Option<ToneStrip> => "strip",
            strip_text: String => "stripText",
            years: Option<Histogram> => "years",
            figures: Option<KeyFigures> => "figures",
            membership: Option<String> => "membership",
            named_with: Option<String> => "namedWith",
            events: EventList => "events",
        },
        Timeline "timeline" {
            filters_label: &'static str => "filtersLabel",
            filters_toggle: Button => "filtersToggle",
            partner: PartnerSelect => "partner",
            chips: Vec<ChipGroup> => "chips",
            years: Vec<YearField> => "years",
            histogram: Histogram => "histogram",
            heading: Heading => "heading",
            order: Option<Button> => "order",
            clear: Option<Button> => "clear",
            empty: Option<EmptyState> => "empty",
            items: Vec<Item> => "items",
            more: Option<Button> => "more",
        },
        Figures "figures" { charts: Vec<FigureChart> => "charts", more: Option<Button> => "more" },
        Sources "sources" {
            // How the dataset was made (and translated), as it says.
            about: Option<String> => "about",
            sources: Vec<SourceCard> => "sources",
            disputes_title: Option<&'static str> => "disputesTitle",
            disputes: Vec<DisputeCard> => "disputes",
        },
    }
}
