//! The one hash map of the crate: FxHash (as in rustc), much faster than
//! SipHash for short keys. The keys are the dataset's own words and ids, and
//! a reader's browser has no one to defend against by randomising them; one
//! hasher also keeps a single copy of the hashing code in the wasm.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

/// The hasher state: one word, rotated, xor-ed and multiplied per 8 bytes.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub type FxSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;
