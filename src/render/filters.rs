//! The formatting a Chinese legal document needs, written once in Rust: money with thousands
//! separators, the amount in Chinese capitals (大写), dates in Chinese and English, and
//! article citations. Each function is pure and tested here; `engine.rs` registers them as
//! tera filters.
//!
//! Money is always `rust_decimal::Decimal`, never a float.

use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// Why a value could not be formatted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FilterError {
    /// The value is not an amount of money.
    #[error("`{0}` is not an amount (write it as a decimal string such as \"1234.50\")")]
    NotAnAmount(String),
    /// Amounts in capitals are for what is owed: never negative.
    #[error("a negative amount ({0}) cannot be written in Chinese capitals")]
    NegativeCapitals(Decimal),
    /// Larger than the capitals go (亿亿).
    #[error("amount {0} is too large to write in Chinese capitals")]
    TooLarge(Decimal),
    /// The value is not a date.
    #[error("`{0}` is not a date (write it as YYYY-MM-DD)")]
    NotADate(String),
    /// The citation key is not "LAW ARTICLE[, ARTICLE…]" with a known law.
    #[error("`{key}` is not a citation key: {reason}")]
    BadCitation {
        /// The key as given.
        key: String,
        /// What is wrong with it.
        reason: String,
    },
}

/// Parses an amount as casepack writes it (rust_decimal serialises as a string: "1234.5").
pub fn parse_amount(text: &str) -> Result<Decimal, FilterError> {
    let t = text.trim();
    Decimal::from_str(t)
        .or_else(|_| Decimal::from_scientific(t))
        .map_err(|_| FilterError::NotAnAmount(text.to_string()))
}

/// `1234567.8` → `¥1,234,567.80` (with `symbol`) or `1,234,567.80` (without).
/// Rounded to the cent, half up; a negative amount is written `-¥1,234.00`.
pub fn format_money(amount: Decimal, symbol: bool) -> String {
    format_money_with_prefix(amount, if symbol { "¥" } else { "" })
}

/// As [`format_money`] with any prefix: `"RMB "` gives `RMB 1,234,567.80`.
pub fn format_money_with_prefix(amount: Decimal, prefix: &str) -> String {
    let cents = crate::law::cents(amount);
    let text = format!("{:.2}", cents.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, "00"));
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    for (i, digit) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let sign = if cents.is_sign_negative() && !cents.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}{prefix}{grouped}.{frac}")
}

const CAPITAL_DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const LOWER_DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// The amount in Chinese capitals as written on bank forms and cheques (大写金额), following
/// the PBOC's rules for filling in instruments (《正确填写票据和结算凭证的基本规定》):
///
/// - a run of zeros between digits is written as one 零 (1,409.50 → 壹仟肆佰零玖元伍角整);
/// - zeros at the end of the 万 or 亿 group are not read when the next group starts with a
///   non-zero 仟 (107,000 → 壹拾万柒仟元); a group that starts with zeros, or a whole group of
///   zeros between non-zero groups, gives one 零 (1,000,001 → 壹佰万零壹元, 100,001,000 →
///   壹亿零壹仟元);
/// - the banking convention writes 壹 before a leading 拾: 10 → 壹拾元整, 100,000 →
///   壹拾万元整 (never 拾元整);
/// - when the 元 digit is zero and 角 is not, 零 is written after 元 (100,000.50 →
///   壹拾万元零伍角整); when 角 is zero and 分 is not, 零 is written after 元 (10.05 →
///   壹拾元零伍分);
/// - 整 follows 元 or 角 when there are no 分; nothing follows 分;
/// - under one yuan the 元 is left out (0.50 → 伍角整, 0.01 → 壹分); zero is 零元整.
///
/// The amount is first rounded to the cent, half up. Negative amounts are an error.
pub fn amount_in_capitals(amount: Decimal) -> Result<String, FilterError> {
    let cents = crate::law::cents(amount);
    if cents.is_sign_negative() && !cents.is_zero() {
        return Err(FilterError::NegativeCapitals(amount));
    }
    let total_cents = cents
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|c| c.trunc().to_u128())
        .ok_or(FilterError::TooLarge(amount))?;
    let yuan = total_cents / 100;
    let jiao = (total_cents / 10 % 10) as usize;
    let fen = (total_cents % 10) as usize;
    // 亿亿 (10^16) is as far as the units go.
    if yuan >= 10u128.pow(16) {
        return Err(FilterError::TooLarge(amount));
    }
    if yuan == 0 && jiao == 0 && fen == 0 {
        return Ok("零元整".to_string());
    }

    let mut out = String::new();
    if yuan > 0 {
        out.push_str(&integer_words(yuan as u64, &CAPITAL_DIGITS, &['拾', '佰', '仟'], true));
        out.push('元');
    }
    if jiao > 0 {
        // 元 digit zero: "元零伍角" (the form the PBOC rules allow and banks use).
        if yuan > 0 && yuan % 10 == 0 {
            out.push('零');
        }
        out.push(CAPITAL_DIGITS[jiao]);
        out.push('角');
    }
    if fen > 0 {
        // 角 zero between 元 and 分: "元零伍分" (required).
        if yuan > 0 && jiao == 0 {
            out.push('零');
        }
        out.push(CAPITAL_DIGITS[fen]);
        out.push('分');
    } else {
        out.push('整');
    }
    Ok(out)
}

/// A whole number in Chinese words, up to 9999 9999 9999 9999.
/// `leading_one_ten`: write 壹拾 (banking) rather than 拾 (ordinary reading) for 10–19.
fn integer_words(n: u64, digits: &[char; 10], units: &[char; 3], leading_one_ten: bool) -> String {
    const WAN: u64 = 10_000;
    const YI: u64 = 100_000_000;
    if n < WAN {
        return group_words(n as u16, digits, units, leading_one_ten);
    }
    let (high, low, unit, zero_below) = if n < YI {
        (n / WAN, n % WAN, '万', 1_000)
    } else {
        (n / YI, n % YI, '亿', 10_000_000)
    };
    let mut out = integer_words(high, digits, units, leading_one_ten);
    out.push(unit);
    if low > 0 {
        // The lower part starts with zeros (or a whole zero group): one 零.
        if low < zero_below {
            out.push(digits[0]);
        }
        // Below a higher unit a leading 拾 is always read with its digit (一亿零一十万).
        out.push_str(&integer_words(low, digits, units, true));
    }
    out
}

/// A group of up to four digits (1–9999; 0 gives ""): 仟佰拾 with one 零 for a run of inner
/// zeros and nothing for trailing zeros.
fn group_words(n: u16, digits: &[char; 10], units: &[char; 3], leading_one_ten: bool) -> String {
    let ds = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut out = String::new();
    let mut started = false;
    let mut pending_zero = false;
    for (pos, &d) in ds.iter().enumerate() {
        if d == 0 {
            pending_zero = started;
            continue;
        }
        if pending_zero {
            out.push(digits[0]);
            pending_zero = false;
        }
        // A leading 1 in the tens is not read in ordinary numerals (十二), but is on bank
        // forms (壹拾贰).
        let bare_ten = pos == 2 && d == 1 && !started && !leading_one_ten;
        if !bare_ten {
            out.push(digits[d as usize]);
        }
        if pos < 3 {
            out.push(units[2 - pos]);
        }
        started = true;
    }
    out
}

/// A whole number in ordinary Chinese numerals as used for article numbers:
/// 188 → 一百八十八, 10 → 十, 110 → 一百一十, 1001 → 一千零一, 0 → 零.
pub fn chinese_numeral(n: u64) -> String {
    if n == 0 {
        return "零".to_string();
    }
    integer_words(n, &LOWER_DIGITS, &['十', '百', '千'], false)
}

/// Parses a date as casepack writes it: `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Result<NaiveDate, FilterError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| FilterError::NotADate(text.to_string()))
}

/// `2026-11-22` → `2026年11月22日` (no zero padding, as in running text).
pub fn date_zh(date: NaiveDate) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `2026-11-22` → `22 November 2026`.
pub fn date_en(date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), MONTHS_EN[date.month0() as usize], date.year())
}

/// The language of a citation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Chinese: 《中华人民共和国民法典》第一百八十八条.
    Zh,
    /// English: Article 188 of the Civil Code.
    En,
}

impl Lang {
    /// "zh" or "en" (anything starting with "en" is English, everything else Chinese).
    pub fn from_code(code: &str) -> Lang {
        if code.trim().to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    }
}

/// The laws a rule key may name: (key, Chinese title, English name).
/// Keys are those of /work/shared/design/legal-rules.md; add a row to cite another law.
pub const LAWS: &[(&str, &str, &str)] = &[
    ("CC", "中华人民共和国民法典", "the Civil Code"),
    ("CPL", "中华人民共和国民事诉讼法", "the Civil Procedure Law"),
    (
        "GPCL",
        "中华人民共和国民法通则",
        "the General Principles of the Civil Law",
    ),
    (
        "SPC-LIM",
        "最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定",
        "the SPC Provisions on Limitation of Action in Civil Cases",
    ),
    (
        "SPC-SALE",
        "最高人民法院关于审理买卖合同纠纷案件适用法律问题的解释",
        "the SPC Interpretation on Sale-Contract Disputes",
    ),
    (
        "SPC-GP",
        "最高人民法院关于适用〈中华人民共和国民法典〉总则编若干问题的解释",
        "the SPC Interpretation on the General Part of the Civil Code",
    ),
    (
        "SPC-GP-LIM",
        "最高人民法院关于适用〈中华人民共和国民法总则〉诉讼时效制度若干问题的解释",
        "the SPC Interpretation on Limitation of Action under the General Provisions of the Civil Law",
    ),
    (
        "SPC-CONTRACT",
        "最高人民法院关于适用〈中华人民共和国民法典〉合同编通则若干问题的解释",
        "the SPC Interpretation on the General Part of the Contract Book of the Civil Code",
    ),
    (
        "SPC-CPL",
        "最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释",
        "the SPC Interpretation on the Civil Procedure Law",
    ),
    (
        "FEES",
        "诉讼费用交纳办法",
        "the Measures on the Payment of Litigation Costs",
    ),
];

/// One cited provision: article and optional paragraph (款), e.g. `18(4)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Provision {
    article: u64,
    paragraph: Option<u64>,
}

fn parse_provision(text: &str) -> Option<Provision> {
    let text = text.trim();
    let (article, paragraph) = match text.split_once('(') {
        Some((a, rest)) => {
            let p = rest.strip_suffix(')')?;
            (a, Some(p.parse::<u64>().ok().filter(|&p| p > 0)?))
        }
        None => (text, None),
    };
    if article.is_empty() || !article.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let article = article.parse::<u64>().ok().filter(|&a| a > 0)?;
    Some(Provision { article, paragraph })
}

/// Turns a rule key into a citation: `"CC 188"` → `《中华人民共和国民法典》第一百八十八条`
/// (Chinese) or `Article 188 of the Civil Code` (English). A key may name a paragraph
/// (`"SPC-SALE 18(4)"` → `第十八条第四款` / `Article 18(4)`) and several articles
/// (`"CC 628, 510"` → `第六百二十八条、第五百一十条` / `Articles 628 and 510`).
pub fn cite(key: &str, lang: Lang) -> Result<String, FilterError> {
    let bad = |reason: &str| FilterError::BadCitation {
        key: key.to_string(),
        reason: reason.to_string(),
    };
    let (law, refs) = key
        .trim()
        .split_once(char::is_whitespace)
        .ok_or_else(|| bad("expected a law and an article, such as \"CC 188\""))?;
    let &(_, title_zh, name_en) = LAWS.iter().find(|(k, _, _)| *k == law).ok_or_else(|| {
        let known: Vec<&str> = LAWS.iter().map(|(k, _, _)| *k).collect();
        bad(&format!("unknown law `{law}` (known: {})", known.join(", ")))
    })?;
    let provisions = refs
        .split(',')
        .map(parse_provision)
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| bad("articles are numbers, optionally with a paragraph: 188, 18(4)"))?;

    Ok(match lang {
        Lang::Zh => {
            let parts: Vec<String> = provisions
                .iter()
                .map(|p| {
                    let mut s = format!("第{}条", chinese_numeral(p.article));
                    if let Some(par) = p.paragraph {
                        s.push_str(&format!("第{}款", chinese_numeral(par)));
                    }
                    s
                })
                .collect();
            format!("《{title_zh}》{}", parts.join("、"))
        }
        Lang::En => {
            let parts: Vec<String> = provisions
                .iter()
                .map(|p| match p.paragraph {
                    Some(par) => format!("{}({par})", p.article),
                    None => p.article.to_string(),
                })
                .collect();
            let list = match parts.as_slice() {
                [one] => format!("Article {one}"),
                [init @ .., last] => format!("Articles {} and {last}", init.join(", ")),
                [] => unreachable!("split yields at least one part"),
            };
            format!("{list} of {name_en}")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// Each amount checked by hand against the PBOC rules quoted on `amount_in_capitals`.
    #[test]
    fn capitals_table() {
        let table: &[(&str, &str)] = &[
            ("0", "零元整"),
            ("0.00", "零元整"),
            ("0.01", "壹分"),
            ("0.05", "伍分"),
            ("0.10", "壹角整"),
            ("0.50", "伍角整"),
            ("0.53", "伍角叁分"),
            ("1", "壹元整"),
            ("1.01", "壹元零壹分"),
            ("1.10", "壹元壹角整"),
            ("10", "壹拾元整"),
            ("10.05", "壹拾元零伍分"),
            ("10.50", "壹拾元零伍角整"),
            ("11", "壹拾壹元整"),
            ("19.99", "壹拾玖元玖角玖分"),
            ("20", "贰拾元整"),
            ("100", "壹佰元整"),
            ("101", "壹佰零壹元整"),
            ("110", "壹佰壹拾元整"),
            ("325.04", "叁佰贰拾伍元零肆分"),
            ("1001", "壹仟零壹元整"),
            ("1010", "壹仟零壹拾元整"),
            ("1100", "壹仟壹佰元整"),
            ("1409.50", "壹仟肆佰零玖元伍角整"),
            ("1680.32", "壹仟陆佰捌拾元零叁角贰分"),
            ("10000", "壹万元整"),
            ("10001", "壹万零壹元整"),
            ("10010", "壹万零壹拾元整"),
            ("10100", "壹万零壹佰元整"),
            ("11000", "壹万壹仟元整"),
            ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
            ("100000", "壹拾万元整"),
            ("100000.50", "壹拾万元零伍角整"),
            ("100700", "壹拾万零柒佰元整"),
            ("107000.53", "壹拾万柒仟元零伍角叁分"),
            ("1000001", "壹佰万零壹元整"),
            ("1234567.80", "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角整"),
            ("1234567.89", "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"),
            ("10000000", "壹仟万元整"),
            ("100000000.00", "壹亿元整"),
            ("100001000", "壹亿零壹仟元整"),
            ("100010000", "壹亿零壹万元整"),
            ("100100000", "壹亿零壹拾万元整"),
            ("110000000", "壹亿壹仟万元整"),
            ("1000000000", "壹拾亿元整"),
            ("1000000001.01", "壹拾亿零壹元零壹分"),
            ("2000000000000", "贰万亿元整"),
            ("1000100000000", "壹万零壹亿元整"),
            (
                "9999999999999999.99",
                "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
            ),
        ];
        for (amount, words) in table {
            assert_eq!(amount_in_capitals(d(amount)).unwrap(), *words, "amount {amount}");
        }
    }

    #[test]
    fn capitals_round_half_up_to_the_cent() {
        // 0.005 → 0.01; 12.344 → 12.34; 12.345 → 12.35
        assert_eq!(amount_in_capitals(d("0.005")).unwrap(), "壹分");
        assert_eq!(amount_in_capitals(d("12.344")).unwrap(), "壹拾贰元叁角肆分");
        assert_eq!(amount_in_capitals(d("12.345")).unwrap(), "壹拾贰元叁角伍分");
    }

    #[test]
    fn capitals_refuse_negative_and_huge() {
        assert_eq!(amount_in_capitals(d("-1")), Err(FilterError::NegativeCapitals(d("-1"))));
        assert!(matches!(
            amount_in_capitals(d("10000000000000000")),
            Err(FilterError::TooLarge(_))
        ));
        // -0.001 rounds to zero: nothing owed, not an error.
        assert_eq!(amount_in_capitals(d("-0.001")).unwrap(), "零元整");
    }

    #[test]
    fn money_with_separators() {
        assert_eq!(format_money(d("1234567.8"), true), "¥1,234,567.80");
        assert_eq!(format_money(d("1234567.8"), false), "1,234,567.80");
        assert_eq!(format_money(d("0"), true), "¥0.00");
        assert_eq!(format_money(d("999.999"), true), "¥1,000.00");
        assert_eq!(format_money(d("100"), true), "¥100.00");
        assert_eq!(format_money(d("1000"), false), "1,000.00");
        assert_eq!(format_money(d("123456"), false), "123,456.00");
        assert_eq!(format_money(d("0.125"), false), "0.13");
        assert_eq!(format_money(d("-1234.5"), true), "-¥1,234.50");
        assert_eq!(format_money(d("-0.001"), true), "¥0.00");
        assert_eq!(format_money_with_prefix(d("1234567.8"), "RMB "), "RMB 1,234,567.80");
    }

    #[test]
    fn parse_amounts() {
        assert_eq!(parse_amount(" 12.50 ").unwrap(), d("12.5"));
        assert_eq!(parse_amount("1e3").unwrap(), d("1000"));
        assert!(parse_amount("1,000").is_err());
        assert!(parse_amount("twelve").is_err());
    }

    #[test]
    fn dates() {
        let date = parse_date("2026-11-22").unwrap();
        assert_eq!(date_zh(date), "2026年11月22日");
        assert_eq!(date_en(date), "22 November 2026");
        let date = parse_date("2026-01-05").unwrap();
        assert_eq!(date_zh(date), "2026年1月5日");
        assert_eq!(date_en(date), "5 January 2026");
        assert!(parse_date("2026-02-30").is_err());
        assert!(parse_date("22/11/2026").is_err());
    }

    #[test]
    fn chinese_numerals() {
        let table = [
            (1, "一"),
            (8, "八"),
            (10, "十"),
            (12, "十二"),
            (20, "二十"),
            (101, "一百零一"),
            (110, "一百一十"),
            (188, "一百八十八"),
            (510, "五百一十"),
            (1001, "一千零一"),
            (1010, "一千零一十"),
            (1260, "一千二百六十"),
            (0, "零"),
        ];
        for (n, words) in table {
            assert_eq!(chinese_numeral(n), words, "{n}");
        }
    }

    #[test]
    fn citations() {
        assert_eq!(
            cite("CC 188", Lang::Zh).unwrap(),
            "《中华人民共和国民法典》第一百八十八条"
        );
        assert_eq!(cite("CC 188", Lang::En).unwrap(), "Article 188 of the Civil Code");
        assert_eq!(
            cite("SPC-SALE 18(4)", Lang::Zh).unwrap(),
            "《最高人民法院关于审理买卖合同纠纷案件适用法律问题的解释》第十八条第四款"
        );
        assert_eq!(
            cite("SPC-SALE 18(4)", Lang::En).unwrap(),
            "Article 18(4) of the SPC Interpretation on Sale-Contract Disputes"
        );
        assert_eq!(
            cite("CC 628, 510", Lang::Zh).unwrap(),
            "《中华人民共和国民法典》第六百二十八条、第五百一十条"
        );
        assert_eq!(
            cite("CC 201, 202, 203", Lang::En).unwrap(),
            "Articles 201, 202 and 203 of the Civil Code"
        );
        assert_eq!(cite("FEES 13", Lang::Zh).unwrap(), "《诉讼费用交纳办法》第十三条");
        assert!(cite("XYZ 1", Lang::Zh).is_err());
        assert!(cite("CC", Lang::Zh).is_err());
        assert!(cite("CC 18a", Lang::Zh).is_err());
        assert!(cite("CC 0", Lang::Zh).is_err());
        assert_eq!(Lang::from_code("en-GB"), Lang::En);
        assert_eq!(Lang::from_code("zh"), Lang::Zh);
    }
}
