//! Every figure with its unit, on one scale per unit: approximate values
//! faded, ranges as spans, alternatives as dots.

use super::catalogue::{fill, Messages};
use super::more_button;
use super::record::Rows;
use super::screen::{Body, FigureChart, FigureShape};
use super::state::{CardState, PAGE};
use crate::hashing::FxMap;
use crate::json::Share;
use crate::model::Quantity;
use crate::query::{Index, Query, RecordData, RecordId, RecordKind, Sort};
use crate::sorting::sort_by;

/// A figure before its unit's scale is known: its record, how it is drawn
/// (`bar`, `approx`, `range`, `choices`), its low and high ends and its points.
type Row = (RecordId, &'static str, f64, f64, Vec<f64>);

pub(super) fn figures(index: &Index, state: &CardState, list: &mut Rows, m: &'static Messages) -> (Body, String) {
    let ds = index.dataset();
    let records = index
        .search(&Query { kinds: vec![RecordKind::Figure], sort: Sort::Date, ..Query::default() })
        .map(|a| a.records)
        .unwrap_or_default();
    // Per unit: its figures with their shapes in the unit's own numbers. A
    // figure comes from its record and a unit's list from a map, so that
    // twice the figures cost twice the time (a search by id for each, and
    // through the units, cost figures²); only the figures shown are worded.
    let mut units: Vec<(String, Vec<Row>)> = Vec::new();
    let mut unit_slots: FxMap<String, u32> = FxMap::default();
    for id in records {
        let RecordData::Figure(figure) = index.record(id) else { continue };
        let (shape, low, high, points) = match &figure.value {
            Quantity::Exact(v) => ("bar", 0.0, v.to_f64(), vec![v.to_f64()]),
            Quantity::Approx(v) => ("approx", 0.0, v.to_f64(), vec![v.to_f64()]),
            Quantity::Range(a, b) => ("range", a.to_f64(), b.to_f64(), vec![a.to_f64(), b.to_f64()]),
            Quantity::OneOf(values) => {
                let points: Vec<f64> = values.iter().map(|v| v.to_f64()).collect();
                let low = points.iter().copied().fold(f64::INFINITY, f64::min);
                let high = points.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                ("choices", low, high, points)
            }
        };
        let row = (id, shape, low, high, points);
        let unit = super::said(&figure.unit, ds, m).0;
        match unit_slots.get(unit) {
            Some(&slot) => units[slot as usize].1.push(row),
            None => {
                unit_slots.insert(unit.to_string(), units.len() as u32);
                units.push((unit.to_string(), vec![row]));
            }
        }
    }
    // Units with the most figures first.
    sort_by(&mut units, &|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
    let count: usize = units.iter().map(|(_, rows)| rows.len()).sum();
    let announcement = fill(m.figures_said, &[("numbers", &m.count(count, m.numbers)), ("units", &m.count(units.len(), m.units))]);
    // A page of figures at a time, whole units first: "show more" brings the rest.
    let mut left = PAGE + state.more;
    let charts: Vec<FigureChart> = units
        .into_iter()
        .filter(|(_, rows)| {
            let shown = left > 0;
            left = left.saturating_sub(rows.len());
            shown
        })
        .map(|(unit, rows)| {
            let top = rows.iter().map(|r| r.3).fold(0.0, f64::max);
            let scale = if top > 0.0 { top } else { 1.0 };
            let items = rows
                .into_iter()
                .map(|(id, kind, low, high, points)| {
                    let hit = super::record::hit(index, id, m);
                    let mut line = list.figure_line(&hit, true);
                    line.shape = Some(FigureShape {
                        kind,
                        start: Share(low / scale),
                        end: Share(high / scale),
                        points: points.into_iter().map(|p| Share(p / scale)).collect(),
                        disputed: hit.disputed,
                    });
                    line
                })
                .collect();
            FigureChart { unit, items }
        })
        .collect();
    let shown: usize = charts.iter().map(|c| c.items.len()).sum();
    (Body::Figures { charts, more: more_button(count - shown, m) }, announcement)
}
