//! Numbers as the sources write them: a whole number of tenths, hundredths…
//! Figures are read, compared and shown exactly ("12.09" stays 12.09), and
//! the build needs no float parsing or printing code, which is large in wasm.

use std::cmp::Ordering;

/// `digits / 10^scale`, with trailing fractional zeros removed, so equal
/// numbers have equal fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Decimal {
    digits: i64,
    scale: u8,
}

/// Enough for every figure a source prints; more is refused, not rounded.
pub const MAX_SCALE: u8 = 9;

impl Decimal {
    pub const ZERO: Decimal = Decimal { digits: 0, scale: 0 };

    /// `digits / 10^scale`; `None` when the scale is over `MAX_SCALE`.
    pub fn new(mut digits: i64, mut scale: u8) -> Option<Decimal> {
        while scale > 0 && digits % 10 == 0 {
            digits /= 10;
            scale -= 1;
        }
        (scale <= MAX_SCALE).then_some(Decimal { digits, scale })
    }

    pub fn whole(value: i64) -> Decimal {
        Decimal { digits: value, scale: 0 }
    }

    /// The value when it has no fractional part.
    pub fn as_whole(self) -> Option<i64> {
        (self.scale == 0).then_some(self.digits)
    }

    pub fn is_negative(self) -> bool {
        self.digits < 0
    }

    /// For drawing only: the nearest `f64`.
    pub fn to_f64(self) -> f64 {
        self.digits as f64 / 10f64.powi(i32::from(self.scale))
    }

    /// The sign, the size of the whole part and the fractional digits as
    /// written (`-12.09` → "-", 12, "09"), so a locale can group the whole
    /// part and choose the decimal mark. The sign stands apart because
    /// -0.5 has a whole part of 0, which has no sign of its own.
    pub fn parts(self) -> (&'static str, u64, String) {
        let sign = if self.digits < 0 { "-" } else { "" };
        let unit = 10u64.pow(u32::from(self.scale));
        let size = self.digits.unsigned_abs();
        let fraction = match self.scale {
            0 => String::new(),
            scale => format!("{:0width$}", size % unit, width = usize::from(scale)),
        };
        (sign, size / unit, fraction)
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        // Both scaled to the larger scale; i128 cannot overflow at MAX_SCALE.
        let scale = self.scale.max(other.scale);
        let widen = |d: Decimal| i128::from(d.digits) * 10i128.pow(u32::from(scale - d.scale));
        widen(*self).cmp(&widen(*other))
    }
}

/// Plain JSON/CSV form: `-12.09`, `70000`.
impl std::fmt::Display for Decimal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (sign, whole, fraction) = self.parts();
        if fraction.is_empty() {
            write!(f, "{sign}{whole}")
        } else {
            write!(f, "{sign}{whole}.{fraction}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_and_prints() {
        assert_eq!(Decimal::new(1250, 2).unwrap().to_string(), "12.5");
        assert_eq!(Decimal::new(1209, 2).unwrap().to_string(), "12.09");
        assert_eq!(Decimal::new(-5, 1).unwrap().to_string(), "-0.5");
        assert_eq!(Decimal::new(-105, 1).unwrap().to_string(), "-10.5");
        assert_eq!(Decimal::new(7, 0).unwrap().to_string(), "7");
        assert_eq!(Decimal::new(100, 2), Some(Decimal::whole(1)));
        assert_eq!(Decimal::new(1, 10), None);
    }

    #[test]
    fn compares_across_scales() {
        let a = Decimal::new(125, 1).unwrap();
        let b = Decimal::new(1209, 2).unwrap();
        assert!(b < a);
        assert!(Decimal::whole(-1) < Decimal::new(-5, 1).unwrap());
        assert_eq!(Decimal::new(12090, 3).unwrap().cmp(&b), Ordering::Equal);
        assert_eq!(a.to_f64(), 12.5);
    }
}
