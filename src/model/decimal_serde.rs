//! Decimal fields in plan files: written as JSON strings ("4.955"),
//! read from strings or JSON integers.
//!
//! JSON numbers with a fraction are refused: serde_json would hand them over
//! as binary floating point, and 4.955 is not exactly representable there.

use rust_decimal::Decimal;
use serde::de::{self, Visitor};
use serde::{Deserializer, Serializer};
use std::fmt;

struct DecimalVisitor;

impl Visitor<'_> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal number written as a string, such as \"4.955\", or an integer")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        let text = v.trim();
        // Only plain decimal notation: digits, an optional sign and one point.
        let plain = !text.is_empty()
            && text
                .strip_prefix(['-', '+'])
                .unwrap_or(text)
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.');
        if !plain {
            return Err(E::custom(format!(
                "invalid decimal \"{v}\": write digits with an optional point, such as \"4.955\""
            )));
        }
        Decimal::from_str_exact(text).map_err(|_| {
            E::custom(format!(
                "invalid decimal \"{v}\": not a number, or too many digits to be exact"
            ))
        })
    }
}

pub fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(value)
}

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
    deserializer.deserialize_any(DecimalVisitor)
}

/// The same for `Option<Decimal>`: `null` or a missing field is `None`.
pub mod option {
    use super::DecimalVisitor;
    use rust_decimal::Decimal;
    use serde::de::{self, Visitor};
    use serde::{Deserializer, Serializer};
    use std::fmt;

    pub fn serialize<S: Serializer>(
        value: &Option<Decimal>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => serializer.collect_str(v),
            None => serializer.serialize_none(),
        }
    }

    struct OptionVisitor;

    impl<'de> Visitor<'de> for OptionVisitor {
        type Value = Option<Decimal>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("null or a decimal number written as a string, such as \"4.955\"")
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(DecimalVisitor).map(Some)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Decimal>, D::Error> {
        deserializer.deserialize_option(OptionVisitor)
    }
}
