//! `make bench` (views): the time to draw the views whose work grows with the
//! number of partners or figures, on wide synthetic datasets (`synth::wide`)
//! of growing size. Each step doubles both; a view that costs twice the time
//! per step grows linearly, four times quadratically. A benchmark prints
//! numbers; it asserts nothing about time.

use std::rc::Rc;
use std::time::Instant;

use relations_card::query::Index;
use relations_card::synth;
use relations_card::view::{Attributes, Card, Msg, View};

/// Partners and figures of each step, at most the card's limits.
const STEPS: [(usize, usize); 3] = [(250, 5_000), (500, 10_000), (1_000, 20_000)];
const EVENTS: usize = 2_000;
const ROUNDS: usize = 5;

/// The median time to draw `view` afresh, in milliseconds.
fn draw(index: &Rc<Index>, view: View) -> f64 {
    let mut times: Vec<f64> = (0..ROUNDS)
        .map(|_| {
            let mut card = Card::new(&Attributes::default(), "en", false);
            card.show(Rc::clone(index));
            let started = Instant::now();
            let frame = card.send(&Msg::Show { view }, "en", "", "2026-12-02");
            let took = started.elapsed().as_secs_f64() * 1e3;
            std::hint::black_box(frame);
            took
        })
        .collect();
    times.sort_by(|a, b| a.total_cmp(b));
    times[ROUNDS / 2]
}

fn main() {
    println!("drawing a view afresh ({EVENTS} events; median of {ROUNDS}; ms)");
    println!("{:>9} {:>8} {:>10} {:>10} {:>10} {:>10}", "partners", "figures", "overview", "timeline", "figures", "sources");
    for (partners, figures) in STEPS {
        let index = Rc::new(Index::new(synth::wide(42, partners, EVENTS, figures)));
        println!(
            "{partners:>9} {figures:>8} {:>10.1} {:>10.1} {:>10.1} {:>10.1}",
            draw(&index, View::Overview),
            draw(&index, View::Timeline),
            draw(&index, View::Figures),
            draw(&index, View::Sources),
        );
    }
}
