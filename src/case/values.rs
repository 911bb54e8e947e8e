//! Scalar value types of the case format: spanned values, exact money, rates, dates.
//!
//! Money and rates are read from the YAML scalar's *text* (`deserialize_str`), so a plain
//! `120000.00` never passes through a float: serde-saphyr hands the text of a plain scalar to a
//! string visitor.

use std::fmt;
use std::ops::Deref;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

/// A value with the line and column (1-based) of the YAML node it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sp<T> {
    pub value: T,
    pub line: u32,
    pub column: u32,
}

impl<T> Sp<T> {
    /// A value with no source position (built in code, e.g. in tests).
    pub fn bare(value: T) -> Self {
        Sp {
            value,
            line: 0,
            column: 0,
        }
    }

    pub fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            column: self.column,
        }
    }
}

impl<T> Deref for Sp<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Sp<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = serde_saphyr::Spanned::<T>::deserialize(d)?;
        Ok(Sp {
            value: s.value,
            line: s.referenced.line() as u32,
            column: s.referenced.column() as u32,
        })
    }
}

impl<T: Serialize> Serialize for Sp<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

impl<T: JsonSchema> JsonSchema for Sp<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(g)
    }
}

/// A position in a YAML file (1-based; 0 = unknown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

/// Reads a scalar's text and parses it with `parse`; the error names what was expected.
fn text_scalar<'de, D, T>(d: D, expecting: &'static str, parse: fn(&str) -> Result<T, String>) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    struct V<T> {
        expecting: &'static str,
        parse: fn(&str) -> Result<T, String>,
    }
    impl<T> Visitor<'_> for V<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(self.expecting)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
            (self.parse)(v.trim()).map_err(E::custom)
        }
    }
    d.deserialize_str(V { expecting, parse })
}

/// An amount of money in yuan, exact to the cent, read from its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(pub Decimal);

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// Parses `120000.00`, `120000`, `"0.10"`: digits, an optional sign and at most two
    /// decimals. No thousands separators, no exponent, no currency sign.
    pub fn parse(text: &str) -> Result<Money, String> {
        let d = parse_plain_decimal(text)
            .map_err(|why| format!("`{text}` is not an amount of money ({why}); write e.g. \"120000.00\""))?;
        if d.scale() > 2 {
            return Err(format!(
                "`{text}` has more than two decimals: money is exact to the cent"
            ));
        }
        Ok(Money(d))
    }

    /// The amount with exactly two decimals, as the JSON report writes it.
    pub fn to_cents_string(self) -> String {
        crate::law::money_string(self.0)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.to_cents_string())
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        text_scalar(d, "an amount of money such as \"120000.00\"", Money::parse)
    }
}

impl Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_cents_string())
    }
}

impl JsonSchema for Money {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Money".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Amount in yuan, exact to the cent: a string or plain number such as \"120000.00\"",
            "type": ["string", "number"],
            "pattern": "^-?[0-9]+(\\.[0-9]{1,2})?$"
        })
    }
}

/// A plain decimal number (a rate, a markup, a quantity), read exactly from its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Dec(pub Decimal);

impl Dec {
    pub fn parse(text: &str) -> Result<Dec, String> {
        parse_plain_decimal(text)
            .map(Dec)
            .map_err(|why| format!("`{text}` is not a decimal number ({why}); write e.g. \"0.0005\""))
    }
}

impl<'de> Deserialize<'de> for Dec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        text_scalar(d, "a decimal number such as \"0.0005\"", Dec::parse)
    }
}

impl Serialize for Dec {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.normalize().to_string())
    }
}

impl JsonSchema for Dec {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A decimal number, read exactly from its text: \"0.0005\"",
            "type": ["string", "number"],
            "pattern": "^-?[0-9]+(\\.[0-9]+)?$"
        })
    }
}

fn parse_plain_decimal(text: &str) -> Result<Decimal, &'static str> {
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || frac.is_some_and(|f| !digits(f)) {
        return Err("only digits, one optional sign and one decimal point are allowed");
    }
    Decimal::from_str_exact(text).map_err(|_| "too many digits")
}

/// A calendar date written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

impl Date {
    pub fn parse(text: &str) -> Result<Date, String> {
        let well_formed = text.len() == 10
            && text.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        if !well_formed {
            return Err(format!("`{text}` is not a date: write YYYY-MM-DD, e.g. 2023-03-05"));
        }
        NaiveDate::from_str(text)
            .map(Date)
            .map_err(|_| format!("`{text}` is not a date on the calendar (no such day)"))
    }
}

impl Deref for Date {
    type Target = NaiveDate;
    fn deref(&self) -> &NaiveDate {
        &self.0
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        text_scalar(d, "a date YYYY-MM-DD", Date::parse)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "format": "date", "description": "YYYY-MM-DD" })
    }
}

/// A piece of text read from a scalar of any plain type: `license_no: 13301201810123456`
/// stays the digits as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Text(pub String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        text_scalar(d, "a piece of text", |s| Ok(s.to_string())).map(Text)
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": ["string", "number"] })
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn money_keeps_every_digit() {
        let m = Money::parse("12345678901234.57").unwrap();
        assert_eq!(m.0, Decimal::from_str("12345678901234.57").unwrap());
        assert_eq!(m.to_string(), "12345678901234.57");
        assert_eq!(Money::parse("0.10").unwrap().to_string(), "0.10");
        assert_eq!(Money::parse("120000").unwrap().to_string(), "120000.00");
    }

    #[test]
    fn money_rejects_what_is_not_plain() {
        for bad in ["12,000", "abc", "1e5", "", "¥100", "1.234", ".5", "5.", "--1"] {
            assert!(Money::parse(bad).is_err(), "{bad} accepted");
        }
        assert_eq!(Money::parse("-5").unwrap().0, Decimal::from(-5));
    }

    #[test]
    fn dates_are_strict() {
        assert_eq!(Date::parse("2024-02-29").unwrap().to_string(), "2024-02-29");
        assert!(Date::parse("2023-02-29").unwrap_err().contains("no such day"));
        assert!(Date::parse("2023-02-30").is_err());
        assert!(Date::parse("2023-2-3").unwrap_err().contains("YYYY-MM-DD"));
    }
}
