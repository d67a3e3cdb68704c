//! The card's view model: the state of a `<relations-card>` (what the
//! reader has chosen), the messages a reader's actions send, a pure
//! `update` from state and message to the next state, and a pure `screen`
//! from state to everything the card shows — texts, lists, counts and the
//! numbers its SVG pictures are drawn from. The browser code only turns a
//! `Screen` into elements, so what a reader sees is decided and tested here.

use crate::json::{Path, Reader, ToJson, Value, Writer};
use crate::messages::{fill, Messages, Ui};
use crate::model::{PartnerKind, Quantity, Theme, Tone};
use crate::query::{read_filter_year, Hit, Index, PartnerSummary, Query, QueryError, RecordKind, Sort, FILTER_YEARS};
use crate::sorting::sort_by;

/// The views of the card.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Overview,
    Partner,
    Timeline,
    Figures,
    Sources,
}

crate::model::keywords!(View {
    Overview => "overview",
    Partner => "partner",
    Timeline => "timeline",
    Figures => "figures",
    Sources => "sources",
});

/// What the reader has chosen. Every field can be set from an attribute of
/// the element (`view`, `partner`, `theme`, `from`, `to`, `q`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CardState {
    pub view: View,
    /// The partner shown in the partner view, and the timeline's partner filter.
    pub partner: Option<String>,
    pub themes: Vec<Theme>,
    /// The timeline's kinds (events, agreements); none chosen means both.
    pub kinds: Vec<RecordKind>,
    pub from: Option<i32>,
    pub to: Option<i32>,
    /// The search box.
    pub q: String,
    pub oldest_first: bool,
    /// Results shown beyond the first page ("show more").
    pub more: usize,
}

/// Every field is written; an unset partner or year is `null`.
impl ToJson for CardState {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("view", &self.view);
        out.field("partner", &self.partner);
        out.field("themes", &self.themes);
        out.field("kinds", &self.kinds);
        out.field("from", &self.from);
        out.field("to", &self.to);
        out.field("q", &self.q);
        out.field("oldestFirst", &self.oldest_first);
        out.field("more", &self.more);
        out.end_object();
    }
}

/// What a reader can do.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Show {
        view: View,
    },
    OpenPartner {
        code: String,
    },
    /// The timeline's partner filter; `None` for all partners.
    FilterPartner {
        code: Option<String>,
    },
    Back,
    Search {
        q: String,
    },
    ToggleTheme {
        theme: Theme,
    },
    ToggleKind {
        kind: RecordKind,
    },
    SetYears {
        from: Option<i32>,
        to: Option<i32>,
    },
    ToggleOrder,
    ShowMore,
    ClearFilters,
    Reset,
}

/// `{"type": "openPartner", "code": "IR"}`: the message's name, then its fields.
impl ToJson for Msg {
    fn write_json(&self, out: &mut Writer) {
        let name = match self {
            Msg::Show { .. } => "show",
            Msg::OpenPartner { .. } => "openPartner",
            Msg::FilterPartner { .. } => "filterPartner",
            Msg::Back => "back",
            Msg::Search { .. } => "search",
            Msg::ToggleTheme { .. } => "toggleTheme",
            Msg::ToggleKind { .. } => "toggleKind",
            Msg::SetYears { .. } => "setYears",
            Msg::ToggleOrder => "toggleOrder",
            Msg::ShowMore => "showMore",
            Msg::ClearFilters => "clearFilters",
            Msg::Reset => "reset",
        };
        out.begin_object();
        out.field("type", name);
        match self {
            Msg::Show { view } => out.field("view", view),
            Msg::OpenPartner { code } => out.field("code", code),
            Msg::FilterPartner { code } => out.field("code", code),
            Msg::Search { q } => out.field("q", q),
            Msg::ToggleTheme { theme } => out.field("theme", theme),
            Msg::ToggleKind { kind } => out.field("kind", kind),
            Msg::SetYears { from, to } => {
                out.field("from", from);
                out.field("to", to);
            }
            Msg::Back | Msg::ToggleOrder | Msg::ShowMore | Msg::ClearFilters | Msg::Reset => {}
        }
        out.end_object();
    }
}

/// The card's attributes as a page writes them (or a URL fragment holds
/// them); each may be absent. `theme` lists theme keys, separated by
/// spaces or commas.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attributes {
    pub view: Option<String>,
    pub partner: Option<String>,
    pub theme: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub q: Option<String>,
}

impl Attributes {
    pub const NAMES: [&'static str; 6] = ["view", "partner", "theme", "from", "to", "q"];

    /// Reads `{ view: "partner", partner: "IR", … }`; absent and null are the same.
    pub fn read(r: &mut Reader, value: &Value, path: &Path) -> Option<Attributes> {
        let f = r.object(value, path, &Attributes::NAMES)?;
        let mut read = |name: &'static str| match f.optional(name) {
            Some(v) => r.string(v, &path.key(name)).map(Some),
            None => Some(None),
        };
        let (view, partner, theme, from, to, q) = (read("view"), read("partner"), read("theme"), read("from"), read("to"), read("q"));
        Some(Attributes { view: view?, partner: partner?, theme: theme?, from: from?, to: to?, q: q? })
    }
}

/// Absent attributes are written as `null` (the element removes them).
impl ToJson for Attributes {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("view", &self.view);
        out.field("partner", &self.partner);
        out.field("theme", &self.theme);
        out.field("from", &self.from);
        out.field("to", &self.to);
        out.field("q", &self.q);
        out.end_object();
    }
}

/// A year as attributes write it: `1992`, `-500`; up to four digits.
fn attribute_year(text: &str) -> Option<i32> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

impl CardState {
    /// The state a page asks for with attributes, and what was wrong with
    /// them, in the reader's language. Nothing wrong stops the card: an
    /// unknown view shows the first one, an unknown theme is left out, a
    /// year that is not one is ignored.
    pub fn from_attributes(attributes: &Attributes, m: &Messages) -> (CardState, Vec<String>) {
        fn given(value: &Option<String>) -> Option<&str> {
            value.as_deref().map(str::trim).filter(|v| !v.is_empty())
        }
        let mut problems = Vec::new();
        let mut state = CardState { partner: given(&attributes.partner).map(str::to_string), ..CardState::default() };
        let fallback = if state.partner.is_some() { View::Partner } else { View::Overview };
        state.view = match given(&attributes.view) {
            None => fallback,
            Some(text) => View::parse(text).unwrap_or_else(|| {
                problems.push(fill(m.unknown_view, &[("value", text), ("views", &View::KEYS.join(m.comma))]));
                fallback
            }),
        };
        if state.view == View::Partner && state.partner.is_none() {
            state.view = View::Overview;
        }
        let themes = given(&attributes.theme).unwrap_or("").replace([',', '\t', '\n'], " ");
        for word in themes.split(' ').filter(|w| !w.is_empty()) {
            match Theme::parse(word) {
                Some(theme) if !state.themes.contains(&theme) => state.themes.push(theme),
                Some(_) => {}
                None => problems.push(fill(m.unknown_theme, &[("value", word), ("themes", &Theme::KEYS.join(m.comma))])),
            }
        }
        for (name, value, year) in [("from", &attributes.from, &mut state.from), ("to", &attributes.to, &mut state.to)] {
            if let Some(text) = given(value) {
                *year = attribute_year(text);
                if year.is_none() {
                    problems.push(fill(m.not_a_year, &[("name", name), ("value", text)]));
                }
            }
        }
        state.q = search_text(attributes.q.as_deref().unwrap_or(""));
        (state, problems)
    }

    /// The attributes that ask for this state (what the element reflects).
    pub fn attributes(&self) -> Attributes {
        let text = |value: String| Some(value).filter(|v| !v.is_empty());
        Attributes {
            // After "back" the overview keeps its partner (the timeline's
            // filter): the view is then named, or a link would open the partner.
            view: (self.view != View::Overview || self.partner.is_some()).then(|| self.view.key().to_string()),
            partner: self.partner.clone(),
            theme: text(self.themes.iter().map(|t| t.key()).collect::<Vec<_>>().join(" ")),
            from: self.from.map(|y| y.to_string()),
            to: self.to.map(|y| y.to_string()),
            q: text(self.q.clone()),
        }
    }
}

impl CardState {
    const FIELDS: [&'static str; 9] = ["view", "partner", "themes", "kinds", "from", "to", "q", "oldestFirst", "more"];

    /// Reads a state object as the element keeps it; every field may be left out or null.
    pub fn read(r: &mut Reader, value: &Value, path: &Path) -> Option<CardState> {
        let f = r.object(value, path, &CardState::FIELDS)?;
        let mut state = CardState::default();
        let mut whole = true;
        for name in CardState::FIELDS {
            let Some(v) = f.optional(name) else { continue };
            let p = path.key(name);
            let read = match name {
                "view" => r.keyword(v, &p, View::parse, &View::KEYS).map(|x| state.view = x),
                "partner" => r.string(v, &p).map(|x| state.partner = Some(x)),
                "themes" => r.list(v, &p, |r, v, p| r.keyword(v, p, Theme::parse, &Theme::KEYS)).map(|x| state.themes = x),
                "kinds" => r.list(v, &p, |r, v, p| r.keyword(v, p, RecordKind::parse, &RecordKind::KEYS)).map(|x| state.kinds = x),
                "from" => read_filter_year(r, v, &p).map(|x| state.from = Some(x)),
                "to" => read_filter_year(r, v, &p).map(|x| state.to = Some(x)),
                "q" => r.string(v, &p).map(|x| state.q = search_text(&x)),
                "oldestFirst" => r.bool(v, &p).map(|x| state.oldest_first = x),
                _ => r.whole(v, &p, 0, MAX_MORE as i64).map(|x| state.more = x as usize),
            };
            whole &= read.is_some();
        }
        whole.then_some(state)
    }
}

impl Msg {
    const TYPES: [&'static str; 12] = [
        "show",
        "openPartner",
        "filterPartner",
        "back",
        "search",
        "toggleTheme",
        "toggleKind",
        "setYears",
        "toggleOrder",
        "showMore",
        "clearFilters",
        "reset",
    ];

    /// Reads a message object: `{ type: "openPartner", code: "IR" }`.
    pub fn read(r: &mut Reader, value: &Value, path: &Path) -> Option<Msg> {
        if value.members().is_none() {
            return r.expected(value, path, "an object");
        }
        let kind = match value.get("type") {
            Some(kind) => r.keyword(kind, &path.key("type"), |t| Msg::TYPES.into_iter().find(|k| *k == t), &Msg::TYPES)?,
            None => return r.fail(value.at, path, "missing field `type`".to_string()),
        };
        let names: &'static [&'static str] = match kind {
            "show" => &["type", "view"],
            "openPartner" | "filterPartner" => &["type", "code"],
            "search" => &["type", "q"],
            "toggleTheme" => &["type", "theme"],
            "toggleKind" => &["type", "kind"],
            "setYears" => &["type", "from", "to"],
            _ => &["type"],
        };
        let f = r.object(value, path, names)?;
        let field = |r: &mut Reader, name: &'static str| f.required(r, path, name).map(|v| (v, path.key(name)));
        Some(match kind {
            "show" => {
                let (v, p) = field(r, "view")?;
                Msg::Show { view: r.keyword(v, &p, View::parse, &View::KEYS)? }
            }
            "openPartner" => {
                let (v, p) = field(r, "code")?;
                Msg::OpenPartner { code: r.string(v, &p)? }
            }
            "filterPartner" => match f.optional("code") {
                Some(v) => Msg::FilterPartner { code: Some(r.string(v, &path.key("code"))?) },
                None => Msg::FilterPartner { code: None },
            },
            "search" => {
                let (v, p) = field(r, "q")?;
                Msg::Search { q: r.string(v, &p)? }
            }
            "toggleTheme" => {
                let (v, p) = field(r, "theme")?;
                Msg::ToggleTheme { theme: r.keyword(v, &p, Theme::parse, &Theme::KEYS)? }
            }
            "toggleKind" => {
                let (v, p) = field(r, "kind")?;
                Msg::ToggleKind { kind: r.keyword(v, &p, RecordKind::parse, &RecordKind::KEYS)? }
            }
            "setYears" => {
                let year = |r: &mut Reader, name: &'static str| match f.optional(name) {
                    Some(v) => read_filter_year(r, v, &path.key(name)).map(Some),
                    None => Some(None),
                };
                let (from, to) = (year(r, "from"), year(r, "to"));
                Msg::SetYears { from: from?, to: to? }
            }
            "back" => Msg::Back,
            "toggleOrder" => Msg::ToggleOrder,
            "showMore" => Msg::ShowMore,
            "clearFilters" => Msg::ClearFilters,
            _ => Msg::Reset,
        })
    }
}

/// Results per page.
pub const PAGE: usize = 20;

/// "Show more" stops adding pages here: the state must stay one that the
/// card reads back, and no page shows a hundred thousand results at once.
pub const MAX_MORE: usize = 100_000;

/// A year this far before the next one with records is drawn apart.
const OUTLIER_GAP_YEARS: i32 = 25;

/// Search text as the card keeps it: at most 500 characters, whether typed,
/// asked for with the `q` attribute or passed in a state from JavaScript.
fn search_text(q: &str) -> String {
    q.chars().take(500).collect()
}

/// The next state. Never fails: a message that makes no sense in the
/// current state leaves it as it is.
pub fn update(state: &CardState, msg: &Msg) -> CardState {
    let mut next = state.clone();
    match msg {
        Msg::Show { view } => {
            next.view = *view;
            next.more = 0;
            if *view == View::Partner && next.partner.is_none() {
                next.view = View::Overview;
            }
        }
        Msg::OpenPartner { code } => {
            next.view = View::Partner;
            next.partner = Some(code.clone());
            next.more = 0;
        }
        Msg::FilterPartner { code } => {
            next.partner = code.clone();
            next.view = View::Timeline;
            next.more = 0;
        }
        Msg::Back => {
            next.view = View::Overview;
            next.more = 0;
        }
        Msg::Search { q } => {
            next.q = search_text(q);
            next.more = 0;
            if next.view != View::Partner {
                next.view = View::Timeline;
            }
        }
        Msg::ToggleTheme { theme } => {
            match next.themes.iter().position(|t| t == theme) {
                Some(at) => {
                    next.themes.remove(at);
                }
                None => next.themes.push(*theme),
            }
            next.more = 0;
        }
        Msg::ToggleKind { kind } => {
            if EVENTS.contains(kind) {
                match next.kinds.iter().position(|k| k == kind) {
                    Some(at) => {
                        next.kinds.remove(at);
                    }
                    None => next.kinds.push(*kind),
                }
                next.more = 0;
            }
        }
        Msg::SetYears { from, to } => {
            // A reversed range is put the right way round, and a year past
            // what a filter may name is brought within it: not refused.
            let within = |year: &Option<i32>| year.map(|y| y.clamp(*FILTER_YEARS.start(), *FILTER_YEARS.end()));
            let (from, to) = match (within(from), within(to)) {
                (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
                range => range,
            };
            next.from = from;
            next.to = to;
            next.more = 0;
        }
        Msg::ToggleOrder => next.oldest_first = !next.oldest_first,
        Msg::ShowMore => next.more = (next.more + PAGE).min(MAX_MORE),
        Msg::ClearFilters => {
            next.themes.clear();
            next.kinds.clear();
            next.from = None;
            next.to = None;
            next.q.clear();
            next.more = 0;
            if next.view == View::Timeline {
                next.partner = None;
            }
        }
        Msg::Reset => next = CardState::default(),
    }
    next
}

/// Whether the reader has narrowed the timeline: exactly when "clear
/// filters" would change the state (beyond "show more").
fn has_filters(state: &CardState) -> bool {
    let mut cleared = update(state, &Msg::ClearFilters);
    cleared.more = state.more;
    cleared != *state
}

/// Everything the card shows for one state.
#[derive(Debug, Clone, PartialEq)]
pub struct Screen {
    /// The state as understood (unknown partners dropped, views fixed).
    pub state: CardState,
    /// The language the interface text is in (`en`, `ru`, `fa`).
    pub locale: &'static str,
    /// `rtl` for right-to-left languages, else `ltr`.
    pub dir: &'static str,
    /// Labels for the element's controls, from the message catalogue.
    pub ui: Ui,
    /// Theme and tone names by key, for tags, badges and legends.
    /// Labels by key (`"trade"` → "Торговля"), written as objects.
    pub theme_labels: Vec<(&'static str, &'static str)>,
    pub tone_labels: Vec<(&'static str, &'static str)>,
    pub title: String,
    /// "25 partners · 183 events · 5 sources".
    pub subtitle: String,
    pub tabs: Vec<TabItem>,
    /// Said politely to screen readers when it changes.
    pub announcement: String,
    /// Set when the state asked for something the dataset lacks (an unknown
    /// partner code in an attribute, say): shown to the reader and logged.
    pub notice: Option<String>,
    pub body: Body,
}

/// Every field is written; no notice is `null`.
impl ToJson for Screen {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("state", &self.state);
        out.field("locale", self.locale);
        out.field("dir", self.dir);
        out.field("ui", &self.ui);
        for (key, labels) in [("themeLabels", &self.theme_labels), ("toneLabels", &self.tone_labels)] {
            out.key(key);
            out.begin_object();
            for (name, label) in labels {
                out.field(name, label);
            }
            out.end_object();
        }
        out.field("title", &self.title);
        out.field("subtitle", &self.subtitle);
        out.field("tabs", &self.tabs);
        out.field("announcement", &self.announcement);
        out.field("notice", &self.notice);
        out.field("body", &self.body);
        out.end_object();
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TabItem {
    pub view: View,
    pub label: String,
    pub selected: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Overview {
        regions: Vec<RegionGroup>,
        picture: BarChart,
    },
    Partner {
        summary: Box<PartnerSummary>,
        strip: ToneStrip,
        events: Vec<Hit>,
        total: usize,
        /// "57 events".
        total_label: String,
        more: usize,
        /// "Show more (37 left)", when there is more.
        more_label: Option<String>,
        oldest_first: bool,
    },
    Timeline {
        partners: Vec<Choice>,
        themes: Vec<Choice>,
        kinds: Vec<Choice>,
        histogram: Histogram,
        results: Vec<Hit>,
        total: usize,
        total_label: String,
        more: usize,
        more_label: Option<String>,
        oldest_first: bool,
        /// Whether "clear filters" would change anything: the card offers
        /// it only then.
        filtered: bool,
        /// Set when nothing matches: what to say and offer.
        empty: Option<String>,
    },
    Figures {
        charts: Vec<FigureChart>,
    },
    Sources {
        sources: Vec<SourceCard>,
        disputes: Vec<DisputeCard>,
    },
    Problem {
        message: String,
    },
}

impl ToJson for TabItem {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("view", &self.view);
        out.field("label", &self.label);
        out.field("selected", &self.selected);
        out.end_object();
    }
}

/// `{"kind": "partner", …}`: the body's name, then its fields; an absent
/// "show more" label or empty-state text is `null`.
impl ToJson for Body {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        match self {
            Body::Overview { regions, picture } => {
                out.field("kind", "overview");
                out.field("regions", regions);
                out.field("picture", picture);
            }
            Body::Partner { summary, strip, events, total, total_label, more, more_label, oldest_first } => {
                out.field("kind", "partner");
                out.field("summary", summary.as_ref());
                out.field("strip", strip);
                out.field("events", events);
                out.field("total", total);
                out.field("totalLabel", total_label);
                out.field("more", more);
                out.field("moreLabel", more_label);
                out.field("oldestFirst", oldest_first);
            }
            Body::Timeline {
                partners,
                themes,
                kinds,
                histogram,
                results,
                total,
                total_label,
                more,
                more_label,
                oldest_first,
                filtered,
                empty,
            } => {
                out.field("kind", "timeline");
                out.field("partners", partners);
                out.field("themes", themes);
                out.field("kinds", kinds);
                out.field("histogram", histogram);
                out.field("results", results);
                out.field("total", total);
                out.field("totalLabel", total_label);
                out.field("more", more);
                out.field("moreLabel", more_label);
                out.field("oldestFirst", oldest_first);
                out.field("filtered", filtered);
                out.field("empty", empty);
            }
            Body::Figures { charts } => {
                out.field("kind", "figures");
                out.field("charts", charts);
            }
            Body::Sources { sources, disputes } => {
                out.field("kind", "sources");
                out.field("sources", sources);
                out.field("disputes", disputes);
            }
            Body::Problem { message } => {
                out.field("kind", "problem");
                out.field("message", message);
            }
        }
        out.end_object();
    }
}

/// An option of a filter, with how many records it would give.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub key: String,
    pub label: String,
    pub count: usize,
    pub selected: bool,
}

impl ToJson for Choice {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("key", &self.key);
        out.field("label", &self.label);
        out.field("count", &self.count);
        out.field("selected", &self.selected);
        out.end_object();
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RegionGroup {
    pub region: String,
    pub partners: Vec<PartnerCard>,
}

impl ToJson for RegionGroup {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("region", &self.region);
        out.field("partners", &self.partners);
        out.end_object();
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PartnerCard {
    pub code: String,
    pub name: String,
    pub kind: PartnerKind,
    pub event_count: usize,
    /// "57 events · 1990–2024".
    pub detail: String,
    pub tone: Option<Tone>,
    pub tone_label: String,
    pub years: String,
}

/// Every field is written; no tone is `null`.
impl ToJson for PartnerCard {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("code", &self.code);
        out.field("name", &self.name);
        out.field("kind", &self.kind);
        out.field("eventCount", &self.event_count);
        out.field("detail", &self.detail);
        out.field("tone", &self.tone);
        out.field("toneLabel", &self.tone_label);
        out.field("years", &self.years);
        out.end_object();
    }
}

/// Horizontal bars, longest first; `share` is the bar's length from 0 to 1.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub bars: Vec<Bar>,
    /// The tones the bars use, worst first, for the key under the picture.
    pub legend: Vec<Tone>,
    /// The same information as text, for screen readers and print.
    pub text: String,
}

impl ToJson for BarChart {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("bars", &self.bars);
        out.field("legend", &self.legend);
        out.field("text", &self.text);
        out.end_object();
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub key: String,
    pub label: String,
    pub count: usize,
    pub share: f64,
    pub tone: Option<Tone>,
}

impl ToJson for Bar {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("key", &self.key);
        out.field("label", &self.label);
        out.field("count", &self.count);
        out.key("share");
        out.share(self.share);
        out.field("tone", &self.tone);
        out.end_object();
    }
}

/// A partner's periods laid out in time: `start` and `end` from 0 to 1
/// across `first_year..=last_year`; overlapping periods (sources that judge
/// the same years differently) go on separate lanes.
#[derive(Debug, Clone, PartialEq)]
pub struct ToneStrip {
    pub first_year: i32,
    pub last_year: i32,
    pub lanes: usize,
    pub segments: Vec<Segment>,
    /// The tones the segments use, worst first.
    pub legend: Vec<Tone>,
    pub text: String,
}

impl ToJson for ToneStrip {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("firstYear", &self.first_year);
        out.field("lastYear", &self.last_year);
        out.field("lanes", &self.lanes);
        out.field("segments", &self.segments);
        out.field("legend", &self.legend);
        out.field("text", &self.text);
        out.end_object();
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub id: String,
    pub lane: usize,
    pub start: f64,
    pub end: f64,
    pub tone: Tone,
    pub label: String,
    pub years: String,
    pub disputed: bool,
}

impl ToJson for Segment {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("id", &self.id);
        out.field("lane", &self.lane);
        out.key("start");
        out.share(self.start);
        out.key("end");
        out.share(self.end);
        out.field("tone", &self.tone);
        out.field("label", &self.label);
        out.field("years", &self.years);
        out.field("disputed", &self.disputed);
        out.end_object();
    }
}

/// Records per year for the current query without its year range; `height`
/// from 0 to 1; `selected` when a range is chosen and the year is inside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Histogram {
    pub years: Vec<YearBar>,
    /// Records far earlier than the rest (a 1750 treaty before a run from
    /// 1979): counted here instead of stretching the bars into slivers.
    pub earlier: Vec<YearBar>,
    pub text: String,
}

impl ToJson for Histogram {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("years", &self.years);
        out.field("earlier", &self.earlier);
        out.field("text", &self.text);
        out.end_object();
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct YearBar {
    pub year: i32,
    pub count: usize,
    pub height: f64,
    pub selected: bool,
}

impl ToJson for YearBar {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("year", &self.year);
        out.field("count", &self.count);
        out.key("height");
        out.share(self.height);
        out.field("selected", &self.selected);
        out.end_object();
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SourceCard {
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub as_of: String,
    pub reliability: String,
    pub licence: Option<String>,
    pub url: Option<String>,
    /// How many records cite it.
    pub cited_by: usize,
    /// "Cited by 87".
    pub cited_label: String,
}

/// Every field is written; no licence or address is `null`.
impl ToJson for SourceCard {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("id", &self.id);
        out.field("title", &self.title);
        out.field("publisher", &self.publisher);
        out.field("asOf", &self.as_of);
        out.field("reliability", &self.reliability);
        out.field("licence", &self.licence);
        out.field("url", &self.url);
        out.field("citedBy", &self.cited_by);
        out.field("citedLabel", &self.cited_label);
        out.end_object();
    }
}

/// The figures sharing one unit, on one scale from 0 to the largest value.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureChart {
    pub unit: String,
    pub rows: Vec<FigureRow>,
    pub text: String,
}

impl ToJson for FigureChart {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("unit", &self.unit);
        out.field("rows", &self.rows);
        out.field("text", &self.text);
        out.end_object();
    }
}

/// How a figure is drawn: a bar for a number given, a faded bar for an
/// approximate one, a span for a range, dots for alternatives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Bar,
    Approx,
    Range,
    Choices,
}

impl ToJson for Shape {
    fn write_json(&self, out: &mut Writer) {
        out.string(match self {
            Shape::Bar => "bar",
            Shape::Approx => "approx",
            Shape::Range => "range",
            Shape::Choices => "choices",
        });
    }
}

/// One figure; `start`, `end` and `points` from 0 to 1 on the chart's scale.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureRow {
    pub hit: Hit,
    pub shape: Shape,
    pub start: f64,
    pub end: f64,
    pub points: Vec<f64>,
}

impl ToJson for FigureRow {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("hit", &self.hit);
        out.field("shape", &self.shape);
        out.key("start");
        out.share(self.start);
        out.key("end");
        out.share(self.end);
        out.key("points");
        out.begin_list();
        for point in &self.points {
            out.share(*point);
        }
        out.end_list();
        out.end_object();
    }
}

/// Claims that disagree, side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct DisputeCard {
    pub id: String,
    pub topic: String,
    pub claims: Vec<Hit>,
}

impl ToJson for DisputeCard {
    fn write_json(&self, out: &mut Writer) {
        out.begin_object();
        out.field("id", &self.id);
        out.field("topic", &self.topic);
        out.field("claims", &self.claims);
        out.end_object();
    }
}

fn legend(tones: impl Iterator<Item = Tone>) -> Vec<Tone> {
    let mut list: Vec<Tone> = tones.collect();
    sort_by(&mut list, &|a, b| a.cmp(b));
    list.dedup();
    list
}

fn year_span(first: Option<i32>, last: Option<i32>) -> String {
    match (first, last) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}–{b}"),
        _ => String::new(),
    }
}

fn year_of(hit: &Hit) -> Option<(i32, i32)> {
    let date: crate::date::DateSpec = hit.date.parse().ok()?;
    Some(date.years())
}

const EVENTS: [RecordKind; 2] = [RecordKind::Event, RecordKind::Agreement];

fn more_label(more: usize, m: &Messages) -> Option<String> {
    (more > 0).then(|| format!("{} ({})", m.ui.show_more, m.count(more, m.more_left)))
}

/// Everything the card shows for `state`, in English.
pub fn screen(index: &Index, state: &CardState) -> Screen {
    screen_in(index, state, &crate::messages::EN)
}

/// Everything the card shows for `state`, in the catalogue's language.
pub fn screen_in(index: &Index, state: &CardState, m: &'static Messages) -> Screen {
    let ds = index.dataset();
    let mut state = state.clone();
    let mut notice = None;
    if let Some(code) = &state.partner {
        if ds.partner(code).is_none() {
            notice = Some(fill(m.unknown_partner, &[("code", code)]));
            state.partner = None;
        }
    }
    if state.view == View::Partner && state.partner.is_none() {
        state.view = View::Overview;
    }
    let events_total = ds.events.len();
    let subtitle = format!(
        "{} · {} · {}",
        m.count(ds.partners.len(), m.partners),
        m.count(events_total, m.events),
        m.count(ds.sources.len(), m.sources)
    );
    let tab = |view: View, label: &str| TabItem {
        view,
        label: label.to_string(),
        selected: state.view == view || (view == View::Overview && state.view == View::Partner),
    };
    let tabs =
        vec![tab(View::Overview, m.tabs[0]), tab(View::Timeline, m.tabs[1]), tab(View::Figures, m.tabs[2]), tab(View::Sources, m.tabs[3])];
    let (body, announcement) = match state.view {
        View::Overview => overview(index, m),
        View::Partner => partner(index, &state, m),
        View::Timeline => timeline(index, &state, m),
        View::Figures => figures(index, m),
        View::Sources => sources(index, m),
    };
    let theme_labels = Theme::ALL.iter().map(|t| (t.key(), m.theme(*t))).collect();
    let tone_labels = Tone::ALL.iter().map(|t| (t.key(), m.tone(*t))).collect();
    Screen {
        state,
        locale: m.locale,
        dir: if m.rtl { "rtl" } else { "ltr" },
        ui: m.ui,
        theme_labels,
        tone_labels,
        title: ds.title.clone(),
        subtitle,
        tabs,
        announcement,
        notice,
        body,
    }
}

fn overview(index: &Index, m: &Messages) -> (Body, String) {
    let ds = index.dataset();
    let mut cards: Vec<(String, PartnerCard)> = Vec::new();
    for partner in &ds.partners {
        let Ok(glance) = index.partner_glance(&partner.code) else { continue };
        let years = year_span(glance.first_year, glance.last_year);
        let count = m.count(glance.event_count, m.events);
        cards.push((
            partner.region.clone(),
            PartnerCard {
                code: partner.code.clone(),
                name: partner.name.clone(),
                kind: partner.kind,
                event_count: glance.event_count,
                tone: glance.current_tone,
                tone_label: glance.current_tone.map_or(String::new(), |t| m.tone(t).to_string()),
                detail: if years.is_empty() { count } else { format!("{count} · {years}") },
                years,
            },
        ));
    }
    // Regions in order of how much there is to read, partners likewise.
    let mut regions: Vec<RegionGroup> = Vec::new();
    for (region, card) in &cards {
        match regions.iter_mut().find(|g| &g.region == region) {
            Some(group) => group.partners.push(card.clone()),
            None => regions.push(RegionGroup { region: region.clone(), partners: vec![card.clone()] }),
        }
    }
    for group in &mut regions {
        sort_by(&mut group.partners, &|a, b| b.event_count.cmp(&a.event_count).then_with(|| a.name.cmp(&b.name)));
    }
    let weight = |g: &RegionGroup| g.partners.iter().map(|p| p.event_count).sum::<usize>();
    sort_by(&mut regions, &|a, b| weight(b).cmp(&weight(a)).then_with(|| a.region.cmp(&b.region)));

    let mut ranked: Vec<&PartnerCard> = cards.iter().map(|(_, c)| c).filter(|c| c.event_count > 0).collect();
    sort_by(&mut ranked, &|a, b| b.event_count.cmp(&a.event_count).then_with(|| a.name.cmp(&b.name)));
    let most = ranked.first().map_or(1, |c| c.event_count).max(1);
    let bars: Vec<Bar> = ranked
        .iter()
        .map(|c| Bar {
            key: c.code.clone(),
            // Organisations go by their short names: they fit beside a bar.
            label: if c.kind == PartnerKind::Organisation { c.code.clone() } else { c.name.clone() },
            count: c.event_count,
            share: c.event_count as f64 / most as f64,
            tone: c.tone,
        })
        .collect();
    let described: Vec<String> = bars
        .iter()
        .map(|b| match b.tone {
            Some(t) => format!("{} {} ({})", b.label, b.count, m.tone(t)),
            None => format!("{} {}", b.label, b.count),
        })
        .collect();
    let text = fill(m.bars_text, &[("list", &described.join(m.comma))]);
    let announcement =
        fill(m.overview_said, &[("partners", &m.count(cards.len(), m.partners)), ("regions", &m.count(regions.len(), m.regions))]);
    let legend = legend(bars.iter().filter_map(|b| b.tone));
    (Body::Overview { regions, picture: BarChart { bars, legend, text } }, announcement)
}

fn partner(index: &Index, state: &CardState, m: &Messages) -> (Body, String) {
    let code = state.partner.clone().unwrap_or_default();
    let summary = match index.partner_summary_in(&code, m) {
        Ok(summary) => summary,
        Err(error) => return (Body::Problem { message: error.to_string() }, error.to_string()),
    };
    let query = Query { limit: Some(PAGE + state.more), ..partner_query(state) };
    let answer = index.search_in(&query, m).unwrap_or(crate::query::Answer { total: 0, hits: Vec::new() });
    let strip = tone_strip(&summary, m);
    let announcement = partner_said(&summary, m);
    let more = answer.total.saturating_sub(answer.hits.len());
    (
        Body::Partner {
            summary: Box::new(summary),
            strip,
            events: answer.hits,
            total: answer.total,
            total_label: m.count(answer.total, m.events),
            more,
            more_label: more_label(more, m),
            oldest_first: state.oldest_first,
        },
        announcement,
    )
}

/// A partner's events, in the order the reader chose, all of them.
fn partner_query(state: &CardState) -> Query {
    Query {
        partners: state.partner.iter().cloned().collect(),
        kinds: EVENTS.to_vec(),
        sort: if state.oldest_first { Sort::Date } else { Sort::DateDesc },
        ..Query::default()
    }
}

/// "Iran: 36 events from 1990 to 2025".
fn partner_said(summary: &PartnerSummary, m: &Messages) -> String {
    let mut said = fill(m.partner_said, &[("name", &summary.name), ("events", &m.count(summary.event_count, m.events))]);
    let first = summary.first_contact.as_ref().and_then(year_of).map(|y| y.0);
    let last = summary.latest_contact.as_ref().and_then(year_of).map(|y| y.1);
    if let (Some(a), Some(b)) = (first, last) {
        said.push(' ');
        said.push_str(&fill(m.from_to, &[("from", &a.to_string()), ("to", &b.to_string())]));
    }
    said
}

/// Lays periods out on lanes and says them in words: "Iran: 36 events from
/// 1990 to 2025; cordial, then mixed (sources differ), then tense, …".
fn tone_strip(summary: &PartnerSummary, m: &Messages) -> ToneStrip {
    let spans: Vec<(i32, i32, &Hit)> = summary.periods.iter().filter_map(|p| year_of(p).map(|(a, b)| (a, b, p))).collect();
    let first = spans.iter().map(|s| s.0).min().unwrap_or(0);
    let last = spans.iter().map(|s| s.1).max().unwrap_or(0);
    let width = f64::from((last - first + 1).max(1));
    let mut lane_ends: Vec<i32> = Vec::new();
    let mut segments = Vec::new();
    for (start, end, period) in &spans {
        let lane = match lane_ends.iter().position(|&e| e < *start) {
            Some(lane) => lane,
            None => {
                lane_ends.push(i32::MIN);
                lane_ends.len() - 1
            }
        };
        lane_ends[lane] = *end;
        let tone = period.tone.unwrap_or(Tone::Mixed);
        segments.push(Segment {
            id: period.id.clone(),
            lane,
            start: f64::from(start - first) / width,
            end: f64::from(end - first + 1) / width,
            tone,
            label: period.title.clone(),
            years: year_span(Some(*start), Some(*end)),
            disputed: period.disputed,
        });
    }
    let phases: Vec<String> = segments
        .iter()
        .map(|s| {
            let mark = if s.disputed {
                format!(" ({})", m.ui.sources_differ.chars().flat_map(char::to_lowercase).collect::<String>())
            } else {
                String::new()
            };
            format!("{} {}{mark}", m.tone(s.tone), s.years)
        })
        .collect();
    let mut text = partner_said(summary, m);
    if !phases.is_empty() {
        text.push_str(&format!("; {}", phases.join(m.then)));
    }
    text.push('.');
    let legend = legend(segments.iter().map(|s| s.tone));
    ToneStrip { first_year: first, last_year: last, lanes: lane_ends.len(), segments, legend, text }
}

/// What the reader sees, whole (not only the first page), for a download:
/// a partner's events or the timeline's matches. Other views give every event.
pub fn shown_records(index: &Index, state: &CardState) -> Vec<Hit> {
    let query = match state.view {
        View::Partner => partner_query(state),
        View::Timeline => Query { limit: None, ..timeline_query(state) },
        View::Figures => Query { kinds: vec![RecordKind::Figure], sort: Sort::Date, ..Query::default() },
        View::Overview | View::Sources => Query { kinds: EVENTS.to_vec(), sort: Sort::Date, ..Query::default() },
    };
    index.search(&query).map(|a| a.hits).unwrap_or_default()
}

/// The current view as a file: `csv` or `json` (anything else gives JSON).
pub fn download(index: &Index, state: &CardState, format: &str) -> String {
    let hits = shown_records(index, state);
    if format == "csv" {
        crate::export::hits_csv(&hits)
    } else {
        crate::json::to_string_pretty(&hits)
    }
}

/// A citation of the card and its sources, to paste into an essay.
pub fn citation(index: &Index, state: &CardState, page_url: &str, today: &str) -> String {
    citation_in(index, state, page_url, today, &crate::messages::EN)
}

/// The same in the catalogue's language.
pub fn citation_in(index: &Index, state: &CardState, page_url: &str, today: &str, m: &Messages) -> String {
    let ds = index.dataset();
    let mut what = ds.title.clone();
    if let (View::Partner, Some(partner)) = (state.view, state.partner.as_deref().and_then(|c| ds.partner(c))) {
        what.push_str(&format!(": {}", partner.name));
    }
    let mut out = fill(m.citation_head, &[("what", &what), ("url", page_url), ("today", today)]);
    for s in &ds.sources {
        let as_of = fill(m.citation_as_of, &[("date", &s.as_of.label_in(&m.months, m.circa))]);
        out.push_str(&format!("\n- {}. {}. {as_of}", s.title, s.publisher));
        if let Some(url) = &s.url {
            out.push_str(&format!(" {url}"));
        }
    }
    out
}

fn timeline_query(state: &CardState) -> Query {
    Query {
        partners: state.partner.iter().cloned().collect(),
        themes: state.themes.clone(),
        kinds: if state.kinds.is_empty() { EVENTS.to_vec() } else { state.kinds.clone() },
        from: state.from,
        to: state.to,
        text: state.q.clone(),
        sort: if !state.q.trim().is_empty() {
            Sort::Relevance
        } else if state.oldest_first {
            Sort::Date
        } else {
            Sort::DateDesc
        },
        limit: Some(PAGE + state.more),
        ..Query::default()
    }
}

fn timeline(index: &Index, state: &CardState, m: &Messages) -> (Body, String) {
    let query = timeline_query(state);
    let (answer, facets, line) = match (index.search_in(&query, m), index.facets(&query), index.timeline(&query, 1)) {
        (Ok(a), Ok(f), Ok(t)) => (a, f, t),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => return problem(e),
    };
    let ds = index.dataset();
    let mut partners: Vec<Choice> = ds
        .partners
        .iter()
        .map(|p| Choice {
            key: p.code.clone(),
            label: p.name.clone(),
            count: facets.partners.iter().find(|c| c.key == p.code).map_or(0, |c| c.count),
            selected: state.partner.as_deref() == Some(p.code.as_str()),
        })
        .collect();
    sort_by(&mut partners, &|a, b| a.label.cmp(&b.label));
    let themes = Theme::ALL
        .iter()
        .map(|t| Choice {
            key: t.key().to_string(),
            label: m.theme(*t).to_string(),
            count: facets.themes.iter().find(|c| c.key == *t).map_or(0, |c| c.count),
            selected: state.themes.contains(t),
        })
        .collect();
    let kinds = EVENTS
        .iter()
        .enumerate()
        .map(|(i, k)| Choice {
            key: k.key().to_string(),
            label: m.kinds_plural[i].to_string(),
            count: facets.kinds.iter().find(|c| c.key == *k).map_or(0, |c| c.count),
            selected: state.kinds.contains(k),
        })
        .collect();
    let ranged = state.from.is_some() || state.to.is_some();
    let in_range = |year: i32| ranged && state.from.is_none_or(|f| year >= f) && state.to.is_none_or(|t| year <= t);
    // Years with records that stand more than a generation before the next
    // one are set apart, so one old treaty does not flatten the picture.
    let filled: Vec<&crate::query::TimelineBucket> = line.buckets.iter().filter(|b| b.count > 0).collect();
    let mut start = 0;
    while start + 1 < filled.len() && filled[start + 1].from - filled[start].from > OUTLIER_GAP_YEARS {
        start += 1;
    }
    let first_kept = filled.get(start).map_or(i32::MIN, |b| b.from);
    let most = line.buckets.iter().filter(|b| b.from >= first_kept).map(|b| b.count).max().unwrap_or(0).max(1);
    let bar = |b: &crate::query::TimelineBucket| YearBar {
        year: b.from,
        count: b.count,
        height: b.count as f64 / most as f64,
        selected: in_range(b.from),
    };
    let earlier: Vec<YearBar> = filled[..start].iter().map(|b| bar(b)).collect();
    let years: Vec<YearBar> = line.buckets.iter().filter(|b| b.from >= first_kept).map(bar).collect();
    let busiest: Vec<String> = {
        let mut sorted: Vec<&YearBar> = years.iter().filter(|y| y.count > 0).collect();
        sort_by(&mut sorted, &|a, b| b.count.cmp(&a.count).then(a.year.cmp(&b.year)));
        sorted.iter().take(3).map(|y| format!("{} ({})", y.year, y.count)).collect()
    };
    let mut histogram_text = match (years.first(), years.last()) {
        (Some(a), Some(b)) => {
            fill(m.histogram_text, &[("from", &a.year.to_string()), ("to", &b.year.to_string()), ("busiest", &busiest.join(m.comma))])
        }
        _ => m.histogram_none.to_string(),
    };
    if !earlier.is_empty() {
        let list: Vec<String> = earlier
            .iter()
            .map(|y| fill(m.events_in_year, &[("events", &m.count(y.count, m.events)), ("year", &y.year.to_string())]))
            .collect();
        histogram_text.push_str(&fill(m.histogram_earlier, &[("list", &list.join(m.comma))]));
    }
    let empty = (answer.total == 0).then(|| m.empty.to_string());
    let announcement = m.count(answer.total, m.events_match);
    let more = answer.total.saturating_sub(answer.hits.len());
    (
        Body::Timeline {
            partners,
            themes,
            kinds,
            histogram: Histogram { years, earlier, text: histogram_text },
            results: answer.hits,
            total: answer.total,
            total_label: m.count(answer.total, m.events),
            more,
            more_label: more_label(more, m),
            oldest_first: state.oldest_first,
            filtered: has_filters(state),
            empty,
        },
        announcement,
    )
}

fn figures(index: &Index, m: &Messages) -> (Body, String) {
    let ds = index.dataset();
    let hits = index
        .search_in(&Query { kinds: vec![RecordKind::Figure], sort: Sort::Date, ..Query::default() }, m)
        .map(|a| a.hits)
        .unwrap_or_default();
    let mut charts: Vec<FigureChart> = Vec::new();
    for hit in hits {
        let Some(figure) = ds.figures.iter().find(|f| f.id == hit.id) else { continue };
        let chart = match charts.iter_mut().find(|c| c.unit == figure.unit) {
            Some(chart) => chart,
            None => {
                charts.push(FigureChart { unit: figure.unit.clone(), rows: Vec::new(), text: String::new() });
                charts.last_mut().unwrap_or_else(|| unreachable!("just pushed"))
            }
        };
        let (shape, low, high, points) = match &figure.value {
            Quantity::Exact(v) => (Shape::Bar, 0.0, v.to_f64(), vec![v.to_f64()]),
            Quantity::Approx(v) => (Shape::Approx, 0.0, v.to_f64(), vec![v.to_f64()]),
            Quantity::Range(a, b) => (Shape::Range, a.to_f64(), b.to_f64(), vec![a.to_f64(), b.to_f64()]),
            Quantity::OneOf(values) => {
                let points: Vec<f64> = values.iter().map(|v| v.to_f64()).collect();
                let low = points.iter().copied().fold(f64::INFINITY, f64::min);
                let high = points.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                (Shape::Choices, low, high, points)
            }
        };
        chart.rows.push(FigureRow { hit, shape, start: low, end: high, points });
    }
    for chart in &mut charts {
        let top = chart.rows.iter().map(|r| r.end).fold(0.0, f64::max);
        let scale = if top > 0.0 { top } else { 1.0 };
        let described: Vec<String> = chart
            .rows
            .iter()
            .map(|r| format!("{} ({}): {}", r.hit.title, r.hit.date_label, r.hit.value.clone().unwrap_or_default()))
            .collect();
        chart.text = format!("{}: {}.", chart.unit, described.join("; "));
        for row in &mut chart.rows {
            row.start /= scale;
            row.end /= scale;
            for p in &mut row.points {
                *p /= scale;
            }
        }
    }
    // Units with the most figures first.
    sort_by(&mut charts, &|a, b| b.rows.len().cmp(&a.rows.len()).then_with(|| a.unit.cmp(&b.unit)));
    let count: usize = charts.iter().map(|c| c.rows.len()).sum();
    let announcement = fill(m.figures_said, &[("numbers", &m.count(count, m.numbers)), ("units", &m.count(charts.len(), m.units))]);
    (Body::Figures { charts }, announcement)
}

fn problem(error: QueryError) -> (Body, String) {
    (Body::Problem { message: error.to_string() }, error.to_string())
}

fn sources(index: &Index, m: &Messages) -> (Body, String) {
    let ds = index.dataset();
    let sources: Vec<SourceCard> = ds
        .sources
        .iter()
        .map(|s| SourceCard {
            id: s.id.clone(),
            title: s.title.clone(),
            publisher: s.publisher.clone(),
            as_of: s.as_of.label_in(&m.months, m.circa),
            reliability: s.reliability.clone(),
            licence: s.licence.clone(),
            url: s.url.clone(),
            cited_by: index.search(&Query { source: Some(s.id.clone()), limit: Some(0), ..Query::default() }).map_or(0, |a| a.total),
            cited_label: String::new(),
        })
        .collect();
    let sources: Vec<SourceCard> = sources
        .into_iter()
        .map(|mut card| {
            card.cited_label = format!("{} {}", m.ui.cited_by, m.number(card.cited_by as i64));
            card
        })
        .collect();
    let all = index.search_in(&Query { disputed_only: true, ..Query::default() }, m).map(|a| a.hits).unwrap_or_default();
    let disputes: Vec<DisputeCard> = ds
        .disputes
        .iter()
        .map(|d| DisputeCard {
            id: d.id.clone(),
            topic: d.topic.clone(),
            claims: d.claims.iter().filter_map(|c| all.iter().find(|h| &h.id == c).cloned()).collect(),
        })
        .collect();
    let announcement = fill(m.sources_said, &[("documents", &m.count(sources.len(), m.documents)), ("count", &disputes.len().to_string())]);
    (Body::Sources { sources, disputes }, announcement)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_set_the_first_view_and_say_what_was_wrong() {
        let attributes = |pairs: &[(&str, &str)]| {
            let get = |name: &str| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string());
            Attributes { view: get("view"), partner: get("partner"), theme: get("theme"), from: get("from"), to: get("to"), q: get("q") }
        };
        let en = &crate::messages::EN;
        let (state, problems) = CardState::from_attributes(&attributes(&[("partner", "IR")]), en);
        assert_eq!((state.view, state.partner.as_deref(), problems.len()), (View::Partner, Some("IR"), 0));

        let (state, problems) = CardState::from_attributes(
            &attributes(&[("view", "timeline"), ("theme", "Trade, gossip water trade"), ("from", "1992"), ("to", "soon"), ("q", "dam")]),
            en,
        );
        assert_eq!(state.view, View::Timeline);
        assert_eq!(state.themes, [Theme::Trade, Theme::Water]);
        assert_eq!((state.from, state.to, state.q.as_str()), (Some(1992), None, "dam"));
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("“gossip” is not one of this card’s themes (diplomacy, security"), "{}", problems[0]);
        assert_eq!(problems[1], "The to attribute “soon” is not a year (such as 1992); it is ignored.");

        let (state, problems) = CardState::from_attributes(&attributes(&[("view", "map")]), en);
        assert_eq!(state.view, View::Overview);
        assert_eq!(
            problems,
            ["This card has no view “map” (it has overview, partner, timeline, figures, sources); showing the first one."]
        );
        let (_, problems) = CardState::from_attributes(&attributes(&[("view", "map")]), crate::messages::for_locale("ru"));
        assert!(problems[0].starts_with("В карточке нет вида «map»"), "{}", problems[0]);
        let (state, _) = CardState::from_attributes(&attributes(&[("view", "partner")]), en);
        assert_eq!(state.view, View::Overview, "a partner view needs a partner");

        // What the element reflects reads back as the same state.
        let state = CardState {
            view: View::Timeline,
            partner: Some("KZ".into()),
            themes: vec![Theme::Security, Theme::Borders],
            from: Some(1991),
            to: Some(2001),
            q: "border".into(),
            ..CardState::default()
        };
        let (again, problems) = CardState::from_attributes(&state.attributes(), en);
        assert_eq!((again, problems.len()), (state, 0));
        assert_eq!(CardState::default().attributes(), Attributes::default());

        // Back from a partner: the overview, which keeps the partner, says
        // so, or a link to it would open the partner again.
        let opened = update(&CardState::default(), &Msg::OpenPartner { code: "IR".into() });
        assert_eq!(opened.attributes(), attributes(&[("view", "partner"), ("partner", "IR")]));
        let back = update(&opened, &Msg::Back);
        assert_eq!(back.attributes(), attributes(&[("view", "overview"), ("partner", "IR")]));
        assert_eq!(CardState::from_attributes(&back.attributes(), en), (back, vec![]));
    }

    #[test]
    fn a_state_from_javascript_keeps_at_most_500_characters_of_search() {
        let long = "ж".repeat(10_000);
        let state = crate::json::read_text(&format!(r#"{{"q":"{long}"}}"#), CardState::read).unwrap();
        assert_eq!(state.q.chars().count(), 500);
    }

    #[test]
    fn show_more_stops_where_the_state_still_reads_back() {
        let mut state = CardState { more: MAX_MORE - 1, ..CardState::default() };
        for _ in 0..3 {
            state = update(&state, &Msg::ShowMore);
            let crossed = crate::json::read_text(&crate::json::to_string(&state), CardState::read);
            assert_eq!(crossed, Ok(state.clone()));
        }
        assert_eq!(state.more, MAX_MORE);
    }

    #[test]
    fn states_and_messages_read_as_the_element_writes_them() {
        use crate::json::read_text;
        let state = read_text(
            r#"{"view":"timeline","partner":null,"themes":["trade","water"],"kinds":["agreement"],"from":1992,"to":null,"q":"dam","oldestFirst":true,"more":20}"#,
            CardState::read,
        )
        .unwrap();
        assert_eq!(
            state,
            CardState {
                view: View::Timeline,
                themes: vec![Theme::Trade, Theme::Water],
                kinds: vec![RecordKind::Agreement],
                from: Some(1992),
                q: "dam".into(),
                oldest_first: true,
                more: 20,
                ..CardState::default()
            }
        );
        assert_eq!(read_text("{}", CardState::read).unwrap(), CardState::default());
        assert_eq!(
            read_text(r#"{"view":"map","from":"1992","colour":1}"#, CardState::read).unwrap_err(),
            "colour: unknown field `colour`, expected one of `view`, `partner`, `themes`, `kinds`, `from`, `to`, `q`, `oldestFirst`, `more`; \
             view: unknown value `map`, expected one of `overview`, `partner`, `timeline`, `figures`, `sources`; \
             from: expected a whole number, found a string"
        );

        let msg = |text: &str| read_text(text, Msg::read);
        assert_eq!(msg(r#"{"type":"openPartner","code":"IR"}"#), Ok(Msg::OpenPartner { code: "IR".into() }));
        assert_eq!(msg(r#"{"type":"filterPartner","code":null}"#), Ok(Msg::FilterPartner { code: None }));
        assert_eq!(msg(r#"{"type":"setYears","from":1990}"#), Ok(Msg::SetYears { from: Some(1990), to: None }));
        assert_eq!(msg(r#"{"type":"toggleKind","kind":"agreement"}"#), Ok(Msg::ToggleKind { kind: RecordKind::Agreement }));
        assert_eq!(msg(r#"{"type":"reset"}"#), Ok(Msg::Reset));
        assert_eq!(msg(r#"{"type":"show"}"#), Err("missing field `view`".to_string()));
        assert!(msg(r#"{"type":"fly"}"#).unwrap_err().starts_with("type: unknown value `fly`"));
        assert!(msg(r#"{"type":"back","code":"IR"}"#).unwrap_err().starts_with("code: unknown field `code`"));
        assert_eq!(msg("[1]"), Err("expected an object, found a list".to_string()));
    }

    fn index() -> Index {
        Index::new(crate::builtin())
    }

    #[test]
    fn messages_move_between_views() {
        let start = CardState::default();
        let opened = update(&start, &Msg::OpenPartner { code: "IR".into() });
        assert_eq!((opened.view, opened.partner.as_deref()), (View::Partner, Some("IR")));
        let filtered = update(&opened, &Msg::FilterPartner { code: None });
        assert_eq!((filtered.view, filtered.partner), (View::Timeline, None));
        let back = update(&opened, &Msg::Back);
        assert_eq!(back.view, View::Overview);
        let searched = update(&back, &Msg::Search { q: "drone".into() });
        assert_eq!((searched.view, searched.q.as_str()), (View::Timeline, "drone"));
        let themed = update(&searched, &Msg::ToggleTheme { theme: Theme::Trade });
        assert_eq!(themed.themes, [Theme::Trade]);
        assert!(update(&themed, &Msg::ToggleTheme { theme: Theme::Trade }).themes.is_empty());
        let years = update(&themed, &Msg::SetYears { from: Some(2010), to: Some(1990) });
        assert_eq!((years.from, years.to), (Some(1990), Some(2010)), "a reversed range is turned round");
        let kinds = update(&years, &Msg::ToggleKind { kind: RecordKind::Agreement });
        assert_eq!(kinds.kinds, [RecordKind::Agreement]);
        assert_eq!(update(&kinds, &Msg::ToggleKind { kind: RecordKind::Figure }).kinds, kinds.kinds, "not a timeline kind");
        let cleared = update(&kinds, &Msg::ClearFilters);
        assert!(cleared.themes.is_empty() && cleared.kinds.is_empty() && cleared.q.is_empty() && cleared.from.is_none());
        assert_eq!(update(&cleared, &Msg::Reset), CardState::default());
        assert_eq!(update(&start, &Msg::Show { view: View::Partner }).view, View::Overview, "no partner chosen");
    }

    #[test]
    fn overview_groups_partners_by_region_with_tone_and_a_described_picture() {
        let screen = screen(&index(), &CardState::default());
        let Body::Overview { regions, picture } = &screen.body else { panic!("{:?}", screen.body) };
        let partners: usize = regions.iter().map(|g| g.partners.len()).sum();
        assert_eq!(partners, 25);
        let south_asia = regions.iter().find(|g| g.region == "South Asia").unwrap();
        assert_eq!(south_asia.partners[0].name, "Afghanistan", "most events first");
        assert_eq!(south_asia.partners[0].tone, Some(Tone::Tense));
        assert!(picture.text.starts_with("Events per partner, most first: Afghanistan "), "{}", picture.text);
        assert_eq!(picture.bars[0].share, 1.0);
        assert!(screen.tabs[0].selected);
        assert_eq!(screen.subtitle, "25 partners · 183 events · 5 sources");
    }

    #[test]
    fn partner_view_says_its_periods_in_words_and_lays_disputes_on_lanes() {
        let state = update(&CardState::default(), &Msg::OpenPartner { code: "AF".into() });
        let screen = screen(&index(), &state);
        let Body::Partner { summary, strip, events, total, .. } = &screen.body else { panic!() };
        assert_eq!(summary.name, "Afghanistan");
        assert_eq!(events.len(), PAGE.min(*total));
        assert!(strip.lanes >= 2, "the disputed 1992–1996 periods overlap");
        assert!(strip.text.starts_with(&format!("Afghanistan: {total} events from ")), "{}", strip.text);
        assert!(strip.text.contains("(sources differ)"), "{}", strip.text);
        assert!(strip.segments.iter().all(|s| (0.0..=1.0).contains(&s.start) && s.end <= 1.0 && s.start < s.end));
        assert!(screen.announcement.starts_with("Afghanistan: "));
    }

    #[test]
    fn timeline_filters_counts_and_the_empty_state() {
        let index = index();
        let state = CardState { view: View::Timeline, themes: vec![Theme::Trade], ..CardState::default() };
        let screen = screen(&index, &state);
        let Body::Timeline { total, results, themes, histogram, empty, .. } = &screen.body else { panic!() };
        assert!(*total > 10 && results.len() == PAGE);
        assert!(themes.iter().any(|c| c.label == "Trade" && c.selected));
        assert!(histogram.years.iter().any(|y| y.height == 1.0));
        let all = screen_of(&index, &CardState { view: View::Timeline, ..CardState::default() });
        let Body::Timeline { histogram, .. } = &all.body else { panic!() };
        assert_eq!(histogram.earlier.iter().map(|y| y.year).collect::<Vec<_>>(), [1750], "the 1750 treaty stands apart");
        assert!(histogram.years[0].year >= 1979, "{}", histogram.years[0].year);
        assert!(histogram.text.ends_with("Earlier: 1 event in 1750."), "{}", histogram.text);
        assert!(empty.is_none());
        assert_eq!(screen.announcement, format!("{total} events match"));
        let Body::Timeline { filtered, .. } = screen.body else { panic!() };
        assert!(filtered, "a theme is a filter");
        let Body::Timeline { filtered, .. } = all.body else { panic!() };
        assert!(!filtered, "nothing to clear on the whole timeline");
        for narrowed in [
            CardState { partner: Some("IR".into()), ..CardState::default() },
            CardState { from: Some(2000), ..CardState::default() },
            CardState { to: Some(2000), ..CardState::default() },
            CardState { kinds: vec![RecordKind::Agreement], ..CardState::default() },
            CardState { q: "water".into(), ..CardState::default() },
        ] {
            let state = CardState { view: View::Timeline, more: 20, ..narrowed };
            let Body::Timeline { filtered, .. } = screen_of(&index, &state).body else { panic!() };
            assert!(filtered, "{state:?}");
        }
        let more_only = CardState { view: View::Timeline, more: 20, oldest_first: true, ..CardState::default() };
        let Body::Timeline { filtered, .. } = screen_of(&index, &more_only).body else { panic!() };
        assert!(!filtered, "the order and the page are not filters");

        let nothing = CardState { view: View::Timeline, q: "zzzzqx".into(), ..CardState::default() };
        let screen = screen_of(&index, &nothing);
        let Body::Timeline { empty, total, .. } = &screen.body else { panic!() };
        assert_eq!(*total, 0);
        assert!(empty.as_deref().unwrap().contains("clear the filters"));
    }

    fn screen_of(index: &Index, state: &CardState) -> Screen {
        screen(index, state)
    }

    #[test]
    fn sources_view_sets_disputed_claims_side_by_side() {
        let screen = screen(&index(), &CardState { view: View::Sources, ..CardState::default() });
        let Body::Sources { sources, disputes } = &screen.body else { panic!() };
        assert_eq!(sources.len(), 5);
        assert!(sources.iter().all(|s| s.cited_by > 0));
        let counts = disputes.iter().find(|d| d.claims.len() == 3).unwrap();
        assert!(counts.claims.iter().all(|c| c.disputed && c.value.is_some()));
    }

    #[test]
    fn downloads_hold_every_record_of_the_view_and_the_citation_names_the_sources() {
        let index = index();
        let state = CardState { view: View::Timeline, themes: vec![Theme::Trade], ..CardState::default() };
        let Body::Timeline { total, .. } = screen(&index, &state).body else { panic!() };
        let csv = download(&index, &state, "csv");
        assert_eq!(csv.matches("\r\n").count(), total + 1, "a header and every matching event");
        let text = download(&index, &state, "json");
        let json = crate::json::parse(&text).unwrap();
        assert_eq!(json.items().unwrap().len(), total);
        let partner = CardState { view: View::Partner, partner: Some("IR".into()), ..CardState::default() };
        let cite = citation(&index, &partner, "https://example.org/story", "26 November 2026");
        assert!(cite.starts_with("Tajikistan's foreign relations: Iran. Interactive card"), "{cite}");
        assert_eq!(cite.matches("\n- ").count(), 5);
    }

    #[test]
    fn figures_share_a_scale_per_unit_and_draw_vague_values_as_such() {
        let screen = screen(&index(), &CardState { view: View::Figures, ..CardState::default() });
        let Body::Figures { charts } = &screen.body else { panic!() };
        assert_eq!(charts.iter().map(|c| c.rows.len()).sum::<usize>(), 34);
        let usd = charts.iter().find(|c| c.unit == "USD million").unwrap();
        assert!(usd.rows.iter().any(|r| r.end == 1.0), "the largest fills the scale");
        assert!(usd.rows.iter().all(|r| (0.0..=1.0).contains(&r.start) && r.end <= 1.0));
        let years = charts.iter().find(|c| c.unit == "years").unwrap();
        assert_eq!(years.rows[0].shape, Shape::Choices, "20 or 29 years are two dots, not a bar");
        let people = charts.iter().find(|c| c.unit == "people").unwrap();
        assert!(people.rows.iter().any(|r| r.shape == Shape::Range));
        assert!(usd.text.starts_with("USD million: "));
    }

    #[test]
    fn the_whole_screen_follows_the_catalogue_language() {
        let index = index();
        let state = CardState { view: View::Partner, partner: Some("AF".into()), ..CardState::default() };
        let ru = screen_in(&index, &state, &crate::messages::RU);
        assert_eq!(ru.locale, "ru");
        assert_eq!(ru.tabs[3].label, "Источники");
        assert!(ru.announcement.starts_with("Afghanistan: 57 событий с "), "{}", ru.announcement);
        let Body::Partner { events, strip, .. } = &ru.body else { panic!() };
        assert!(strip.text.contains("напряжённый"), "{}", strip.text);
        assert!(!events.is_empty());
        let kz = CardState { view: View::Partner, partner: Some("KZ".into()), oldest_first: true, ..CardState::default() };
        let Body::Partner { events, .. } = screen_in(&index, &kz, &crate::messages::RU).body else { panic!() };
        let dated = events.iter().find(|e| e.date == "1993-01-07").unwrap();
        assert_eq!(dated.date_label, "7 января 1993");
        assert_eq!(ru.ui.show_more, "Показать ещё");
        let en = screen(&index, &state);
        assert_eq!(en.ui.show_more, "Show more");
    }

    #[test]
    fn choice_keys_are_the_names_messages_use() {
        for theme in Theme::ALL {
            assert_eq!(crate::json::to_string(&theme), format!("\"{}\"", theme.key()));
        }
        for kind in EVENTS {
            assert_eq!(crate::json::to_string(&kind), format!("\"{}\"", kind.key()));
        }
    }

    #[test]
    fn an_unknown_partner_falls_back_to_the_overview() {
        let state = CardState { view: View::Partner, partner: Some("ZZ".into()), ..CardState::default() };
        let screen = screen(&index(), &state);
        assert_eq!(screen.state.view, View::Overview);
        assert!(matches!(screen.body, Body::Overview { .. }));
        assert!(screen.notice.unwrap().contains("no partner “ZZ”"));
    }
}
