//! The first view: every partner grouped by region with the tone of its
//! latest period, and a bar chart of events per partner.

use super::catalogue::{fill, Messages};
use super::screen::{Bar, BarChart, Body, Button, ChipGroup, MapCountry, MapPicture, PartnerEntry, RegionGroup};
use super::state::{CardState, Msg};
use super::{legend, year_span, SEPARATOR};
use crate::hashing::FxMap;
use crate::joining::join;
use crate::json::Share;
use crate::model::{Membership, PartnerKind, Tone};
use crate::query::Index;
use crate::sorting::sort_by;

/// One partner before it is grouped.
struct Glance<'a> {
    region: &'a str,
    code: &'a str,
    name: &'a str,
    kind: PartnerKind,
    events: usize,
    tone: Option<Tone>,
    years: String,
    /// The subject's membership, if this is an organisation it belongs to.
    membership: Option<&'a Membership>,
}

pub(super) fn overview(index: &Index, state: &CardState, m: &'static Messages) -> (Body, String) {
    let ds = index.dataset();
    // Each partner's membership (the first, if a dataset gives two), by
    // partner slot: one pass, however many memberships (a map type the wasm has already).
    let slots: FxMap<&str, u16> = ds.partners.iter().enumerate().map(|(i, p)| (p.code.as_str(), i as u16)).collect();
    let mut memberships: Vec<Option<&Membership>> = vec![None; ds.partners.len()];
    for membership in &ds.memberships {
        if let Some(&slot) = slots.get(membership.organisation.as_str()) {
            memberships[usize::from(slot)].get_or_insert(membership);
        }
    }
    let glances: Vec<Glance> = ds
        .partners
        .iter()
        .zip(index.partner_glances())
        .zip(&memberships)
        .map(|((p, glance), membership)| Glance {
            region: super::said(&p.region, ds, m).0,
            code: &p.code,
            name: super::said(&p.name, ds, m).0,
            kind: p.kind,
            events: glance.event_count,
            tone: glance.current_tone,
            years: year_span(glance.first_year, glance.last_year),
            membership: *membership,
        })
        .collect();
    // Regions in order of how much there is to read, partners likewise.
    let mut regions: Vec<(&str, Vec<&Glance>)> = Vec::new();
    // (`FxMap<String, u32>`, the index's own map type: one map type less in the wasm.)
    let mut region_slots: FxMap<String, u32> = FxMap::default();
    for glance in &glances {
        match region_slots.get(glance.region) {
            Some(&slot) => regions[slot as usize].1.push(glance),
            None => {
                region_slots.insert(glance.region.to_string(), regions.len() as u32);
                regions.push((glance.region, vec![glance]));
            }
        }
    }
    let busiest_first = |a: &&Glance, b: &&Glance| b.events.cmp(&a.events).then_with(|| a.name.cmp(b.name));
    for (_, members) in &mut regions {
        sort_by(members, &busiest_first);
    }
    let weight = |members: &[&Glance]| members.iter().map(|g| g.events).sum::<usize>();
    sort_by(&mut regions, &|a, b| weight(&b.1).cmp(&weight(&a.1)).then_with(|| a.0.cmp(b.0)));
    let groups: Vec<RegionGroup> = regions
        .iter()
        .enumerate()
        .map(|(i, (region, members))| RegionGroup {
            id: format!("region-{i}"),
            title: region.to_string(),
            partners: members.iter().map(|g| entry(g, m)).collect(),
        })
        .collect();

    let announcement =
        fill(m.overview_said, &[("partners", &m.count(glances.len(), m.partners)), ("regions", &m.count(groups.len(), m.regions))]);
    let mut ranked: Vec<&Glance> = glances.iter().filter(|g| g.events > 0).collect();
    sort_by(&mut ranked, &busiest_first);
    // Same key both ways, so focus stays on the switch.
    let switch = Button::new("layout", if state.list { m.show_map } else { m.show_list }, Msg::ToggleList);
    if !state.list {
        let map = map(ds.subject.code.as_str(), super::said(&ds.subject.name, ds, m).0, &glances, &ranked, m);
        return (Body::Overview { map: Some(map), regions: Vec::new(), picture: None, switch }, announcement);
    }
    let most = ranked.first().map_or(1, |g| g.events).max(1);
    let bars: Vec<Bar> = ranked
        .iter()
        .map(|g| Bar { label: short_name(g), count: m.number(g.events as i64), share: Share(g.events as f64 / most as f64), tone: g.tone })
        .collect();
    let described: Vec<String> = ranked.iter().map(|g| described(g, m)).collect();
    let text = fill(m.bars_text, &[("list", &join(&described, m.comma))]);
    let picture = BarChart { legend: legend(ranked.iter().filter_map(|g| g.tone), m), bars, text, caption: m.ui.overview_caption };
    (Body::Overview { map: None, regions: groups, picture: Some(picture), switch }, announcement)
}

/// Organisations go by their short names: they fit beside a bar.
fn short_name(g: &Glance) -> String {
    if g.kind == PartnerKind::Organisation { g.code } else { g.name }.to_string()
}

/// "Afghanistan 57 (tense)".
fn described(g: &Glance, m: &Messages) -> String {
    match g.tone {
        Some(t) => format!("{} {} ({})", short_name(g), m.number(g.events as i64), m.tone(t)),
        None => format!("{} {}", short_name(g), m.number(g.events as i64)),
    }
}

/// The countries on the map, said when pointed at, and the organisations beside it.
fn map(subject: &str, subject_name: &str, glances: &[Glance], ranked: &[&Glance], m: &'static Messages) -> MapPicture {
    let countries: Vec<&Glance> = glances.iter().filter(|g| g.kind == PartnerKind::Country).collect();
    let label = |g: &Glance| {
        let mut parts: Vec<String> = g.tone.map(|t| m.tone(t).to_string()).into_iter().collect();
        parts.push(m.count(g.events, m.events));
        format!("{}: {}", g.name, join(&parts, SEPARATOR))
    };
    // Organisations with events, busiest first, then those the subject is
    // only a member of: what is known of them is the membership, not "0".
    let members_only = glances.iter().filter(|g| g.events == 0 && g.membership.is_some());
    let organisations = ranked
        .iter()
        .copied()
        .chain(members_only)
        .filter(|g| g.kind == PartnerKind::Organisation)
        .map(|g| {
            let (shown, said) = match g.events {
                0 => (g.code.to_string(), format!("{}{SEPARATOR}{}", g.code, member_detail(g, m))),
                n => (format!("{} {}", g.code, m.number(n as i64)), format!("{} {}", g.code, m.number(n as i64))),
            };
            // The name said after what shows, so a voice command by the visible text still works.
            let mut chip = Button::new(format!("partner-{}", g.code), shown, open(g));
            chip.aria_label = Some(format!("{said}{SEPARATOR}{}", g.name));
            chip
        })
        .collect();
    MapPicture {
        subject: subject.to_string(),
        subject_label: subject_name.to_string(),
        legend: legend(countries.iter().filter_map(|g| g.tone), m),
        countries: countries
            .iter()
            .map(|g| MapCountry {
                code: g.code.to_string(),
                key: format!("partner-{}", g.code),
                label: label(g),
                tone: g.tone,
                msg: open(g),
            })
            .collect(),
        organisations: ChipGroup { label: m.organisations, items: organisations },
        text: fill(m.map_text, &[("subject", subject_name)]),
        hint: m.map_hint,
    }
}

fn open(g: &Glance) -> Msg {
    Msg::OpenPartner { code: g.code.to_string() }
}

/// "member since October 2002": what the overview says of an organisation
/// no event names (empty when the subject is not a member).
fn member_detail(g: &Glance, m: &Messages) -> String {
    match g.membership.map(|ms| ms.joined) {
        Some(Some(date)) => fill(m.member_since[0], &[("date", &date.label_in(&m.months, m.circa))]),
        Some(None) => m.member_since[1].to_string(),
        None => String::new(),
    }
}

fn entry(g: &Glance, m: &'static Messages) -> PartnerEntry {
    // A member-only organisation says its membership, not "0 events".
    let count = if g.events == 0 && g.membership.is_some() { member_detail(g, m) } else { m.count(g.events, m.events) };
    PartnerEntry {
        key: format!("partner-{}", g.code),
        code: g.code.to_string(),
        name: g.name.to_string(),
        detail: if g.years.is_empty() { count } else { format!("{count}{SEPARATOR}{}", g.years) },
        tone: g.tone,
        tone_label: g.tone.map(|t| m.tone(t)),
        msg: open(g),
    }
}
