//! `make bench` (native half): index build time, memory and query latency of
//! the core engine on synthetic datasets of 200, 10,000 and 100,000 events.
//! The WebAssembly and JavaScript half is `scripts/bench.mjs`. A benchmark
//! prints numbers; it asserts nothing about time.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use relations_card::model::Theme;
use relations_card::query::{Index, Query, Sort};
use relations_card::synth::{self, Rng};

/// Counts live heap bytes, so memory is measured, not estimated.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size, Ordering::Relaxed);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const QUERIES: usize = 1000;
const PAGE: usize = 20;

fn mb(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

/// Median and 99th percentile, in microseconds.
fn percentiles(mut micros: Vec<f64>) -> (f64, f64) {
    micros.sort_by(|a, b| a.total_cmp(b));
    let at = |q: f64| micros[((micros.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.99))
}

fn time_queries(index: &Index, queries: &[Query]) -> (f64, f64, usize) {
    for query in queries.iter().take(100) {
        let _ = index.search(query);
    }
    let mut micros = Vec::with_capacity(queries.len());
    let mut hits = 0;
    for query in queries {
        let started = Instant::now();
        let answer = index.search(query).expect("benchmark queries are valid");
        micros.push(started.elapsed().as_secs_f64() * 1e6);
        hits += answer.total;
    }
    let (p50, p99) = percentiles(micros);
    (p50, p99, hits / queries.len())
}

fn words_of(dataset: &relations_card::Dataset) -> Vec<Vec<String>> {
    dataset
        .events
        .iter()
        .map(|e| {
            relations_card::text::words(&format!("{} {}", e.title, e.summary))
                .into_iter()
                .filter(|w| !relations_card::text::is_stop_word(w) && w.chars().count() > 2)
                .collect()
        })
        .collect()
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip_while(|a| a != "--sizes")
        .nth(1)
        .map(|s| s.split(',').filter_map(|n| n.parse().ok()).collect())
        .unwrap_or_else(|| vec![200, 10_000, 100_000]);
    println!("native engine ({} queries of each kind, first page of {PAGE}; latency in µs)", QUERIES);
    println!(
        "{:>8} {:>10} {:>10} {:>10} | {:>17} {:>17} {:>17} {:>17}",
        "events", "build", "index", "dataset", "one word p50/p99", "two words p50/p99", "typing p50/p99", "filter p50/p99"
    );
    for &n in &sizes {
        let before = LIVE.load(Ordering::Relaxed);
        let dataset = synth::dataset(42, n);
        let dataset_bytes = LIVE.load(Ordering::Relaxed) - before;
        let words = words_of(&dataset);
        let partners: Vec<String> = dataset.partners.iter().map(|p| p.code.clone()).collect();

        let before = LIVE.load(Ordering::Relaxed);
        let started = Instant::now();
        let index = Index::new(dataset);
        let build = started.elapsed();
        let index_bytes = LIVE.load(Ordering::Relaxed) - before;

        let mut rng = Rng::new(7);
        let text = |t: String| Query { text: t, limit: Some(PAGE), ..Query::default() };
        let mut one = Vec::new();
        let mut two = Vec::new();
        let mut typing = Vec::new();
        while one.len() < QUERIES {
            let event = rng.pick(&words);
            if event.len() < 2 {
                continue;
            }
            let a = rng.pick(event).clone();
            let b = rng.pick(event).clone();
            one.push(text(a.clone()));
            two.push(text(format!("{a} {b}")));
        }
        while typing.len() < QUERIES {
            let event = rng.pick(&words);
            if event.is_empty() {
                continue;
            }
            let word: Vec<char> = rng.pick(event).chars().collect();
            for len in 2..=word.len() {
                typing.push(text(word[..len].iter().collect()));
            }
        }
        typing.truncate(QUERIES);
        let filters: Vec<Query> = (0..QUERIES)
            .map(|_| {
                let from = 1991 + rng.below(30) as i32;
                Query {
                    partners: vec![rng.pick(&partners).clone()],
                    themes: vec![*rng.pick(&Theme::ALL)],
                    from: Some(from),
                    to: Some(from + 3 + rng.below(8) as i32),
                    sort: Sort::DateDesc,
                    limit: Some(PAGE),
                    ..Query::default()
                }
            })
            .collect();

        let cell = |(p50, p99, _): (f64, f64, usize)| format!("{p50:>8.1}/{p99:<8.1}");
        println!(
            "{n:>8} {:>8.1}ms {:>10} {:>10} | {} {} {} {}",
            build.as_secs_f64() * 1e3,
            mb(index_bytes),
            mb(dataset_bytes),
            cell(time_queries(&index, &one)),
            cell(time_queries(&index, &two)),
            cell(time_queries(&index, &typing)),
            cell(time_queries(&index, &filters)),
        );
    }
    problems_curve(&sizes);
}

/// How long a file with a mistake in every event takes to be refused: the
/// time should grow with the file, not with its square (issue 16); the
/// problems said are capped, the rest counted.
fn problems_curve(sizes: &[usize]) {
    println!("validating a file with one mistake per event of kind \"event\" (made an unknown kind)");
    println!("{:>8} {:>10} {:>10} {:>10}", "events", "bytes", "time", "said");
    for &n in sizes {
        let text = relations_card::json::to_string(&synth::dataset(42, n)).replace("\"kind\":\"event\"", "\"kind\":\"happening\"");
        let started = Instant::now();
        let problems = relations_card::load(&text).err().unwrap_or_default();
        let took = started.elapsed();
        println!("{n:>8} {:>10} {:>8.1}ms {:>10}", text.len(), took.as_secs_f64() * 1e3, problems.len());
    }
}
