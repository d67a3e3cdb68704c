//! A card as a handle: it owns what the reader has chosen and answers each
//! reader action, attribute change or loading step with one `Frame`, which
//! is everything the element needs: what to draw, what to reflect, where
//! focus goes, what to announce and what to do (a download, a copy).

use std::rc::Rc;

use super::attributes::Attributes;
use super::catalogue::{fill, for_locale, Messages, LANGUAGES};
use super::download::{citation, download};
use super::record::Rows;
use super::screen::{Body, Button, Header, Screen, SearchBox, Tab, Tabs};
use super::search_examples::SearchExamples;
use super::state::{update, CardState, Format, Msg, View};
use super::{overview, partner, sources, SEPARATOR};
use crate::joining::join;
use crate::json::{object, union, Path, Reader, Value};
use crate::query::Index;

object! {
    /// The answer to one call: what changed and what to do about it.
    pub struct Frame {
        /// What to draw; none when nothing on screen changes (a download, a citation).
        screen: Option<Screen> => "screen",
        state: CardState => "state",
        /// The attributes to reflect; none leaves the page's attributes as they are.
        attributes: Option<Attributes> => "attributes",
        /// The reader changed the state (the element fires `relations-card-change`).
        changed: bool => "changed",
        /// The first frame with the card's content (`relations-card-ready`).
        ready: bool => "ready",
        /// The control to focus after drawing; none keeps focus where it was.
        focus: Option<String> => "focus",
        /// The frame's height as CSS (`640px`, `auto`); none keeps the card's own
        /// (the `--rc-height` custom property, 640px unless the page sets it).
        height: Option<String> => "height",
        /// For the live region; none leaves it as it is.
        announcement: Option<String> => "announcement",
        /// For the console, each said once.
        warnings: Vec<String> => "warnings",
        effect: Option<Effect> => "effect",
    }
}

union! {
    /// Something to do besides drawing.
    pub enum Effect tag "kind" {
        Download "download" { file_name: String => "fileName", mime: &'static str => "mime", text: String => "text" },
        /// Copy `text`; say `copied` once done, or show the text in a box labelled `label`.
        Copy "copy" { text: String => "text", copied: &'static str => "copied", label: &'static str => "label" },
        /// Fetch the dataset again (the reader asked, after a failure).
        Retry "retry" {},
    }
}

/// Why a dataset could not be had, as the element found it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Failure {
    pub url: String,
    /// `network`, `http`, `timeout`, `tooLarge`, `invalid`, `internal`
    /// (the WebAssembly trapped; the card was made again on a fresh one), or
    /// `noSrc` (the card has `own-data`, so no built-in dataset, and no `src`).
    pub reason: String,
    pub status: Option<u32>,
    pub bytes: Option<u64>,
    /// The browser's or the core's message, one problem a line.
    pub detail: Option<String>,
}

impl Failure {
    const FIELDS: [&'static str; 5] = ["url", "reason", "status", "bytes", "detail"];

    pub fn read(r: &mut Reader, value: &Value, path: &Path) -> Option<Failure> {
        let f = r.object(value, path, &Failure::FIELDS)?;
        let text = |r: &mut Reader, name: &'static str| f.optional(name).and_then(|v| r.string(v, &path.key(name)));
        let whole = |r: &mut Reader, name: &'static str| f.optional(name).and_then(|v| r.whole(v, &path.key(name), 0, i64::MAX));
        Some(Failure {
            url: text(r, "url").unwrap_or_default(),
            reason: text(r, "reason").unwrap_or_default(),
            status: whole(r, "status").map(|n| n.min(u32::MAX.into()) as u32),
            bytes: whole(r, "bytes").map(|n| n as u64),
            detail: text(r, "detail"),
        })
    }

    /// What went wrong, and the problems found in the dataset.
    fn said(&self, m: &Messages) -> (String, Vec<String>) {
        let detail = self.detail.as_deref().unwrap_or("");
        let detail = detail.strip_prefix(INVALID_DATASET).map_or(detail, str::trim_start);
        let mut lines = detail.lines().map(str::to_string);
        let url = self.url.as_str();
        let first = match self.reason.as_str() {
            "http" => fill(m.http_failed, &[("url", url), ("status", &self.status.unwrap_or(0).to_string())]),
            "tooLarge" => {
                // Tenths by whole numbers: float formatting would add kilobytes to the wasm.
                let mb = |bytes: u64| {
                    let tenths = bytes.saturating_mul(10) / (1024 * 1024);
                    format!("{}{}{}", tenths / 10, m.decimal_mark, tenths % 10)
                };
                fill(m.too_large, &[("url", url), ("size", &mb(self.bytes.unwrap_or(0))), ("limit", &mb(MAX_DATASET_BYTES))])
            }
            // Every problem goes in the list below, each with its line and path.
            "invalid" => fill(m.invalid_dataset, &[("url", url)]),
            "timeout" => fill(m.timed_out, &[("url", url), ("seconds", &(FETCH_TIMEOUT_MS / 1000).to_string())]),
            "internal" => return (m.internal_error.to_string(), Vec::new()),
            "noSrc" => m.no_src.to_string(),
            _ => fill(m.fetch_failed, &[("url", url), ("detail", &lines.next().unwrap_or_default())]),
        };
        let mut details: Vec<String> = lines.collect();
        if details.len() > SHOWN_PROBLEMS {
            let more = details.len() - SHOWN_PROBLEMS;
            details.truncate(SHOWN_PROBLEMS);
            details.push(fill(m.and_more, &[("n", &m.number(more as i64))]));
        }
        (format!("{}: {first}", m.ui.could_not_load), details)
    }
}

crate::json::ts_named!(Failure);

impl crate::json::TsDeclaration for Failure {
    fn ts_declaration() -> String {
        "export interface Failure { url: string; reason: \"network\" | \"http\" | \"timeout\" | \"tooLarge\" | \"invalid\" | \"internal\" | \"noSrc\"; \
         status: number | null; bytes: number | null; detail: string | null; }"
            .to_string()
    }
}

/// The first line of the error the JS API throws for an invalid dataset;
/// the problems follow, one a line. A card says it in its own words instead.
pub const INVALID_DATASET: &str = "invalid dataset:";

/// The largest dataset a card reads: a reader's phone is protected from more.
pub const MAX_DATASET_BYTES: u64 = 20 * 1024 * 1024;

/// How long the element waits for a dataset before saying so (and offering
/// to try again): a slow server must not leave "loading" up for ever.
pub const FETCH_TIMEOUT_MS: u64 = 30_000;

/// Problems of a dataset listed in the card; the console has them all.
const SHOWN_PROBLEMS: usize = 20;

/// One card: its dataset once there, its language and what the reader chose.
pub struct Card {
    index: Option<Rc<Index>>,
    /// The search box's examples, from the dataset shown.
    examples: SearchExamples,
    m: &'static Messages,
    state: CardState,
    /// What the attributes asked for that could not be had; gone once the reader acts.
    attribute_problems: Vec<String>,
    /// What the dataset lacks of what was asked (an unknown partner), said
    /// until the reader acts.
    notice: Option<String>,
    /// The notice last said, so the console hears each once.
    last_notice: Option<String>,
    /// Problems not yet said in the console: the next frame says them.
    unsaid: Vec<String>,
    fetching: bool,
    failure: Option<Failure>,
    shown: bool,
    /// The `height` attribute as CSS, and as the page wrote it.
    height: Option<String>,
    height_attribute: Option<String>,
}

impl Card {
    /// A card for the page's attributes in the language of `locale` (a BCP 47
    /// tag); `fetching` when its dataset comes from a URL (it says so while loading).
    pub fn new(attributes: &Attributes, locale: &str, fetching: bool) -> Card {
        let m = for_locale(locale);
        let (state, mut attribute_problems) = CardState::from_attributes(attributes, m);
        let height = height_of(attributes, m, &mut attribute_problems);
        let unsaid = attribute_problems.clone();
        Card {
            index: None,
            examples: SearchExamples::default(),
            m,
            state,
            attribute_problems,
            notice: None,
            last_notice: None,
            unsaid,
            fetching,
            failure: None,
            shown: false,
            height,
            height_attribute: attributes.height.clone(),
        }
    }

    pub fn state(&self) -> &CardState {
        &self.state
    }

    /// What the card shows now.
    pub fn frame(&mut self) -> Frame {
        self.answer(FrameKind::Redraw)
    }

    /// The dataset is there: the first view.
    pub fn show(&mut self, index: Rc<Index>) -> Frame {
        self.examples = SearchExamples::of(&index);
        self.index = Some(index);
        self.failure = None;
        self.notice = self.settle();
        self.answer(FrameKind::Redraw)
    }

    /// The dataset could not be had.
    pub fn fail(&mut self, failure: Failure) -> Frame {
        self.index = None;
        self.failure = Some(failure);
        self.answer(FrameKind::Redraw)
    }

    /// The page changed the attributes (or the language): the state they ask for.
    pub fn set_attributes(&mut self, attributes: &Attributes, locale: &str) -> Frame {
        self.m = for_locale(locale);
        let (state, mut problems) = CardState::from_attributes(attributes, self.m);
        self.height = height_of(attributes, self.m, &mut problems);
        self.height_attribute = attributes.height.clone();
        self.state = state;
        self.unsaid.extend(problems.iter().cloned());
        self.attribute_problems = problems;
        self.notice = self.settle();
        self.answer(FrameKind::Redraw)
    }

    /// A reader's action, in the language of `locale` (the page's may have
    /// changed since); `page_url` and `today` (`YYYY-MM-DD`) are for a citation.
    pub fn send(&mut self, msg: &Msg, locale: &str, page_url: &str, today: &str) -> Frame {
        self.m = for_locale(locale);
        if *msg == Msg::Retry {
            return self.answer(FrameKind::Effect(Effect::Retry {}, None));
        }
        let Some(index) = self.index.clone() else { return self.answer(FrameKind::Redraw) };
        match msg {
            Msg::Download { format } => {
                let file = download(&index, &self.state, *format, self.m);
                let said = format!("{} {}", self.m.ui.downloaded, file.name);
                let effect = Effect::Download { file_name: file.name, mime: file.mime, text: file.text };
                return self.answer(FrameKind::Effect(effect, Some(said)));
            }
            // Nothing changes but where the reader is: at the source, written out in the view.
            Msg::ShowSource { number } => return self.answer(FrameKind::Point(super::record::Rows::source_key(*number))),
            Msg::Cite => {
                let text = citation(&index, &self.state, page_url, today, self.m);
                let effect = Effect::Copy { text, copied: self.m.ui.citation_copied, label: self.m.ui.citation };
                return self.answer(FrameKind::Effect(effect, None));
            }
            _ => {}
        }
        self.state = update(&self.state, msg);
        self.attribute_problems.clear();
        self.notice = self.settle();
        // Focus follows the reader, to a control the new screen has: into an
        // opened partner, back to its button, and to the count once the
        // clear buttons are gone.
        let focus = match msg {
            Msg::OpenPartner { .. } if self.state.view == View::Partner => Some("partner-title".to_string()),
            Msg::Back if self.state.view == View::Overview => self.state.partner.as_ref().map(|code| format!("partner-{code}")),
            Msg::ClearFilters if self.state.view == View::Timeline => Some("results-count".to_string()),
            _ => None,
        };
        self.answer(FrameKind::Action(focus))
    }

    /// Drops what the dataset lacks (an unknown partner), so the state is
    /// one the card can show, and says what was dropped.
    fn settle(&mut self) -> Option<String> {
        let mut notice = None;
        if let (Some(index), Some(code)) = (&self.index, &self.state.partner) {
            if index.dataset().partner(code).is_none() {
                notice = Some(fill(self.m.unknown_partner, &[("code", code)]));
                self.state.partner = None;
            }
        }
        if self.state.view == View::Partner && self.state.partner.is_none() {
            self.state.view = View::Overview;
        }
        notice
    }

    fn answer(&mut self, kind: FrameKind) -> Frame {
        let mut warnings = std::mem::take(&mut self.unsaid);
        let (screen, announcement, changed, focus, effect) = match kind {
            FrameKind::Effect(effect, said) => (None, said, false, None, Some(effect)),
            FrameKind::Point(key) => (None, None, false, Some(key), None),
            FrameKind::Redraw | FrameKind::Action(_) => {
                let (screen, announcement) = self.screen();
                if self.notice != self.last_notice {
                    warnings.extend(self.notice.clone());
                    self.last_notice = self.notice.clone();
                }
                let (changed, focus) = match kind {
                    FrameKind::Action(focus) => (true, focus),
                    _ => (false, None),
                };
                (Some(screen), announcement, changed, focus, None)
            }
        };
        let content = screen.as_ref().is_some_and(|s| s.header.is_some());
        let ready = content && !self.shown;
        self.shown |= content;
        Frame {
            screen,
            state: self.state.clone(),
            attributes: changed.then(|| Attributes { height: self.height_attribute.clone(), ..self.state.attributes() }),
            changed,
            ready,
            focus,
            height: self.height.clone(),
            announcement,
            warnings,
            effect,
        }
    }

    /// The screen and what to announce.
    fn screen(&self) -> (Screen, Option<String>) {
        let m = self.m;
        let Some(index) = &self.index else {
            let body = match &self.failure {
                Some(failure) => {
                    let (message, details) = failure.said(m);
                    // What may pass (the network, the server) can be tried again; a file that is wrong cannot.
                    let retry = matches!(failure.reason.as_str(), "network" | "http" | "timeout" | "internal")
                        .then(|| Button::new("retry", m.ui.try_again, Msg::Retry));
                    Body::Failure { message, details, retry }
                }
                None => Body::Loading { text: self.fetching.then_some(m.ui.loading_dataset) },
            };
            return (bare(m, body), None);
        };
        let ds = index.dataset();
        let state = &self.state;
        let mut rows = Rows::new(m, &state.open);
        let (body, announcement) = match state.view {
            View::Overview => overview::overview(index, state, m),
            View::Partner => partner::partner(index, state, &mut rows, m),
            View::Timeline => super::timeline::timeline(index, state, &mut rows, m),
            View::Figures => super::figures::figures(index, state, &mut rows, m),
            View::Sources => sources::sources(index, &mut rows, m),
        };
        // The sources view writes its sources out itself.
        let cited = if state.view == View::Sources { None } else { rows.cited() };
        let selected = |view: View| state.view == view || (view == View::Overview && state.view == View::Partner);
        let tabs = [View::Overview, View::Timeline, View::Figures, View::Sources]
            .into_iter()
            .zip(m.tabs)
            .map(|(view, label)| Tab { key: format!("tab-{}", view.key()), label, msg: Msg::Show { view }, selected: selected(view) })
            .collect();
        let header = Header {
            title: super::say(&ds.title, ds, m),
            subtitle: join(
                &[m.count(ds.partners.len(), m.partners), m.count(ds.events.len(), m.events), m.count(ds.sources.len(), m.sources)],
                SEPARATOR,
            ),
            tabs: Tabs { label: m.ui.views, items: tabs },
            search: SearchBox {
                key: "search",
                label: m.ui.search_label,
                placeholder: self.examples.placeholder(ds, m),
                value: state.q.clone(),
                escape: (!state.q.is_empty()).then(|| Msg::Search { q: String::new() }),
            },
        };
        let mut alerts: Vec<String> = self.notice.iter().cloned().collect();
        alerts.extend(self.attribute_problems.iter().cloned());
        let screen = Screen {
            locale: m.locale,
            dir: if m.rtl { "rtl" } else { "ltr" },
            header: Some(header),
            place: match (&state.view, &state.partner) {
                (View::Partner, Some(code)) => format!("partner-{code}"),
                (view, _) => view.key().to_string(),
            },
            // Escape closes what was opened: a partner page goes back to the list.
            escape: (state.view == View::Partner).then_some(Msg::Back),
            alerts,
            body,
            cited,
            footer: vec![
                Button::new("download-csv", m.ui.download_csv, Msg::Download { format: Format::Csv }),
                Button::new("download-json", m.ui.download_json, Msg::Download { format: Format::Json }),
                Button::new("cite", m.ui.copy_citation, Msg::Cite),
            ],
        };
        (screen, Some(announcement))
    }
}

enum FrameKind {
    /// Draw the current state (loading, an attribute change, the dataset).
    Redraw,
    /// A reader's action: reflect, tell the page, move focus where given.
    Action(Option<String>),
    /// Nothing to draw: something to do, and what to announce.
    Effect(Effect, Option<String>),
    /// Nothing to draw: focus moves to the control with this key.
    Point(String),
}

/// The frame's height the attributes ask for; what is not a height is said
/// and leaves the card's own.
/// The first view of a card with no attributes on `index`, in each language
/// the card has words for, as JSON: `{"languages": {subtag: catalogue},
/// "fallback": catalogue, "texts": [language], "noCore": {catalogue: text},
/// "frames": {catalogue: Frame as JSON text}}`, "texts" naming the languages
/// the dataset has texts in, "noCore" what an early view says when the
/// WebAssembly cannot be had. The build writes it for the built-in
/// dataset, so a bare card shows its first view before the wasm is here;
/// the frames are the ones `show` answers, made by the same code.
pub fn first_views(index: Rc<Index>) -> String {
    let mut out = crate::json::Writer::compact();
    out.begin_object();
    out.key("languages");
    out.begin_object();
    for (tag, m) in LANGUAGES {
        out.field(tag, m.locale);
    }
    out.end_object();
    out.field("fallback", for_locale("").locale);
    // The languages whose texts ship apart from the wasm (`relations texts`).
    out.field("texts", &crate::languages::text_languages(index.dataset()));
    // Each catalogue once (several tags may read one: `fa`, `prs`).
    let mut catalogues: Vec<&Messages> = Vec::new();
    for (_, m) in LANGUAGES {
        if !catalogues.iter().any(|c| c.locale == m.locale) {
            catalogues.push(m);
        }
    }
    // What an early view says if the wasm never comes: the core cannot say it then.
    out.key("noCore");
    out.begin_object();
    for m in &catalogues {
        out.field(m.locale, m.no_core);
    }
    out.end_object();
    out.key("frames");
    out.begin_object();
    for m in &catalogues {
        let frame = Card::new(&Attributes::default(), m.locale, false).show(Rc::clone(&index));
        // As JSON text: a page parses only its own language's, and
        // JSON.parse reads it faster than a script reads an object literal.
        out.field(m.locale, &crate::json::to_string(&frame));
    }
    out.end_object();
    out.end_object();
    out.finish()
}

fn height_of(attributes: &Attributes, m: &Messages, problems: &mut Vec<String>) -> Option<String> {
    let text = attributes.height.as_deref().filter(|t| !t.trim().is_empty())?;
    super::attributes::frame_height(text, m).map_err(|problem| problems.push(problem)).ok()
}

/// A screen without a dataset: loading, or what went wrong.
fn bare(m: &'static Messages, body: Body) -> Screen {
    Screen {
        locale: m.locale,
        dir: if m.rtl { "rtl" } else { "ltr" },
        header: None,
        place: String::new(),
        escape: None,
        alerts: Vec::new(),
        body,
        cited: None,
        footer: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Theme;
    use crate::view::screen::{Body, Item};

    fn card_with(attributes: &[(&str, &str)], locale: &str) -> (Card, Frame) {
        let attributes = Attributes::from_pairs(attributes);
        let mut card = Card::new(&attributes, locale, false);
        let frame = card.show(Rc::new(Index::new(crate::builtin_in_every_language())));
        (card, frame)
    }

    fn send(card: &mut Card, msg: Msg) -> Frame {
        let locale = card.m.locale;
        card.send(&msg, locale, "https://example.org/story", "2026-11-26")
    }

    fn body(frame: &Frame) -> &Body {
        &frame.screen.as_ref().expect("a screen").body
    }

    fn titles(items: &[Item]) -> Vec<&str> {
        items.iter().map(|i| i.title.as_str()).collect()
    }

    #[test]
    fn first_views_are_the_frames_a_bare_card_shows_in_each_language() {
        let index = Rc::new(Index::new(crate::builtin_in_every_language()));
        let text = first_views(Rc::clone(&index));
        let value = crate::json::parse(&text).expect("first views are JSON");
        let field = |value: &crate::json::Value<'_>, key: &str| -> String {
            let crate::json::Kind::Object(members) = &value.kind else { panic!("an object") };
            let member = members.iter().find(|m| m.key == key).unwrap_or_else(|| panic!("no {key}"));
            match &member.value.kind {
                crate::json::Kind::String(text) => text.to_string(),
                _ => crate::json::to_string(&member.value),
            }
        };
        let languages_text = field(&value, "languages");
        let languages = crate::json::parse(&languages_text).unwrap();
        assert_eq!(field(&languages, "prs"), "fa", "Dari reads the Persian catalogue");
        assert_eq!(text.matches("\"fa\":").count(), 3, "the Persian catalogue once each in languages, noCore and frames");
        assert_eq!(field(&value, "fallback"), "en");
        let frames_text = field(&value, "frames");
        let frames = crate::json::parse(&frames_text).unwrap();
        assert_eq!(field(&languages, "tg"), "tg");
        for locale in ["en", "ru", "fa", "tg"] {
            let shown = Card::new(&Attributes::default(), locale, false).show(Rc::clone(&index));
            assert_eq!(field(&frames, locale), crate::json::to_string(&shown), "{locale}");
        }
    }

    #[test]
    fn loading_then_the_first_view_once_ready() {
        let mut card = Card::new(&Attributes::default(), "en", true);
        let loading = card.frame();
        assert!(matches!(body(&loading), Body::Loading { text: Some("Loading the dataset…") }));
        assert!(!loading.ready && loading.screen.as_ref().unwrap().header.is_none());
        let first = card.show(Rc::new(Index::new(crate::builtin_in_every_language())));
        assert!(first.ready && !first.changed && first.attributes.is_none(), "attributes are the page's until the reader acts");
        let screen = first.screen.as_ref().unwrap();
        let header = screen.header.as_ref().unwrap();
        assert_eq!(header.subtitle, "25 partners · 183 events · 5 sources");
        assert!(header.tabs.items[0].selected);
        assert_eq!(screen.footer.iter().map(|b| b.key.as_str()).collect::<Vec<_>>(), ["download-csv", "download-json", "cite"]);
        // The first screen is the map: countries by tone, organisations beside it.
        let Body::Overview { map: Some(map), switch, .. } = body(&first) else { panic!() };
        assert_eq!((map.subject.as_str(), switch.label.as_str(), &switch.msg), ("TJ", "List of partners", &Msg::ToggleList));
        assert_eq!(map.countries.len(), 16, "every country partner, no organisation");
        let af = map.countries.iter().find(|c| c.code == "AF").unwrap();
        assert_eq!(
            (af.key.as_str(), af.tone, &af.msg),
            ("partner-AF", Some(crate::model::Tone::Tense), &Msg::OpenPartner { code: "AF".into() })
        );
        assert!(af.label.starts_with("Afghanistan: tense · ") && af.label.ends_with(" events"), "{}", af.label);
        assert!(map
            .organisations
            .items
            .iter()
            .all(|b| b.key.starts_with("partner-") && b.aria_label.as_ref().unwrap().starts_with(&b.label)));
        // Its name, once: each country button says itself (a list in the name would be heard twice).
        assert_eq!(map.text, "Map of the countries Tajikistan deals with, coloured by the tone of their latest period; each country says its tone and events.");
        // The list, one message away; the switch keeps its key, so focus stays on it.
        let listed = send(&mut card, Msg::ToggleList);
        let Body::Overview { map: None, regions, picture: Some(picture), switch: back_to_map } = body(&listed) else { panic!() };
        assert_eq!((back_to_map.key.as_str(), back_to_map.label.as_str()), (switch.key.as_str(), "Map"));
        assert_eq!(regions.iter().map(|g| g.partners.len()).sum::<usize>(), 25);
        let south_asia = regions.iter().find(|g| g.title == "South Asia").unwrap();
        assert_eq!((south_asia.partners[0].name.as_str(), south_asia.partners[0].tone), ("Afghanistan", Some(crate::model::Tone::Tense)));
        assert_eq!(south_asia.partners[0].msg, Msg::OpenPartner { code: "AF".into() });
        assert!(picture.text.starts_with("Events per partner, most first: Afghanistan "), "{}", picture.text);
        assert_eq!(picture.bars[0].share.0, 1.0);
        assert!(!send(&mut card, Msg::ShowMore).ready, "ready is said once");
    }

    /// The ECO, which no event names, showed as "0 events"; the subject is a
    /// member, and that is what the overview says of it, on the map and in the list.
    #[test]
    fn an_organisation_known_only_by_membership_says_its_membership() {
        let (mut card, first) = card_with(&[], "en");
        let Body::Overview { map: Some(map), .. } = body(&first) else { panic!() };
        let eco = map.organisations.items.iter().find(|b| b.key == "partner-ECO").expect("beside the map, though it has no events");
        assert_eq!(eco.label, "ECO");
        assert_eq!(eco.aria_label.as_deref(), Some("ECO · member since 1993–1994 · Economic Cooperation Organization"));
        let last = map.organisations.items.last().unwrap();
        assert_eq!(last.key, "partner-ECO", "after those with events");
        let listed = send(&mut card, Msg::ToggleList);
        let Body::Overview { regions, picture: Some(picture), .. } = body(&listed) else { panic!() };
        let entry = regions.iter().flat_map(|g| &g.partners).find(|p| p.code == "ECO").unwrap();
        assert_eq!(entry.detail, "member since 1993–1994");
        assert!(regions.iter().flat_map(|g| &g.partners).all(|p| !p.detail.starts_with("0 ")), "no 0-event box");
        assert!(!picture.text.contains("ECO"), "not counted among the partners with events");
        let (mut card, _) = card_with(&[], "ru");
        let Body::Overview { regions, .. } = body(&send(&mut card, Msg::ToggleList)).clone() else { panic!() };
        let entry = regions.iter().flat_map(|g| g.partners.clone()).find(|p| p.code == "ECO").unwrap();
        assert_eq!(entry.detail, "член, дата вступления: 1993–1994");
    }

    #[test]
    fn a_partner_opens_with_focus_on_its_name_and_escape_goes_back_to_its_button() {
        let (mut card, _) = card_with(&[], "en");
        let opened = send(&mut card, Msg::OpenPartner { code: "AF".into() });
        assert!(opened.changed);
        assert_eq!(opened.focus.as_deref(), Some("partner-title"));
        let attributes = opened.attributes.as_ref().unwrap();
        assert_eq!((attributes.view.as_deref(), attributes.partner.as_deref()), (Some("partner"), Some("AF")));
        let screen = opened.screen.as_ref().unwrap();
        assert_eq!(screen.escape, Some(Msg::Back));
        let Body::Partner { strip, strip_text, events, heading, .. } = &screen.body else { panic!() };
        assert_eq!(heading.text, "Afghanistan");
        assert!(strip.as_ref().unwrap().lanes >= 2, "the disputed 1992–1996 periods overlap");
        assert!(strip_text.starts_with("Afghanistan: 57 events from "), "{strip_text}");
        assert!(strip_text.contains("(sources differ)"), "{strip_text}");
        assert_eq!(events.items.len(), 20);
        assert!(events.more.as_ref().unwrap().label.starts_with("Show more (37 left)"));
        assert!(opened.announcement.unwrap().starts_with("Afghanistan: "));
        let back = send(&mut card, Msg::Back);
        assert_eq!(back.focus.as_deref(), Some("partner-AF"));
        assert_eq!(back.screen.unwrap().escape, None);
    }

    #[test]
    fn the_timeline_says_its_filters_counts_and_what_can_be_cleared() {
        let (mut card, _) = card_with(&[("view", "timeline")], "en");
        let all = card.frame();
        let Body::Timeline { histogram, clear, order, .. } = body(&all) else { panic!() };
        assert_eq!(histogram.earlier.iter().map(|b| b.label.as_str()).collect::<Vec<_>>(), ["1750 (1)"], "the 1750 treaty stands apart");
        assert!(histogram.text.ends_with("Earlier: 1 event in 1750."), "{}", histogram.text);
        assert!(clear.is_none(), "nothing to clear on the whole timeline");
        assert!(order.is_some());
        let themed = send(&mut card, Msg::ToggleTheme { theme: Theme::Trade });
        let Body::Timeline { chips, heading, clear, items, years, .. } = body(&themed) else { panic!() };
        let trade = chips[0].items.iter().find(|c| c.key == "theme-trade").unwrap();
        assert_eq!((trade.pressed, trade.disabled), (Some(true), false));
        assert!(trade.label.starts_with("Trade ("));
        assert!(heading.text.ends_with(" events") && items.len() == 20);
        assert!(clear.is_some());
        assert_eq!((years[0].min.as_str(), years[1].max.as_str()), ("1750", "2025"), "bounds from the dataset's years");
        assert_eq!(themed.announcement, Some(format!("{} match", heading.text)));
        // Search words rank the results: no order to choose; a stop word alone searches nothing.
        let searched = send(&mut card, Msg::Search { q: "water".into() });
        let Body::Timeline { order, .. } = body(&searched) else { panic!() };
        assert!(order.is_none());
        assert_eq!(searched.screen.as_ref().unwrap().header.as_ref().unwrap().search.escape, Some(Msg::Search { q: String::new() }));
        let blank = send(&mut card, Msg::Search { q: " the ".into() });
        let Body::Timeline { order, .. } = body(&blank) else { panic!() };
        assert!(order.is_some(), "the element used to hide it for any text, the core sorted by date");
        let nothing = send(&mut card, Msg::Search { q: "zzzzqx".into() });
        let Body::Timeline { empty, items, chips, .. } = body(&nothing) else { panic!() };
        assert!(chips[0].items.iter().all(|c| c.disabled != (c.pressed == Some(true))), "themes with nothing to show cannot be chosen");
        assert!(empty.as_ref().unwrap().text.contains("clear the filters") && items.is_empty());
        let cleared = send(&mut card, Msg::ClearFilters);
        assert_eq!(cleared.focus.as_deref(), Some("results-count"));
        let Body::Timeline { clear, .. } = body(&cleared) else { panic!() };
        assert!(clear.is_none());
    }

    #[test]
    fn sources_figures_downloads_and_the_citation() {
        let (mut card, _) = card_with(&[("view", "sources")], "en");
        let Body::Sources { sources, disputes, .. } = body(&card.frame()).clone() else { panic!() };
        assert_eq!(sources.len(), 5);
        let counts = disputes.iter().find(|d| d.claims.len() == 3).unwrap();
        assert!(counts.claims.iter().all(|c| c.differ.is_some() && c.value.is_some()));
        let figures = send(&mut card, Msg::Show { view: View::Figures });
        let Body::Figures { charts, more: Some(more) } = body(&figures) else { panic!("a page of figures, and more") };
        let first = charts.iter().map(|c| c.items.len()).sum::<usize>();
        assert!((20..34).contains(&first), "{first}");
        assert!(more.label.ends_with(&format!("({} left)", 34 - first)), "{}", more.label);
        let all = send(&mut card, Msg::ShowMore);
        let Body::Figures { charts, more: None } = body(&all) else { panic!("all shown") };
        assert_eq!(charts.iter().map(|c| c.items.len()).sum::<usize>(), 34);
        let years = charts.iter().find(|c| c.unit == "years").unwrap();
        assert_eq!(years.items[0].shape.as_ref().unwrap().kind, "choices", "20 or 29 years are two dots, not a bar");
        send(&mut card, Msg::Show { view: View::Timeline });
        let themed = send(&mut card, Msg::ToggleTheme { theme: Theme::Trade });
        let Body::Timeline { heading, .. } = body(&themed) else { panic!() };
        let total: usize = heading.text.split(' ').next().unwrap().parse().unwrap();
        let csv = send(&mut card, Msg::Download { format: Format::Csv });
        assert!(csv.screen.is_none() && !csv.changed);
        let Some(Effect::Download { file_name, mime, text }) = csv.effect else { panic!() };
        assert_eq!((file_name.as_str(), mime), ("relations-timeline.csv", "text/csv"));
        assert_eq!(text.matches("\r\n").count(), total + 1, "a header and every matching event");
        assert_eq!(csv.announcement.as_deref(), Some("Downloaded relations-timeline.csv"));
        send(&mut card, Msg::OpenPartner { code: "IR".into() });
        let Some(Effect::Copy { text, copied, .. }) = send(&mut card, Msg::Cite).effect else { panic!() };
        assert!(text.starts_with("Tajikistan's foreign relations: Iran. Interactive card"), "{text}");
        assert!(text.contains("accessed 26 November 2026"), "{text}");
        assert_eq!((text.matches("\n- ").count(), copied), (5, "Citation copied"));
    }

    #[test]
    fn the_whole_screen_follows_the_language() {
        let (mut card, _) = card_with(&[("partner", "AF")], "ru");
        let frame = card.frame();
        let screen = frame.screen.as_ref().unwrap();
        assert_eq!(screen.locale, "ru");
        assert_eq!(screen.header.as_ref().unwrap().tabs.items[3].label, "Источники");
        assert!(frame.announcement.as_ref().unwrap().starts_with("Афганистан: 57 событий с "));
        let Body::Partner { strip_text, events, .. } = &screen.body else { panic!() };
        assert!(strip_text.contains("напряжённый"), "{strip_text}");
        assert!(events.more.as_ref().unwrap().label.starts_with("Показать ещё"));
        send(&mut card, Msg::OpenPartner { code: "KZ".into() });
        let frame = send(&mut card, Msg::ToggleOrder);
        let Body::Partner { events, .. } = body(&frame) else { panic!() };
        let dated = events.items.iter().find(|e| e.date == "7 января 1993");
        assert!(dated.is_some(), "{:?}", events.items.iter().map(|e| &e.date).collect::<Vec<_>>());
        assert!(titles(&events.items).len() == 20);
        // What the reader takes away is in the card's language too.
        let Some(Effect::Download { text, .. }) = send(&mut card, Msg::Download { format: Format::Csv }).effect else { panic!() };
        assert!(text.contains("хвалят региональное сотрудничество") && text.contains("7 января 1993"), "{}", &text[..400]);
        let Some(Effect::Copy { text, .. }) = send(&mut card, Msg::Cite).effect else { panic!() };
        assert!(text.contains("Казахстан"), "{text}");
        let fa = Card::new(&Attributes::default(), "fa-AF", false).frame();
        assert_eq!(fa.screen.unwrap().dir, "rtl");
    }

    #[test]
    fn an_unknown_partner_is_said_once_and_goes_with_the_readers_next_action() {
        let (mut card, frame) = card_with(&[("partner", "ZZ")], "en");
        assert_eq!(frame.state.view, View::Overview);
        let screen = frame.screen.as_ref().unwrap();
        assert!(screen.alerts[0].contains("no partner “ZZ”"), "{:?}", screen.alerts);
        assert_eq!(frame.warnings, screen.alerts, "said in the console too");
        assert!(card.frame().warnings.is_empty(), "once");
        let after = send(&mut card, Msg::Show { view: View::Timeline });
        assert!(after.screen.unwrap().alerts.is_empty());
        let (_, frame) = card_with(&[("view", "timeline"), ("theme", "water gossip"), ("from", "soon")], "en");
        assert_eq!(frame.warnings.len(), 2, "{:?}", frame.warnings);
        assert_eq!(frame.state.themes, [Theme::Water]);
    }

    #[test]
    fn a_failure_says_what_and_where_in_the_readers_language() {
        let mut card = Card::new(&Attributes::default(), "en", true);
        let detail = (1..=25).map(|i| format!("line {i}, column 1: problem {i}")).collect::<Vec<_>>().join("\n");
        let failure = Failure {
            url: "https://x.org/d.json".into(),
            reason: "invalid".into(),
            detail: Some(format!("invalid dataset:\n{detail}")),
            ..Failure::default()
        };
        let Body::Failure { message, details, retry } = body(&card.fail(failure)).clone() else { panic!() };
        assert_eq!(message, "This card could not load its data: https://x.org/d.json is not a valid dataset");
        assert!(retry.is_none(), "a wrong file is not tried again");
        assert_eq!((details[0].as_str(), details.len(), details[20].as_str()), ("line 1, column 1: problem 1", 21, "… and 5 more"));
        let http = Failure { url: "d.json".into(), reason: "http".into(), status: Some(404), ..Failure::default() };
        let frame = Card::new(&Attributes::default(), "ru", true).fail(http);
        let Body::Failure { message, .. } = body(&frame) else { panic!() };
        assert_eq!(message, "Карточке не удалось загрузить данные: не удалось загрузить d.json: HTTP 404");
        // own-data without a src: said in the card, not replaced by the built-in dataset, not offered again.
        for (locale, start) in [
            ("en", "This card could not load its data: no src attribute says"),
            ("ru", "Карточке не удалось загрузить данные: атрибут src"),
        ] {
            let missing = Failure { reason: "noSrc".into(), ..Failure::default() };
            let frame = Card::new(&Attributes::default(), locale, false).fail(missing);
            let Body::Failure { message, details, retry } = body(&frame) else { panic!() };
            assert!(message.starts_with(start) && message.contains("own-data"), "{message}");
            assert!(details.is_empty() && retry.is_none() && !frame.ready);
        }
        // A slow server: said with the time waited, and offered again.
        let slow = Failure { url: "d.json".into(), reason: "timeout".into(), ..Failure::default() };
        let mut card = Card::new(&Attributes::default(), "en", true);
        let frame = card.fail(slow);
        let Body::Failure { message, retry: Some(retry), .. } = body(&frame) else { panic!() };
        assert_eq!(message, "This card could not load its data: d.json did not answer within 30 seconds");
        assert_eq!((retry.label.as_str(), &retry.msg), ("Try again", &Msg::Retry));
        let again = card.send(&Msg::Retry, "en", "", "");
        assert!(matches!(again.effect, Some(Effect::Retry {})), "the element fetches again");
        // The WebAssembly trapped and the card was made again: said plainly, in the reader's language.
        let trapped = Failure { reason: "internal".into(), ..Failure::default() };
        let frame = Card::new(&Attributes::default(), "ru", true).fail(trapped);
        let Body::Failure { message, details, retry: Some(_) } = body(&frame) else { panic!() };
        assert!(message.starts_with("В карточке произошла внутренняя ошибка") && details.is_empty(), "{message}");
    }
}
