//! The card's attributes as a page writes them (or a URL fragment holds
//! them), the state they ask for, with what was wrong with them said in the
//! reader's language, and back: the attributes the card reflects.

use super::catalogue::{fill, Messages};
use super::state::{search_text, CardState, View};
use crate::joining::join;
use crate::json::{Path, Reader, Value};
use crate::model::Theme;

crate::json::object! {
    /// The card's attributes as a page writes them (or a URL fragment holds
    /// them); each may be absent (`null`: the element removes it). `theme`
    /// lists theme keys, separated by spaces or commas.
    #[derive(Default, Eq)]
    pub struct Attributes {
        view: Option<String> => "view",
        partner: Option<String> => "partner",
        theme: Option<String> => "theme",
        from: Option<String> => "from",
        to: Option<String> => "to",
        q: Option<String> => "q",
        /// The frame's height: `auto`, a number of pixels, or a CSS length.
        height: Option<String> => "height",
    }
}

/// Every attribute `<relations-card>` reads, as the README's attribute table
/// lists them: a name the element has besides these (and HTML's own) is a
/// mistake, most often a misspelling that would otherwise pass in silence.
pub const ELEMENT_ATTRIBUTES: [&str; 11] =
    ["view", "partner", "theme", "from", "to", "q", "height", "src", "own-data", "url-state", "color-scheme"];

/// HTML's global attributes, which any element may carry (`data-*`,
/// `aria-*` and `on…` handlers are recognised by their prefixes).
const GLOBAL_ATTRIBUTES: [&str; 30] = [
    "accesskey",
    "anchor",
    "autocapitalize",
    "autocorrect",
    "autofocus",
    "class",
    "contenteditable",
    "dir",
    "draggable",
    "enterkeyhint",
    "exportparts",
    "hidden",
    "id",
    "inert",
    "inputmode",
    "is",
    "itemid",
    "itemprop",
    "itemref",
    "itemscope",
    "itemtype",
    "lang",
    "nonce",
    "part",
    "popover",
    "role",
    "slot",
    "spellcheck",
    "style",
    "tabindex",
];
const GLOBAL_PREFIXES: [&str; 3] = ["data-", "aria-", "on"];

/// For the console: each name on the element that is neither the card's nor
/// HTML's, with the card's attribute it is nearest to when one is near
/// (`scr` → "did you mean src?"). Names are compared as HTML gives them, in
/// lower case; `title` and `translate` are HTML's too.
pub fn unknown_attributes(names: &[&str]) -> Vec<String> {
    let mut said = Vec::new();
    for &name in names {
        let known = |list: &[&str]| list.contains(&name);
        if known(&ELEMENT_ATTRIBUTES)
            || known(&GLOBAL_ATTRIBUTES)
            || known(&["title", "translate"])
            || GLOBAL_PREFIXES.iter().any(|prefix| name.starts_with(prefix))
        {
            continue;
        }
        let mut nearest = ("", usize::MAX);
        for known in ELEMENT_ATTRIBUTES {
            let distance = edit_distance(name.as_bytes(), known.as_bytes());
            if distance < nearest.1 {
                nearest = (known, distance);
            }
        }
        let hint = if nearest.1 <= 2 && nearest.1 < name.len() {
            format!(": did you mean {}?", nearest.0)
        } else {
            format!("; it reads {}", join(&ELEMENT_ATTRIBUTES, ", "))
        };
        said.push(format!("<relations-card> has no attribute \"{name}\" (it is ignored){hint}"));
    }
    said
}

/// Edits (a letter added, dropped, changed, or two swapped) from `a` to `b`;
/// attribute names are ASCII, so bytes are letters.
fn edit_distance(a: &[u8], b: &[u8]) -> usize {
    // Three rows of the table: two back (for a swap), the last, and this one.
    let mut before: Vec<usize> = Vec::new();
    let mut last: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let change = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (last[j] + 1).min(row[j - 1] + 1).min(last[j - 1] + change);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(before[j - 2] + 1);
            }
        }
        before = std::mem::replace(&mut last, row);
    }
    last[b.len()]
}

/// How many unknown words an attribute's message names.
const MAX_NAMED: usize = 5;

impl Attributes {
    /// Attributes as a page would write them, by name (for tests).
    #[cfg(test)]
    pub(crate) fn from_pairs(pairs: &[(&str, &str)]) -> Attributes {
        let get = |name: &str| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string());
        Attributes {
            view: get("view"),
            partner: get("partner"),
            theme: get("theme"),
            from: get("from"),
            to: get("to"),
            q: get("q"),
            height: get("height"),
        }
    }

    /// Reads `{ view: "partner", partner: "IR", … }`; absent and null are the same.
    pub fn read(r: &mut Reader, value: &Value, path: &Path) -> Option<Attributes> {
        let f = r.object(value, path, &Attributes::FIELDS)?;
        let mut read = |name: &'static str| match f.optional(name) {
            Some(v) => r.string(v, &path.key(name)).map(Some),
            None => Some(None),
        };
        let (view, partner, theme, from, to, q) = (read("view"), read("partner"), read("theme"), read("from"), read("to"), read("q"));
        let height = read("height");
        Some(Attributes { view: view?, partner: partner?, theme: theme?, from: from?, to: to?, q: q?, height: height? })
    }
}

/// The frame's height as CSS, from a `height` attribute: `auto` (the card
/// as tall as what it shows), a number of pixels, or a length in `px`,
/// `em`, `rem` or a viewport unit. `Err` says why it is not one.
pub(super) fn frame_height(text: &str, m: &Messages) -> Result<String, String> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("auto") {
        return Ok("auto".to_string());
    }
    let number_end = text.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(text.len());
    let (number, unit) = text.split_at(number_end);
    let unit = unit.trim().to_ascii_lowercase();
    let digits = number.bytes().filter(u8::is_ascii_digit).count();
    let sensible = digits > 0
        && digits <= 5
        && number.matches('.').count() <= 1
        && !number.ends_with('.')
        && number.bytes().any(|b| (b'1'..=b'9').contains(&b));
    match unit.as_str() {
        "" if sensible => Ok(format!("{number}px")),
        "px" | "em" | "rem" | "vh" | "svh" | "lvh" | "dvh" if sensible => Ok(format!("{number}{unit}")),
        _ => Err(fill(m.not_a_height, &[("value", text)])),
    }
}

/// A year as attributes write it: `1992`, `-500`; up to four digits.
pub(super) fn attribute_year(text: &str) -> Option<i32> {
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
                problems.push(fill(m.unknown_view, &[("value", text), ("views", &join(&View::KEYS, m.comma))]));
                fallback
            }),
        };
        if state.view == View::Partner && state.partner.is_none() {
            state.view = View::Overview;
        }
        let themes = given(&attributes.theme).unwrap_or("").replace([',', '\t', '\n'], " ");
        let mut unknown: Vec<&str> = Vec::new();
        for word in themes.split(' ').filter(|w| !w.is_empty()) {
            match Theme::parse(word) {
                Some(theme) if !state.themes.contains(&theme) => state.themes.push(theme),
                Some(_) => {}
                None => unknown.push(word),
            }
        }
        // One message for all of them, naming a few: a long attribute is not a long list of alerts.
        if !unknown.is_empty() {
            let mut named = join(&unknown[..unknown.len().min(MAX_NAMED)], m.comma);
            if unknown.len() > MAX_NAMED {
                named.push_str(m.comma);
                named.push('…');
            }
            problems.push(fill(m.unknown_theme, &[("value", &named), ("themes", &join(&Theme::KEYS, m.comma))]));
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
        let themes: Vec<&str> = self.themes.iter().map(|t| t.key()).collect();
        Attributes {
            // After "back" the overview keeps its partner (the timeline's
            // filter): the view is then named, or a link would open the partner.
            view: (self.view != View::Overview || self.partner.is_some()).then(|| self.view.key().to_string()),
            partner: self.partner.clone(),
            theme: text(join(&themes, " ")),
            from: self.from.map(|y| y.to_string()),
            to: self.to.map(|y| y.to_string()),
            q: text(self.q.clone()),
            // Not the reader's to change: reflected as the page wrote it.
            height: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::state::{update, Msg};

    /// `scr=` for `src=` showed the built-in card without a word.
    #[test]
    fn an_unknown_attribute_is_named_with_the_nearest_known_one() {
        let names = |list: &[&'static str]| list.to_vec();
        let said = unknown_attributes(&names(&["scr", "id", "class", "data-x", "aria-label", "onclick", "lang", "src", "partnr"]));
        assert_eq!(
            said,
            [
                "<relations-card> has no attribute \"scr\" (it is ignored): did you mean src?",
                "<relations-card> has no attribute \"partnr\" (it is ignored): did you mean partner?",
            ]
        );
        let said = unknown_attributes(&names(&["colour-scheme", "owndata", "url_state", "hieght", "themes", "form"]));
        let suggested: Vec<&str> = said.iter().map(|s| s.rsplit(' ').next().unwrap()).collect();
        assert_eq!(suggested, ["color-scheme?", "own-data?", "url-state?", "height?", "theme?", "from?"]);
        let far = unknown_attributes(&names(&["dataset"]));
        assert!(far[0].ends_with("it reads view, partner, theme, from, to, q, height, src, own-data, url-state, color-scheme"), "{far:?}");
        assert!(unknown_attributes(&names(&ELEMENT_ATTRIBUTES)).is_empty());
        assert!(unknown_attributes(&names(&["x"]))[0].contains("it reads"), "one letter is not 'near' q");
    }

    #[test]
    fn edits_count_a_swap_as_one() {
        assert_eq!(edit_distance(b"scr", b"src"), 1);
        assert_eq!(edit_distance(b"", b"abc"), 3);
        assert_eq!(edit_distance(b"kitten", b"sitting"), 3);
        assert_eq!(edit_distance(b"same", b"same"), 0);
    }

    /// The README's attribute table lists what the element reads, no more, no less.
    #[test]
    fn the_readme_lists_every_attribute_the_element_reads() {
        let readme = include_str!("../../README.md");
        let table: Vec<&str> =
            readme.lines().skip_while(|l| !l.starts_with("| attribute / property |")).take_while(|l| l.starts_with('|')).collect();
        let mut listed: Vec<String> = Vec::new();
        for line in &table[2..] {
            let first = line.split('|').nth(1).unwrap();
            for name in first.split('`').skip(1).step_by(2).filter(|n| !n.starts_with('.') && !n.contains(' ')) {
                if name != "lang" {
                    listed.push(name.to_string());
                }
            }
        }
        let mut known: Vec<String> = ELEMENT_ATTRIBUTES.iter().map(|n| n.to_string()).collect();
        known.sort();
        listed.sort();
        listed.dedup();
        assert_eq!(listed, known);
    }

    #[test]
    fn attributes_set_the_first_view_and_say_what_was_wrong() {
        let attributes = Attributes::from_pairs;
        let en = &super::super::catalogue::EN;
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
        let (_, problems) = CardState::from_attributes(&attributes(&[("view", "map")]), super::super::catalogue::for_locale("ru"));
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
}
