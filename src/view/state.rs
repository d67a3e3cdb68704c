//! What the reader has chosen (`CardState`), what a reader can do (`Msg`),
//! and the pure `update` from one to the next. Nothing here knows about
//! screens or the browser.

use super::attributes::attribute_year;
use crate::json::{Path, Reader, ToJson, Value, Writer};
use crate::model::Theme;
use crate::query::{read_filter_year, RecordKind, FILTER_YEARS};

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

crate::json::object! {
    /// What the reader has chosen. Every field can be set from an attribute of
    /// the element (`view`, `partner`, `theme`, `from`, `to`, `q`).
    #[derive(Default)]
    pub struct CardState {
        view: View => "view",
        /// The partner shown in the partner view, and the timeline's partner filter.
        partner: Option<String> => "partner",
        themes: Vec<Theme> => "themes",
        /// The timeline's kinds (events, agreements); none chosen means both.
        kinds: Vec<RecordKind> => "kinds",
        from: Option<i32> => "from",
        to: Option<i32> => "to",
        /// The search box.
        q: String => "q",
        oldest_first: bool => "oldestFirst",
        /// Results shown beyond the first page ("show more").
        more: usize => "more",
        /// The overview shows the list of partners instead of the map.
        list: bool => "list",
        /// The timeline's filters are open on a narrow card.
        filters: bool => "filters",
        /// The rows the reader has opened, by record id (at most `MAX_OPEN`).
        open: Vec<String> => "open",
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
    /// The records of the view as a file: `csv` or `json`.
    Download {
        format: Format,
    },
    /// The card's citation, to copy.
    Cite,
    /// Fetch the dataset again, after it could not be had.
    Retry,
    /// The overview's map or its list of partners.
    ToggleList,
    /// The timeline's filters, on a narrow card.
    ToggleFilters,
    /// Opens a row, or closes it.
    Toggle {
        id: String,
    },
    /// Moves to the source numbered `number` where the view writes it out.
    ShowSource {
        number: usize,
    },
}

/// A download's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

crate::model::keywords!(Format { Csv => "csv", Json => "json" });

crate::json::ts_named!(Msg);

impl crate::json::TsDeclaration for Msg {
    fn ts_declaration() -> String {
        "export type Msg =
  | { type: \"show\"; view: View } | { type: \"openPartner\"; code: string }
  | { type: \"filterPartner\"; code: string | null } | { type: \"back\" }
  | { type: \"search\"; q: string } | { type: \"toggleTheme\"; theme: Theme } | { type: \"toggleKind\"; kind: RecordKind }
  | { type: \"setYears\"; from: string | number | null; to: string | number | null } | { type: \"toggleOrder\" }
  | { type: \"showMore\" } | { type: \"clearFilters\" } | { type: \"reset\" }
  | { type: \"download\"; format: Format } | { type: \"cite\" }
  | { type: \"retry\" } | { type: \"toggleList\" } | { type: \"toggleFilters\" } | { type: \"toggle\"; id: string } | { type: \"showSource\"; number: number };"
            .to_string()
    }
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
            Msg::Download { .. } => "download",
            Msg::Cite => "cite",
            Msg::Retry => "retry",
            Msg::ToggleList => "toggleList",
            Msg::ToggleFilters => "toggleFilters",
            Msg::Toggle { .. } => "toggle",
            Msg::ShowSource { .. } => "showSource",
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
            Msg::Download { format } => out.field("format", format),
            Msg::Toggle { id } => out.field("id", id),
            Msg::ShowSource { number } => out.field("number", number),
            Msg::Back
            | Msg::ToggleOrder
            | Msg::ShowMore
            | Msg::ClearFilters
            | Msg::Reset
            | Msg::Cite
            | Msg::Retry
            | Msg::ToggleList
            | Msg::ToggleFilters => {}
        }
        out.end_object();
    }
}

impl CardState {
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
                "list" => r.bool(v, &p).map(|x| state.list = x),
                "filters" => r.bool(v, &p).map(|x| state.filters = x),
                "open" => r.list(v, &p, |r, v, p| r.string(v, p)).map(|x| state.open = x.into_iter().take(MAX_OPEN).collect()),
                _ => r.whole(v, &p, 0, MAX_MORE as i64).map(|x| state.more = x as usize),
            };
            whole &= read.is_some();
        }
        whole.then_some(state)
    }
}

impl Msg {
    const TYPES: [&'static str; 19] = [
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
        "download",
        "cite",
        "retry",
        "toggle",
        "showSource",
        "toggleList",
        "toggleFilters",
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
            "download" => &["type", "format"],
            "toggle" => &["type", "id"],
            "showSource" => &["type", "number"],
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
            // A select's "all partners" option has the empty value.
            "filterPartner" => match f.optional("code") {
                Some(v) => Msg::FilterPartner { code: Some(r.string(v, &path.key("code"))?).filter(|c| !c.is_empty()) },
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
                // A number, or the text of a year field: what is not a year is no year.
                let year = |r: &mut Reader, name: &'static str| match f.optional(name) {
                    Some(v) => match v.as_str() {
                        Some(text) => Some(attribute_year(text.trim())),
                        None => read_filter_year(r, v, &path.key(name)).map(Some),
                    },
                    None => Some(None),
                };
                let (from, to) = (year(r, "from"), year(r, "to"));
                Msg::SetYears { from: from?, to: to? }
            }
            "back" => Msg::Back,
            "toggleOrder" => Msg::ToggleOrder,
            "showMore" => Msg::ShowMore,
            "clearFilters" => Msg::ClearFilters,
            "download" => {
                let (v, p) = field(r, "format")?;
                Msg::Download { format: r.keyword(v, &p, Format::parse, &Format::KEYS)? }
            }
            "cite" => Msg::Cite,
            "retry" => Msg::Retry,
            "toggleList" => Msg::ToggleList,
            "toggleFilters" => Msg::ToggleFilters,
            "toggle" => {
                let (v, p) = field(r, "id")?;
                Msg::Toggle { id: r.string(v, &p)? }
            }
            "showSource" => {
                let (v, p) = field(r, "number")?;
                Msg::ShowSource { number: r.whole(v, &p, 1, u32::MAX.into())? as usize }
            }
            _ => Msg::Reset,
        })
    }
}

/// Results per page.
pub const PAGE: usize = 20;

/// "Show more" stops adding pages here: the state must stay one that the
/// card reads back, and no page shows a hundred thousand results at once.
pub const MAX_MORE: usize = 100_000;

/// Rows open at once: opening one more closes the one opened first.
pub const MAX_OPEN: usize = 50;

/// The kinds of record the timeline and a partner's page list.
pub const EVENTS: [RecordKind; 2] = [RecordKind::Event, RecordKind::Agreement];

/// Search text as the card keeps it: at most 500 characters, whether typed,
/// asked for with the `q` attribute or passed in a state from JavaScript.
pub(super) fn search_text(q: &str) -> String {
    q.chars().take(500).collect()
}

/// The next state. Never fails: a message that makes no sense in the
/// current state leaves it as it is.
pub fn update(state: &CardState, msg: &Msg) -> CardState {
    let mut next = state.clone();
    // Rows opened belong to the list they were opened in.
    if matches!(msg, Msg::Show { .. } | Msg::OpenPartner { .. } | Msg::FilterPartner { .. } | Msg::Back | Msg::Reset) {
        next.open.clear();
    }
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
            // A partner opens whole: years are picked on its page.
            next.from = None;
            next.to = None;
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
        Msg::ToggleList => next.list = !next.list,
        Msg::ToggleFilters => next.filters = !next.filters,
        Msg::Toggle { id } => match next.open.iter().position(|open| open == id) {
            Some(at) => {
                next.open.remove(at);
            }
            None => {
                if next.open.len() == MAX_OPEN {
                    next.open.remove(0);
                }
                next.open.push(id.clone());
            }
        },
        Msg::Download { .. } | Msg::Cite | Msg::Retry | Msg::ShowSource { .. } => {}
    }
    next
}

/// Whether the reader has narrowed the timeline: exactly when "clear
/// filters" would change the state (beyond "show more").
pub(super) fn has_filters(state: &CardState) -> bool {
    let mut cleared = update(state, &Msg::ClearFilters);
    cleared.more = state.more;
    cleared != *state
}

#[cfg(test)]
mod tests {
    use super::*;

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
            "colour: unknown field `colour`, expected one of `view`, `partner`, `themes`, `kinds`, `from`, `to`, `q`, `oldestFirst`, `more`, `list`, `filters`, `open`; \
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
    fn messages_from_the_element_read_its_inputs() {
        use crate::json::read_text;
        let msg = |text: &str| read_text(text, Msg::read);
        assert_eq!(msg(r#"{"type":"filterPartner","code":""}"#), Ok(Msg::FilterPartner { code: None }), "the select's all partners");
        assert_eq!(msg(r#"{"type":"setYears","from":" 1990","to":"soon"}"#), Ok(Msg::SetYears { from: Some(1990), to: None }));
        assert_eq!(msg(r#"{"type":"download","format":"csv"}"#), Ok(Msg::Download { format: Format::Csv }));
        assert_eq!(msg(r#"{"type":"cite"}"#), Ok(Msg::Cite));
        assert_eq!(msg(r#"{"type":"retry"}"#), Ok(Msg::Retry));
    }
}
