//! Deterministic synthetic datasets for benchmarks and property tests: a seed
//! and a size in, a valid dataset out, with the built-in partners and sources,
//! dates at mixed precision from 1991 to 2025, one to three partners and
//! themes per event, and titles and summaries drawn from templates and
//! generated place and person names, so the vocabulary grows with the size
//! as real text does. The same seed always gives the same dataset.

use crate::date::{DateSpec, PartialDate};
use crate::decimal::Decimal;
use crate::model::{Citation, Dataset, Event, EventKind, Figure, Partner, PartnerKind, Quantity, Text, Theme};

/// SplitMix64: small, fast and good enough to spread test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Skewed towards the start of `items`, as attention is among partners.
    pub fn pick_skewed<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let a = self.below(items.len());
        let b = self.below(items.len());
        &items[a.min(b)]
    }
}

const SYLLABLES: [&str; 24] = [
    "ka", "ro", "mi", "shu", "da", "zan", "bek", "ol", "nur", "ya", "tash", "kul", "vah", "ob", "sa", "rin", "gul", "dor", "ib", "kho",
    "par", "se", "zi", "mon",
];
const VERBS: [&str; 12] =
    ["signs", "discusses", "expands", "reviews", "launches", "suspends", "renews", "opens", "finances", "completes", "proposes", "hosts"];
const OBJECTS: [&str; 20] = [
    "a transit agreement",
    "a border protocol",
    "an energy memorandum",
    "a water-sharing plan",
    "a trade roadmap",
    "a security dialogue",
    "a drug-control programme",
    "a refugee return scheme",
    "a cultural exchange",
    "a railway project",
    "a hydropower deal",
    "an investment fund",
    "a customs accord",
    "a military exercise",
    "an aid package",
    "a road corridor",
    "a power line",
    "an education grant",
    "a visa regime",
    "a joint commission",
];
const OFFICIALS: [&str; 8] = [
    "president",
    "foreign minister",
    "defence minister",
    "prime minister",
    "trade delegation",
    "parliament speaker",
    "energy minister",
    "border service chief",
];
const DETAILS: [&str; 16] = [
    "The talks covered tariffs, transit fees and border crossings",
    "Officials promised to meet again before the end of the year",
    "Both sides described the meeting as constructive",
    "Analysts expect the deal to raise electricity exports",
    "Critics said the plan ignored drought in the lower valleys",
    "The agreement includes training for customs officers",
    "Several contracts for cement and aluminium were also announced",
    "Observers noted tension over the disputed enclaves",
    "The project depends on loans from development banks",
    "Refugee organisations welcomed the new registration rules",
    "A working group will draft the technical annexes",
    "The visit followed months of frosty relations",
    "Security forces reported fewer smuggling attempts afterwards",
    "Students and teachers will take part in the exchange",
    "The memorandum sets targets for trade turnover",
    "Mosque construction and religious education were also discussed",
];

fn name(rng: &mut Rng, syllables: usize) -> String {
    let mut out = String::new();
    for _ in 0..syllables {
        out.push_str(SYLLABLES[rng.below(SYLLABLES.len())]);
    }
    let mut chars = out.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => out,
    }
}

fn date(rng: &mut Rng) -> DateSpec {
    let year = 1991 + rng.below(35) as i32;
    let month = 1 + rng.below(12) as u8;
    let day = 1 + rng.below(28) as u8;
    let point = |precision: usize| match precision {
        0 => PartialDate { year, month: Some(month), day: Some(day) },
        1 => PartialDate { year, month: Some(month), day: None },
        _ => PartialDate::year(year),
    };
    match rng.below(10) {
        0..=2 => DateSpec { start: point(0), end: None, approximate: false },
        3..=6 => DateSpec { start: point(1), end: None, approximate: false },
        7 => DateSpec { start: point(2), end: None, approximate: false },
        8 => DateSpec { start: point(2), end: Some(PartialDate::year(year + 1 + rng.below(5) as i32)), approximate: false },
        _ => DateSpec { start: point(2), end: None, approximate: true },
    }
}

/// A valid dataset with `events` events, the built-in partners and sources.
pub fn dataset(seed: u64, events: usize) -> Dataset {
    let builtin = crate::builtin();
    let mut rng = Rng::new(seed);
    let partners: Vec<&str> = builtin.partners.iter().map(|p| p.code.as_str()).collect();
    let names: Vec<&str> = builtin.partners.iter().map(|p| p.name.as_str()).collect();
    let sources: Vec<&str> = builtin.sources.iter().map(|s| s.id.as_str()).collect();
    // Places and people grow with the dataset, as a real corpus's names do.
    let places: Vec<String> = (0..(events / 20).max(20))
        .map(|_| {
            let syllables = 2 + rng.below(2);
            name(&mut rng, syllables)
        })
        .collect();
    let people: Vec<String> = (0..(events / 10).max(20))
        .map(|_| {
            let syllables = 2 + rng.below(2);
            name(&mut rng, syllables)
        })
        .collect();

    let mut list = Vec::with_capacity(events);
    for i in 0..events {
        let mut codes: Vec<String> = Vec::new();
        for _ in 0..1 + rng.below(3) {
            let code = rng.pick_skewed(&partners).to_string();
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
        let mut themes: Vec<Theme> = Vec::new();
        for _ in 0..1 + rng.below(3) {
            let theme = *rng.pick(&Theme::ALL);
            if !themes.contains(&theme) {
                themes.push(theme);
            }
        }
        let partner_name = names[partners.iter().position(|p| *p == codes[0]).unwrap_or(0)];
        let place = rng.pick(&places).clone();
        let person = rng.pick(&people).clone();
        let object = *rng.pick(&OBJECTS);
        let title = match rng.below(4) {
            0 => format!("Tajikistan {} {object} with {partner_name}", rng.pick(&VERBS)),
            1 => format!("{partner_name}'s {} visits {place}", rng.pick(&OFFICIALS)),
            2 => format!("Talks in {place} on {object}"),
            _ => format!("{person} leads {object} with {partner_name}"),
        };
        let summary = format!("{}. {} in {place}, according to {person}.", rng.pick(&DETAILS), rng.pick(&DETAILS));
        list.push(Event {
            id: format!("synth-{i}"),
            kind: if rng.below(3) == 0 { EventKind::Agreement } else { EventKind::Event },
            date: date(&mut rng),
            partners: codes,
            themes,
            title: title.into(),
            summary: summary.into(),
            as_of: None,
            sources: vec![Citation { source: rng.pick(&sources).to_string(), locator: format!("¶{}", 1 + rng.below(40)) }],
        });
    }
    Dataset {
        schema_version: builtin.schema_version,
        subject: builtin.subject.clone(),
        language: Some("en".into()),
        about: None,
        title: format!("Synthetic dataset (seed {seed}, {events} events)").into(),
        sources: builtin.sources.clone(),
        partners: builtin.partners.clone(),
        places: Vec::new(),
        events: list,
        figures: Vec::new(),
        periods: Vec::new(),
        memberships: Vec::new(),
        disputes: Vec::new(),
    }
}

/// A dataset as wide as the card allows: `partners` partners in twenty
/// regions, `events` events among them, and `figures` figures in fifty units,
/// for timing the views whose cost grows with partners or figures.
pub fn wide(seed: u64, partners: usize, events: usize, figures: usize) -> Dataset {
    let mut dataset = dataset(seed, events);
    let mut rng = Rng::new(seed ^ 0x5157);
    // Two capital letters for a country (there are 676 such codes, the
    // subject's aside), so every third partner is an organisation.
    let subject = dataset.subject.code.clone();
    let mut country_codes = (0..26 * 26u16)
        .map(|c| format!("{}{}", char::from(b'A' + (c / 26) as u8), char::from(b'A' + (c % 26) as u8)))
        .filter(|c| *c != subject);
    dataset.partners = (0..partners)
        .map(|i| Partner {
            code: match i % 3 {
                0 => format!("ORG{i}"),
                _ => country_codes.next().unwrap_or_else(|| format!("ORG{i}")),
            },
            kind: if i % 3 == 0 { PartnerKind::Organisation } else { PartnerKind::Country },
            name: name(&mut rng, 3).into(),
            aliases: Vec::new(),
            region: format!("Region {}", i % 20).into(),
        })
        .collect();
    let codes: Vec<String> = dataset.partners.iter().map(|p| p.code.clone()).collect();
    for event in &mut dataset.events {
        event.partners = vec![rng.pick(&codes).clone()];
    }
    let source = dataset.sources[0].id.clone();
    dataset.figures = (0..figures)
        .map(|i| Figure {
            id: format!("figure-{i}"),
            date: date(&mut rng),
            partners: vec![rng.pick(&codes).clone()],
            themes: vec![*rng.pick(&Theme::ALL)],
            title: format!("Measure {}", name(&mut rng, 2)).into(),
            value: Quantity::Exact(Decimal::new(1 + rng.below(100_000) as i64, 0).unwrap_or(Decimal::ZERO)),
            unit: format!("unit {}", i % 50).into(),
            summary: Text::default(),
            as_of: None,
            sources: vec![Citation { source: source.clone(), locator: "¶1".into() }],
        })
        .collect();
    dataset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_dataset_and_it_validates() {
        let a = dataset(7, 300);
        assert_eq!(a, dataset(7, 300));
        assert_ne!(a, dataset(8, 300));
        assert!(crate::validate::check(&a).is_empty(), "{:?}", crate::validate::check(&a).first());
        assert_eq!(a.events.len(), 300);
    }

    #[test]
    fn a_wide_dataset_validates() {
        let wide = wide(7, 300, 200, 500);
        assert_eq!((wide.partners.len(), wide.events.len(), wide.figures.len()), (300, 200, 500));
        assert!(crate::validate::check(&wide).is_empty(), "{:?}", crate::validate::check(&wide).first());
    }
}
