//! One sort for the whole crate. Every `sort_by` with its own closure
//! compiles its own copy of the standard library's sort (3–4 KB of wasm
//! each, a fifth of the module once); here all of them share one copy,
//! which sorts positions and compares through a reference to the closure.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order.
pub fn sort_by<T>(items: &mut [T], compare: &dyn Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    sort_positions(&mut order, &|a, b| compare(&items[a as usize], &items[b as usize]));
    // Position i takes the item at order[i]: each cycle of the permutation
    // is walked with swaps, in place.
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut i = start;
        while !placed[i] {
            placed[i] = true;
            let from = order[i] as usize;
            if from == start {
                break;
            }
            items.swap(i, from);
            i = from;
        }
    }
}

/// Sorts by a key, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: &dyn Fn(&T) -> K) {
    sort_by(items, &|a, b| key(a).cmp(&key(b)));
}

/// The one place the standard sort is instantiated.
#[inline(never)]
fn sort_positions(order: &mut [u32], compare: &dyn Fn(u32, u32) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_sort() {
        let mut items: Vec<(u8, char)> = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        let mut expected = items.clone();
        expected.sort_by_key(|i| i.0);
        sort_by_key(&mut items, &|i| i.0);
        assert_eq!(items, expected);
        sort_by(&mut items, &|a, b| b.cmp(a));
        assert_eq!(items, [(3, 'c'), (3, 'a'), (1, 'e'), (1, 'b'), (0, 'd')]);
        let mut one = vec![String::from("x")];
        sort_by(&mut one, &|a, b| a.cmp(b));
        assert_eq!(one, ["x"]);
    }
}
