//! The first view: every partner grouped by region with the tone of its
//! latest period, and a bar chart of events per partner.

use super::catalogue::{fill, Messages};
use super::screen::{Bar, BarChart, Body, PartnerEntry, RegionGroup};
use super::state::Msg;
use super::{legend, year_span, SEPARATOR};
use crate::joining::join;
use crate::json::Share;
use crate::model::{PartnerKind, Tone};
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
}

pub(super) fn overview(index: &Index, m: &'static Messages) -> (Body, String) {
    let ds = index.dataset();
    let glances: Vec<Glance> = ds
        .partners
        .iter()
        .filter_map(|p| {
            let glance = index.partner_glance(&p.code).ok()?;
            Some(Glance {
                region: &p.region,
                code: &p.code,
                name: &p.name,
                kind: p.kind,
                events: glance.event_count,
                tone: glance.current_tone,
                years: year_span(glance.first_year, glance.last_year),
            })
        })
        .collect();
    // Regions in order of how much there is to read, partners likewise.
    let mut regions: Vec<(&str, Vec<&Glance>)> = Vec::new();
    for glance in &glances {
        match regions.iter_mut().find(|(region, _)| *region == glance.region) {
            Some((_, members)) => members.push(glance),
            None => regions.push((glance.region, vec![glance])),
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

    let mut ranked: Vec<&Glance> = glances.iter().filter(|g| g.events > 0).collect();
    sort_by(&mut ranked, &busiest_first);
    let most = ranked.first().map_or(1, |g| g.events).max(1);
    // Organisations go by their short names: they fit beside a bar.
    let label = |g: &Glance| if g.kind == PartnerKind::Organisation { g.code } else { g.name }.to_string();
    let bars: Vec<Bar> = ranked
        .iter()
        .map(|g| Bar { label: label(g), count: m.number(g.events as i64), share: Share(g.events as f64 / most as f64), tone: g.tone })
        .collect();
    let described: Vec<String> = ranked
        .iter()
        .map(|g| match g.tone {
            Some(t) => format!("{} {} ({})", label(g), m.number(g.events as i64), m.tone(t)),
            None => format!("{} {}", label(g), m.number(g.events as i64)),
        })
        .collect();
    let text = fill(m.bars_text, &[("list", &join(&described, m.comma))]);
    let announcement =
        fill(m.overview_said, &[("partners", &m.count(glances.len(), m.partners)), ("regions", &m.count(groups.len(), m.regions))]);
    let picture = BarChart { legend: legend(ranked.iter().filter_map(|g| g.tone), m), bars, text, caption: m.ui.overview_caption };
    (Body::Overview { regions: groups, picture }, announcement)
}

fn entry(g: &Glance, m: &'static Messages) -> PartnerEntry {
    let count = m.count(g.events, m.events);
    PartnerEntry {
        key: format!("partner-{}", g.code),
        code: g.code.to_string(),
        name: g.name.to_string(),
        detail: if g.years.is_empty() { count } else { format!("{count}{SEPARATOR}{}", g.years) },
        tone: g.tone,
        tone_label: g.tone.map(|t| m.tone(t)),
        msg: Msg::OpenPartner { code: g.code.to_string() },
    }
}
