//! Sets of record positions as bitsets: with records sorted by date, a set
//! in position order is a set in date order, and filters are word-wise ANDs.

/// A set of record positions.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Bits(Vec<u64>);

impl Bits {
    pub(crate) fn empty(len: usize) -> Self {
        Bits(vec![0; len.div_ceil(64)])
    }

    pub(crate) fn full(len: usize) -> Self {
        let mut bits = Bits(vec![u64::MAX; len.div_ceil(64)]);
        if len % 64 != 0 {
            if let Some(last) = bits.0.last_mut() {
                *last = (1u64 << (len % 64)) - 1;
            }
        }
        bits
    }

    pub(crate) fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    pub(crate) fn clear(&mut self, i: usize) {
        self.0[i / 64] &= !(1 << (i % 64));
    }

    /// Removes every position from `start` on.
    pub(crate) fn clear_from(&mut self, start: usize) {
        let word = start / 64;
        if let Some(w) = self.0.get_mut(word) {
            *w &= (1u64 << (start % 64)) - 1;
        }
        for w in self.0.iter_mut().skip(word + 1) {
            *w = 0;
        }
    }

    /// Keeps what is also in `other` (`keep`), or what is not (`!keep`).
    pub(crate) fn and_maybe_not(&mut self, other: &Bits, keep: bool) {
        let flip = if keep { 0 } else { u64::MAX };
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= b ^ flip;
        }
    }

    pub(crate) fn invert(&mut self) {
        for w in &mut self.0 {
            *w = !*w;
        }
    }

    /// One bit-slice of a vertical addition: `self + add + carry`, as the
    /// sum slice and the carry out (absent when nothing carries).
    pub(crate) fn add_with_carry(&self, add: Option<&Bits>, carry: Option<&Bits>) -> (Bits, Option<Bits>) {
        let zero = 0u64;
        let mut sum = Vec::with_capacity(self.0.len());
        let mut out = Vec::with_capacity(self.0.len());
        let mut any_carry = 0u64;
        for i in 0..self.0.len() {
            let a = self.0[i];
            let b = add.map_or(zero, |x| x.0[i]);
            let c = carry.map_or(zero, |x| x.0[i]);
            sum.push(a ^ b ^ c);
            let next = (a & b) | (a & c) | (b & c);
            any_carry |= next;
            out.push(next);
        }
        (Bits(sum), (any_carry != 0).then_some(Bits(out)))
    }

    pub(crate) fn bytes(&self) -> usize {
        self.0.len() * 8
    }

    pub(crate) fn has(&self, i: usize) -> bool {
        self.0[i / 64] >> (i % 64) & 1 == 1
    }

    pub(crate) fn and(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= b;
        }
    }

    pub(crate) fn or(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }

    pub(crate) fn count(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    pub(crate) fn count_and(&self, other: &Bits) -> usize {
        self.0.iter().zip(&other.0).map(|(a, b)| (a & b).count_ones() as usize).sum()
    }

    /// Positions from the highest down, without collecting them all.
    pub(crate) fn iter_desc(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().rev().flat_map(|(w, &word)| {
            let mut word = word;
            std::iter::from_fn(move || {
                if word == 0 {
                    return None;
                }
                let top = 63 - word.leading_zeros() as usize;
                word &= !(1u64 << top);
                Some(w * 64 + top)
            })
        })
    }

    pub(crate) fn iter_asc(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(w, &word)| {
            let mut word = word;
            std::iter::from_fn(move || {
                if word == 0 {
                    return None;
                }
                let low = word.trailing_zeros() as usize;
                word &= word - 1;
                Some(w * 64 + low)
            })
        })
    }
}
