//! Section 4: court fees (诉讼费用交纳办法, 2007).

use rust_decimal::Decimal;

use crate::law::cents;

fn d(units: i64, scale: u32) -> Decimal {
    Decimal::new(units, scale)
}

/// FEES 13(1): the acceptance fee of a property case, by cumulative brackets —
/// (upper bound of the bracket in yuan, rate on the part within it); the first bracket is a flat
/// 50 yuan, the last is open.
fn acceptance_brackets() -> [(Option<Decimal>, Decimal); 9] {
    [
        (Some(d(100_000, 0)), d(25, 3)),   // 10,000–100,000: 2.5%
        (Some(d(200_000, 0)), d(2, 2)),    // 100,000–200,000: 2%
        (Some(d(500_000, 0)), d(15, 3)),   // 200,000–500,000: 1.5%
        (Some(d(1_000_000, 0)), d(1, 2)),  // 500,000–1,000,000: 1%
        (Some(d(2_000_000, 0)), d(9, 3)),  // 1–2 million: 0.9%
        (Some(d(5_000_000, 0)), d(8, 3)),  // 2–5 million: 0.8%
        (Some(d(10_000_000, 0)), d(7, 3)), // 5–10 million: 0.7%
        (Some(d(20_000_000, 0)), d(6, 3)), // 10–20 million: 0.6%
        (None, d(5, 3)),                   // above 20 million: 0.5%
    ]
}

/// Sums `rate × part` over the brackets above `floor`, for the part of `amount` in each.
fn cumulative(amount: Decimal, floor: Decimal, brackets: &[(Option<Decimal>, Decimal)]) -> Decimal {
    let mut fee = Decimal::ZERO;
    let mut lower = floor;
    for (upper, rate) in brackets {
        if amount <= lower {
            break;
        }
        let top = match upper {
            Some(u) => amount.min(*u),
            None => amount,
        };
        fee += (top - lower) * rate;
        if let Some(u) = upper {
            lower = *u;
        }
    }
    fee
}

/// FEES 13(1): up to 10,000 yuan, 50 yuan per case; above, cumulative brackets down to 0.5%.
pub fn court_fee(claim: Decimal) -> Decimal {
    // FEES 13(1): not more than 10,000 yuan: 50 yuan per case.
    let flat = d(50, 0);
    cents(flat + cumulative(claim, d(10_000, 0), &acceptance_brackets()))
}

/// FEES 16: a case heard under the simplified procedure pays half the acceptance fee.
pub fn court_fee_simplified(claim: Decimal) -> Decimal {
    cents(court_fee(claim) / d(2, 0))
}

/// FEES 14(1): preservation application fee — up to 1,000 yuan: 30 yuan; 1,000–100,000: 1%;
/// above 100,000: 0.5%; at most 5,000 yuan.
pub fn preservation_fee(amount: Decimal) -> Decimal {
    let brackets = [(Some(d(100_000, 0)), d(1, 2)), (None, d(5, 3))];
    let fee = d(30, 0) + cumulative(amount, d(1_000, 0), &brackets);
    // FEES 14(1): the fee for an application for preservation is at most 5,000 yuan.
    cents(fee.min(d(5_000, 0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn court_fee_check_figures_and_every_bracket_edge() {
        // (claim, fee, arithmetic)
        let table = [
            ("0", "50.00"),            // flat 50
            ("10000", "50.00"),        // flat 50
            ("10000.01", "50.00"),     // 50 + 0.01 × 2.5% = 50.00025 → 50.00
            ("10020", "50.50"),        // 50 + 20 × 2.5%
            ("100000", "2300.00"),     // 50 + 90,000 × 2.5% = 50 + 2,250
            ("200000", "4300.00"),     // 2,300 + 100,000 × 2% = 2,300 + 2,000
            ("500000", "8800.00"),     // 4,300 + 300,000 × 1.5% = 4,300 + 4,500
            ("1000000", "13800.00"),   // 8,800 + 500,000 × 1% = 8,800 + 5,000
            ("2000000", "22800.00"),   // 13,800 + 1,000,000 × 0.9% = 13,800 + 9,000
            ("5000000", "46800.00"),   // 22,800 + 3,000,000 × 0.8% = 22,800 + 24,000
            ("10000000", "81800.00"),  // 46,800 + 5,000,000 × 0.7% = 46,800 + 35,000
            ("20000000", "141800.00"), // 81,800 + 10,000,000 × 0.6% = 81,800 + 60,000
            ("30000000", "191800.00"), // 141,800 + 10,000,000 × 0.5% = 141,800 + 50,000
            ("123456.78", "2769.14"),  // 2,300 + 23,456.78 × 2% = 2,300 + 469.1356
            ("350000", "6550.00"),     // 4,300 + 150,000 × 1.5% = 4,300 + 2,250
            ("100000.10", "2300.00"),  // 2,300 + 0.10 × 2% = 2,300.002
            ("100000.25", "2300.01"),  // 2,300 + 0.25 × 2% = 2,300.005 → half up 2,300.01
        ];
        for (claim, fee) in table {
            assert_eq!(court_fee(m(claim)), m(fee), "claim {claim}");
        }
    }

    #[test]
    fn simplified_procedure_halves() {
        // FEES 16: 2,300 / 2 = 1,150; 8,800 / 2 = 4,400; 2,769.14 / 2 = 1,384.57.
        assert_eq!(court_fee_simplified(m("100000")), m("1150.00"));
        assert_eq!(court_fee_simplified(m("500000")), m("4400.00"));
        assert_eq!(court_fee_simplified(m("123456.78")), m("1384.57"));
        // 50 / 2 = 25.
        assert_eq!(court_fee_simplified(m("5000")), m("25.00"));
        // Claim 10,020.40: 50 + 20.40 × 2.5% = 50.51; halved 25.255 → half up 25.26.
        assert_eq!(court_fee_simplified(m("10020.40")), m("25.26"));
    }

    #[test]
    fn preservation_fee_brackets_and_cap() {
        let table = [
            ("0", "30.00"),         // flat 30
            ("1000", "30.00"),      // flat 30
            ("1500", "35.00"),      // 30 + 500 × 1%
            ("100000", "1020.00"),  // 30 + 99,000 × 1% = 30 + 990
            ("200000", "1520.00"),  // 1,020 + 100,000 × 0.5%
            ("796000", "4500.00"),  // 1,020 + 696,000 × 0.5% = 1,020 + 3,480
            ("896000", "5000.00"),  // 1,020 + 796,000 × 0.5% = 1,020 + 3,980 = 5,000: the cap
            ("1000000", "5000.00"), // 1,020 + 4,500 = 5,520 → capped at 5,000
        ];
        for (amount, fee) in table {
            assert_eq!(preservation_fee(m(amount)), m(fee), "amount {amount}");
        }
    }
}
