//! The scenario table: hand-computed cases covering every rule of legal-rules.md sections 1–4
//! and 6, each with its expected last days, statuses and amounts and the arithmetic beside them.
//!
//! Weekdays and holidays were read off a plain calendar and `data/holidays.csv`; years after 2026
//! are beyond the calendar, so only weekends are days off there (with a warning).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::law::facts::*;
use crate::law::{DocRef, LegalAssessment, Status, evaluate, money_string};

use Status::{Expired, Expiring, Running, Waived};

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn m(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn doc(kind: &str, id: &str) -> DocRef {
    DocRef {
        kind: kind.into(),
        id: id.into(),
        file: format!("{kind}s/{id}.yaml"),
        line: 1,
    }
}

/// A case under construction.
struct Case(Facts);

fn case(as_of: &str) -> Case {
    Case(Facts {
        as_of: date(as_of),
        contracts: vec![],
        deliveries: vec![],
        payments: vec![],
        reconciliations: vec![],
        correspondence: vec![],
        claim: ClaimSettings {
            interest: InterestMode::None,
            ..ClaimSettings::default()
        },
    })
}

impl Case {
    fn contract(mut self, id: &str, term: PaymentTerm) -> Self {
        self.0.contracts.push(Contract {
            id: id.into(),
            term,
            late_payment: None,
            costs_recoverable: false,
            forum: None,
            doc: doc("contract", id),
        });
        self
    }
    fn late(mut self, lp: LatePayment) -> Self {
        self.0.contracts.last_mut().unwrap().late_payment = Some(lp);
        self
    }
    fn costs_clause(mut self) -> Self {
        self.0.contracts.last_mut().unwrap().costs_recoverable = true;
        self
    }
    fn forum(mut self, f: Forum) -> Self {
        self.0.contracts.last_mut().unwrap().forum = Some(f);
        self
    }
    fn delivery(mut self, id: &str, on: &str, amount: &str) -> Self {
        self.0.deliveries.push(Delivery {
            id: id.into(),
            contract: None,
            delivered_on: date(on),
            amount: m(amount),
            invoices: vec![],
            doc: doc("receipt", id),
        });
        self
    }
    fn invoice(mut self, issued: &str, received: Option<&str>) -> Self {
        self.0.deliveries.last_mut().unwrap().invoices.push(InvoiceDates {
            issued_on: date(issued),
            received_by_debtor: received.map(date),
            doc: doc("invoice", issued),
        });
        self
    }
    fn pay(mut self, id: &str, on: &str, amount: &str, to: &[&str]) -> Self {
        self.0.payments.push(Payment {
            id: id.into(),
            date: date(on),
            amount: m(amount),
            applies_to: to.iter().map(|s| s.to_string()).collect(),
            doc: doc("payment", id),
        });
        self
    }
    fn rec(mut self, id: &str, signed: &str, period_end: &str, balance: &str, by: bool) -> Self {
        self.0.reconciliations.push(Reconciliation {
            id: id.into(),
            signed_on: date(signed),
            period_end: date(period_end),
            balance: m(balance),
            signed_by_debtor: by,
            doc: doc("reconciliation", id),
        });
        self
    }
    fn demand(mut self, id: &str, sent: &str, reached: Option<&str>, proof: bool) -> Self {
        self.0.correspondence.push(Correspondence {
            id: id.into(),
            date: date(sent),
            kind: CorrespondenceKind::Demand,
            from: Party::Creditor,
            delivered_on: reached.map(date),
            proof,
            amount: None,
            doc: doc("correspondence", id),
        });
        self
    }
    fn letter(mut self, id: &str, kind: CorrespondenceKind, on: &str, amount: Option<&str>) -> Self {
        self.0.correspondence.push(Correspondence {
            id: id.into(),
            date: date(on),
            kind,
            from: Party::Debtor,
            delivered_on: None,
            proof: true,
            amount: amount.map(m),
            doc: doc("correspondence", id),
        });
        self
    }
    fn interest(mut self, mode: InterestMode) -> Self {
        self.0.claim.interest = mode;
        self
    }
    fn markup(mut self, v: &str) -> Self {
        self.0.claim.lpr_markup = Some(m(v));
        self
    }
    fn cost(mut self, amount: &str) -> Self {
        self.0.claim.costs.push(Cost {
            description: "律师费".into(),
            amount: m(amount),
            doc: doc("case", "case"),
        });
        self
    }
    fn addresses(mut self, creditor: &str, debtor: &str) -> Self {
        self.0.claim.creditor_address = Some(creditor.into());
        self.0.claim.debtor_address = Some(debtor.into());
        self
    }
    fn court(mut self, c: &str) -> Self {
        self.0.claim.court = Some(c.into());
        self
    }
}

/// One debt's expected figures: id, last day, status, outstanding, charges.
type DebtExp = (&'static str, &'static str, Status, &'static str, &'static str);

/// A scenario and what it must give.
struct Scenario {
    name: &'static str,
    facts: Facts,
    debts: Vec<DebtExp>,
    /// The case: earliest last day among unpaid debts, its status and days left.
    case: Option<(&'static str, Status, i64)>,
    /// Claim: unpaid principal due, charges, claim total, court fee (ordinary procedure).
    claim: (&'static str, &'static str, &'static str, &'static str),
    /// Finding codes that must be present.
    findings: Vec<&'static str>,
    /// Finding codes that must be absent.
    absent: Vec<&'static str>,
    /// Suggested court: (kind as serialised, court).
    court: Option<(&'static str, Option<&'static str>)>,
}

fn sc(name: &'static str, c: Case) -> Scenario {
    Scenario {
        name,
        facts: c.0,
        debts: vec![],
        case: None,
        claim: ("0", "0", "0", "50"),
        findings: vec![],
        absent: vec![],
        court: None,
    }
}

impl Scenario {
    fn debt(mut self, d: DebtExp) -> Self {
        self.debts.push(d);
        self
    }
    fn case(mut self, expires: &'static str, status: Status, days: i64) -> Self {
        self.case = Some((expires, status, days));
        self
    }
    fn claim(mut self, principal: &'static str, charges: &'static str, total: &'static str, fee: &'static str) -> Self {
        self.claim = (principal, charges, total, fee);
        self
    }
    fn finds(mut self, codes: &[&'static str]) -> Self {
        self.findings.extend_from_slice(codes);
        self
    }
    fn not(mut self, codes: &[&'static str]) -> Self {
        self.absent.extend_from_slice(codes);
        self
    }
    fn court(mut self, kind: &'static str, court: Option<&'static str>) -> Self {
        self.court = Some((kind, court));
        self
    }

    fn check(&self) -> Vec<String> {
        let a: LegalAssessment = evaluate(&self.facts);
        let mut errs = Vec::new();
        let mut eq = |what: String, got: String, want: String| {
            if got != want {
                errs.push(format!("{}: {what}: got {got}, want {want}", self.name));
            }
        };
        for (id, last, status, outstanding, charges) in &self.debts {
            let Some(l) = a.limitation.debts.iter().find(|d| d.id == *id) else {
                eq(format!("debt {id}"), "missing".into(), "present".into());
                continue;
            };
            eq(format!("{id} expires_on"), l.expires_on.to_string(), last.to_string());
            eq(format!("{id} status"), format!("{:?}", l.status), format!("{status:?}"));
            eq(
                format!("{id} outstanding"),
                money_string(l.outstanding),
                money_string(m(outstanding)),
            );
            let c = a.interest.debts.iter().find(|d| d.id == *id).unwrap();
            eq(format!("{id} charges"), money_string(c.total), money_string(m(charges)));
        }
        let case_got = match (a.limitation.expires_on, a.limitation.status, a.limitation.days_left) {
            (Some(e), Some(s), Some(d)) => format!("{e} {s:?} {d}"),
            _ => "none".into(),
        };
        let case_want = match self.case {
            Some((e, s, d)) => format!("{e} {s:?} {d}"),
            None => "none".into(),
        };
        eq("case limitation".into(), case_got, case_want);
        let (p, ch, t, fee) = self.claim;
        eq("principal".into(), money_string(a.claim.principal), money_string(m(p)));
        eq("charges".into(), money_string(a.interest.total), money_string(m(ch)));
        eq("claim_total".into(), money_string(a.claim_total), money_string(m(t)));
        eq("court_fee".into(), money_string(a.court_fee), money_string(m(fee)));
        let codes: Vec<&str> = a.findings.iter().map(|f| f.code).collect();
        for c in &self.findings {
            if !codes.contains(c) {
                errs.push(format!("{}: finding {c} missing; got {codes:?}", self.name));
            }
        }
        for c in &self.absent {
            if codes.contains(c) {
                errs.push(format!("{}: finding {c} unexpected", self.name));
            }
        }
        if let Some((kind, court)) = self.court {
            let k = serde_json::to_value(a.suggested_court.kind).unwrap();
            if k != kind || a.suggested_court.court.as_deref() != court {
                errs.push(format!(
                    "{}: court: got {k} {:?}, want {kind} {court:?}",
                    self.name, a.suggested_court.court
                ));
            }
        }
        errs
    }
}

fn on_delivery(c: Case) -> Case {
    c.contract("HT", PaymentTerm::OnDelivery)
}

fn scenarios() -> Vec<Scenario> {
    use CorrespondenceKind as K;
    vec![
        // ---- Section 1: every payment term ----
        // on_delivery: D = 2024-03-05; + 3 years = 2027-03-05, a Friday (2027 is beyond the
        // calendar: weekends only, warned). 2026-11-22 → 2027-03-05 = 8 + 31 + 31 + 28 + 5 = 103
        // days: running. Fee on 100,000: 50 + 90,000 × 2.5% = 2,300.
        sc(
            "on_delivery",
            on_delivery(case("2026-11-22")).delivery("DN-1", "2024-03-05", "100000"),
        )
        .debt(("DN-1", "2027-03-05", Running, "100000", "0"))
        .case("2027-03-05", Running, 103)
        .claim("100000", "0", "100000", "2300")
        .finds(&["calendar-not-covered"]),
        // days_after_delivery 60: 2023-03-05 + 60 = 2023-05-04 (26 + 30 + 4). + 3 years =
        // 2026-05-04, Labour Day (off 05-01..05): next working day Wednesday 2026-05-06.
        // Expired: 2026-05-06 → 2026-11-22 = 25 + 30 + 31 + 31 + 30 + 31 + 22 = 200 days ago.
        sc(
            "days_after_delivery, last day on Labour Day",
            case("2026-11-22")
                .contract("HT", PaymentTerm::DaysAfterDelivery(60))
                .delivery("DN-1", "2023-03-05", "100000"),
        )
        .debt(("DN-1", "2026-05-06", Expired, "100000", "0"))
        .case("2026-05-06", Expired, -200)
        .claim("100000", "0", "100000", "2300")
        .finds(&["limitation-expired"])
        .not(&["calendar-not-covered"]),
        // days_after_invoice 30, received 2023-11-06: D = 2023-12-06; 2026-12-06 is a Sunday →
        // Monday 2026-12-07; 15 days after 2026-11-22: expiring.
        sc(
            "days_after_invoice, received; last day on a Sunday",
            case("2026-11-22")
                .contract("HT", PaymentTerm::DaysAfterInvoice(30))
                .delivery("DN-1", "2023-11-01", "100000")
                .invoice("2023-11-03", Some("2023-11-06")),
        )
        .debt(("DN-1", "2026-12-07", Expiring, "100000", "0"))
        .case("2026-12-07", Expiring, 15)
        .claim("100000", "0", "100000", "2300")
        .finds(&["limitation-expiring"])
        .not(&["invoice-receipt-unproven", "invoice-missing"]),
        // Receipt unproven: issued 2023-11-03 + 30 = 2023-12-03 → 2026-12-03 (Thursday), 11 days.
        sc(
            "days_after_invoice, receipt unproven",
            case("2026-11-22")
                .contract("HT", PaymentTerm::DaysAfterInvoice(30))
                .delivery("DN-1", "2023-11-01", "100000")
                .invoice("2023-11-03", None),
        )
        .debt(("DN-1", "2026-12-03", Expiring, "100000", "0"))
        .case("2026-12-03", Expiring, 11)
        .claim("100000", "0", "100000", "2300")
        .finds(&["invoice-receipt-unproven"]),
        // No invoice: delivery 2023-11-01 + 30 = 2023-12-01 → 2026-12-01 (Tuesday), 9 days.
        sc(
            "days_after_invoice, no invoice",
            case("2026-11-22")
                .contract("HT", PaymentTerm::DaysAfterInvoice(30))
                .delivery("DN-1", "2023-11-01", "100000"),
        )
        .debt(("DN-1", "2026-12-01", Expiring, "100000", "0"))
        .case("2026-12-01", Expiring, 9)
        .claim("100000", "0", "100000", "2300")
        .finds(&["invoice-missing"]),
        // Two invoices: the earliest day counts: received 2023-11-06 vs issued (unproven)
        // 2023-11-05 → 2023-11-05 + 30 = 2023-12-05 → 2026-12-05 (Saturday) → Monday 12-07.
        sc(
            "days_after_invoice, two invoices",
            case("2026-11-22")
                .contract("HT", PaymentTerm::DaysAfterInvoice(30))
                .delivery("DN-1", "2023-11-01", "100000")
                .invoice("2023-11-03", Some("2023-11-06"))
                .invoice("2023-11-05", None),
        )
        .debt(("DN-1", "2026-12-07", Expiring, "100000", "0"))
        .case("2026-12-07", Expiring, 15)
        .claim("100000", "0", "100000", "2300")
        .finds(&["invoice-several", "invoice-receipt-unproven"]),
        // fixed_date 2024-06-30 → 2027-06-30 (Wednesday): 8 + 31 + 31 + 28 + 31 + 30 + 31 + 30
        // = 220 days.
        sc(
            "fixed_date",
            case("2026-11-22")
                .contract("HT", PaymentTerm::FixedDate(date("2024-06-30")))
                .delivery("DN-1", "2024-05-01", "100000"),
        )
        .debt(("DN-1", "2027-06-30", Running, "100000", "0"))
        .case("2027-06-30", Running, 220)
        .claim("100000", "0", "100000", "2300"),
        // Term none: due on delivery (CC 628, 510): 2022-01-10 → 2025-01-10 (Friday); 681 days
        // before 2026-11-22 (21 + 334 + 304 + 22).
        sc(
            "term none",
            case("2026-11-22")
                .contract("HT", PaymentTerm::None)
                .delivery("DN-1", "2022-01-10", "100000"),
        )
        .debt(("DN-1", "2025-01-10", Expired, "100000", "0"))
        .case("2025-01-10", Expired, -681)
        .claim("100000", "0", "100000", "2300"),
        // No contract at all (de facto sale): due on delivery, as for term none; no warning.
        sc(
            "no contract",
            case("2026-11-22").delivery("DN-1", "2022-01-10", "100000"),
        )
        .debt(("DN-1", "2025-01-10", Expired, "100000", "0"))
        .case("2025-01-10", Expired, -681)
        .claim("100000", "0", "100000", "2300")
        .not(&["delivery-without-contract"]),
        // Installments 2023-01-31, 04-30, 07-31 of 100,000, 0.03% a day; 100,000 paid
        // 2023-03-15 goes to #1 (the only one arisen), 43 days late (28 + 15).
        // CC 189: every installment runs from 2023-07-31 → 2026-07-31 (Friday); the payment
        // before that day interrupts nothing. 2026-06-01 → 07-31 = 29 (Jun) + 31 = 60 days:
        // expiring.
        // Charges: #1 100,000 × 43 × 0.0003 = 1,290; #2 D 2023-04-30 → 2026-06-01:
        // 31+30+31+31+30+31+30+31 (May–Dec 2023) + 366 (2024) + 365 (2025) + 31+28+31+30+31
        // (Jan–May 2026) + 1 = 1,128 days: 100,000 × 1,128 × 0.0003 = 33,840; #3 D 2023-07-31
        // → 2026-06-01: 31+30+31+30+31 (Aug–Dec 2023) + 366 (2024) + 365 (2025) + 31+28+31+30+31
        // (Jan–May 2026) + 1 = 1,036 days: 100,000 × 1,036 × 0.0003 = 31,080. Total 1,290 +
        // 33,840 + 31,080 = 66,210. Claim 200,000 + 66,210 = 266,210; fee on 200,000: 50 +
        // 90,000 × 2.5% + 100,000 × 2% = 4,300; + 66,210 × 1.5% = 4,300 + 993.15 = 5,293.15.
        // 0.03% a day × 365 = 10.95% a year > LPR 3.65 (2023-02-01) × 1.95 = 7.1175%: flagged.
        sc(
            "installments",
            case("2026-06-01")
                .contract(
                    "HT",
                    PaymentTerm::Installments(vec![
                        Installment {
                            due: date("2023-01-31"),
                            amount: m("100000"),
                        },
                        Installment {
                            due: date("2023-04-30"),
                            amount: m("100000"),
                        },
                        Installment {
                            due: date("2023-07-31"),
                            amount: m("100000"),
                        },
                    ]),
                )
                .late(LatePayment::DailyRate(m("0.0003")))
                .delivery("DN-1", "2023-01-05", "300000")
                .pay("P1", "2023-03-15", "100000", &[])
                .interest(InterestMode::Auto),
        )
        .debt(("HT#1", "2026-07-31", Expiring, "0", "1290"))
        .debt(("HT#2", "2026-07-31", Expiring, "100000", "33840"))
        .debt(("HT#3", "2026-07-31", Expiring, "100000", "31080"))
        .case("2026-07-31", Expiring, 60)
        .claim("200000", "66210", "266210", "5293.15")
        .finds(&["excessive-penalty"]),
        // Installments not yet due: #1 2026-10-31 due, #2 2027-01-31 not (not claimed).
        // Limitation from 2027-01-31 → 2030-01-31 (Thursday): 2026-11-22 → 2030-01-31 = 8 (Nov) +
        // 31 (Dec 2026) + 365 (2027) + 366 (2028) + 365 (2029) + 31 (Jan 2030) = 1,166 days.
        sc(
            "installment not yet due",
            case("2026-11-22").contract(
                "HT",
                PaymentTerm::Installments(vec![
                    Installment {
                        due: date("2026-10-31"),
                        amount: m("100000"),
                    },
                    Installment {
                        due: date("2027-01-31"),
                        amount: m("100000"),
                    },
                ]),
            ),
        )
        .debt(("HT#1", "2030-01-31", Running, "100000", "0"))
        .debt(("HT#2", "2030-01-31", Running, "100000", "0"))
        .case("2030-01-31", Running, 1166)
        .claim("100000", "0", "100000", "2300")
        .finds(&["not-yet-due"]),
        // ---- Section 2: dates ----
        // 29 February: 2020-02-29 + 3 years: 2023 has no 29 Feb → 2023-02-28 (Tuesday).
        // 2023-01-01 → 02-28 = 30 + 28 = 58 days.
        sc(
            "29 February",
            on_delivery(case("2023-01-01")).delivery("DN-1", "2020-02-29", "100000"),
        )
        .debt(("DN-1", "2023-02-28", Expiring, "100000", "0"))
        .case("2023-02-28", Expiring, 58)
        .claim("100000", "0", "100000", "2300"),
        // A demand reaching the debtor on that last day still interrupts: 2026-02-28, a
        // Saturday but an adjusted working day (春节 调休): no shift. 2026-01-01 → 02-28 = 30 + 28
        // = 58 days.
        sc(
            "29 February, demand on the last day, worked Saturday",
            on_delivery(case("2026-01-01"))
                .delivery("DN-1", "2020-02-29", "100000")
                .demand("C-1", "2023-02-25", Some("2023-02-28"), true),
        )
        .debt(("DN-1", "2026-02-28", Expiring, "100000", "0"))
        .case("2026-02-28", Expiring, 58)
        .claim("100000", "0", "100000", "2300")
        .not(&["demand-after-lapse"]),
        // Spring Festival: 2021-02-12 → 2024-02-12, off (春节 02-10..17); next working day
        // Sunday 2024-02-18 (调休). On 2024-02-18 it is the last day: 0 days, expiring.
        sc(
            "Spring Festival, last day on the worked Sunday",
            on_delivery(case("2024-02-18")).delivery("DN-1", "2021-02-12", "100000"),
        )
        .debt(("DN-1", "2024-02-18", Expiring, "100000", "0"))
        .case("2024-02-18", Expiring, 0)
        .claim("100000", "0", "100000", "2300"),
        // The day after: expired.
        sc(
            "Spring Festival, one day late",
            on_delivery(case("2024-02-19")).delivery("DN-1", "2021-02-12", "100000"),
        )
        .debt(("DN-1", "2024-02-18", Expired, "100000", "0"))
        .case("2024-02-18", Expired, -1)
        .claim("100000", "0", "100000", "2300"),
        // Ordinary weekend: 2020-09-09 → 2023-09-09 (Saturday) → Monday 2023-09-11; 1 day left.
        sc(
            "ordinary weekend",
            on_delivery(case("2023-09-10")).delivery("DN-1", "2020-09-09", "100000"),
        )
        .debt(("DN-1", "2023-09-11", Expiring, "100000", "0"))
        .case("2023-09-11", Expiring, 1)
        .claim("100000", "0", "100000", "2300"),
        // ---- Section 2: the 2017 transition ----
        // D 2015-06-01: two years end 2017-06-01 (Thursday), before 2017-10-01: lapsed then.
        // 2017-06-01 → 2026-11-22 = 29 (Jun) + 31+31+30+31+30+31 (Jul–Dec 2017) +
        // 365+365+366+365+365+365+366+365 (2018–2025) + 326 (2026 to 11-22) = 3,461 days ago.
        sc(
            "transition: lapsed under the old law",
            on_delivery(case("2026-11-22")).delivery("DN-1", "2015-06-01", "100000"),
        )
        .debt(("DN-1", "2017-06-01", Expired, "100000", "0"))
        .case("2017-06-01", Expired, -3461)
        .claim("100000", "0", "100000", "2300"),
        // D 2015-09-30: two years end 2017-09-30, a worked Saturday: the last old-law day, still
        // before 2017-10-01 → two years. 2017-10-09 is 9 days later.
        sc(
            "transition: old side of the line",
            on_delivery(case("2017-10-09")).delivery("DN-1", "2015-09-30", "100000"),
        )
        .debt(("DN-1", "2017-09-30", Expired, "100000", "0"))
        .case("2017-09-30", Expired, -9)
        .claim("100000", "0", "100000", "2300"),
        // D 2015-10-01: two years end 2017-10-01, National Day → 2017-10-09: running on
        // 2017-10-01, so three years: 2018-10-01 (National Day, off 10-01..07) → Monday
        // 2018-10-08. 2017-10-09 → 2018-10-08 = 22 (Oct) + 30+31 (Nov–Dec 2017) + 281 (2018 to
        // 10-08) = 364 days.
        sc(
            "transition: new side of the line",
            on_delivery(case("2017-10-09")).delivery("DN-1", "2015-10-01", "100000"),
        )
        .debt(("DN-1", "2018-10-08", Running, "100000", "0"))
        .case("2018-10-08", Running, 364)
        .claim("100000", "0", "100000", "2300"),
        // D 2014-03-01: two years end 2016-03-01; a demand reaching the debtor 2016-01-11
        // (GPCL 140) restarts from then: two years would end 2018-01-11, after 2017-10-01, so
        // three: 2019-01-11 (Friday). 2018-06-01 → 2019-01-11 = 29 (Jun) + 31+31+30+31+30+31
        // (Jul–Dec 2018) + 11 = 224 days.
        sc(
            "transition: interrupted under the old law",
            on_delivery(case("2018-06-01"))
                .delivery("DN-1", "2014-03-01", "100000")
                .demand("C-1", "2016-01-08", Some("2016-01-11"), true),
        )
        .debt(("DN-1", "2019-01-11", Running, "100000", "0"))
        .case("2019-01-11", Running, 224)
        .claim("100000", "0", "100000", "2300"),
        // ---- Section 2: interruptions ----
        // D 2022-05-10 → 2025-05-10 (Saturday) → 2025-05-12. A demand with no proof of receipt
        // is not relied on. Expired: 2025-05-12 → 2026-11-22 = 19 (May) + 30+31+31+30+31+30+31
        // (Jun–Dec 2025) + 326 (2026 to 11-22) = 559 days ago.
        sc(
            "demand without proof",
            on_delivery(case("2026-11-22"))
                .delivery("DN-1", "2022-05-10", "100000")
                .demand("C-1", "2024-01-10", Some("2024-01-12"), false),
        )
        .debt(("DN-1", "2025-05-12", Expired, "100000", "0"))
        .case("2025-05-12", Expired, -559)
        .claim("100000", "0", "100000", "2300")
        .finds(&["demand-unproven", "limitation-expired"]),
        // With proof: from 2024-01-12 → 2027-01-12 (Tuesday): 8 + 31 + 12 = 51 days.
        sc(
            "demand with proof",
            on_delivery(case("2026-11-22"))
                .delivery("DN-1", "2022-05-10", "100000")
                .demand("C-1", "2024-01-10", Some("2024-01-12"), true),
        )
        .debt(("DN-1", "2027-01-12", Expiring, "100000", "0"))
        .case("2027-01-12", Expiring, 51)
        .claim("100000", "0", "100000", "2300")
        .not(&["demand-unproven"]),
        // A demand reaching the debtor 2025-06-03, after the lapse on 2025-05-12: no effect;
        // 559 days ago, as in "demand without proof".
        sc(
            "demand after the lapse",
            on_delivery(case("2026-11-22"))
                .delivery("DN-1", "2022-05-10", "100000")
                .demand("C-1", "2025-06-01", Some("2025-06-03"), true),
        )
        .debt(("DN-1", "2025-05-12", Expired, "100000", "0"))
        .case("2025-05-12", Expired, -559)
        .claim("100000", "0", "100000", "2300")
        .finds(&["demand-after-lapse"]),
        // Partial payment 30,000 on 2024-08-15 (before the lapse): from then → 2027-08-15
        // (Sunday) → Monday 2027-08-16: 8+31+31+28+31+30+31+30+31+16 = 267 days. 70,000 left;
        // fee 50 + 60,000 × 2.5% = 1,550.
        sc(
            "partial payment before the lapse",
            on_delivery(case("2026-11-22"))
                .delivery("DN-1", "2022-05-10", "100000")
                .pay("P1", "2024-08-15", "30000", &[]),
        )
        .debt(("DN-1", "2027-08-16", Running, "70000", "0"))
        .case("2027-08-16", Running, 267)
        .claim("70000", "0", "70000", "1550"),
        // Partial payment after the lapse (2025-08-01): keeps only what was paid. Still expired
        // 2025-05-12, 559 days ago (as in "demand without proof").
        sc(
            "partial payment after the lapse",
            on_delivery(case("2026-11-22"))
                .delivery("DN-1", "2022-05-10", "100000")
                .pay("P1", "2025-08-01", "30000", &[]),
        )
        .debt(("DN-1", "2025-05-12", Expired, "70000", "0"))
        .case("2025-05-12", Expired, -559)
        .claim("70000", "0", "70000", "1550")
        .finds(&["payment-after-lapse"]),
        // Reconciliation letter signed 2025-09-01 after the lapse: waiver (CC 192, SPC-LIM 19);
        // new period to 2028-09-01 (Friday): 2026-11-22 → 2028-09-01 = 8 (Nov) + 31 (Dec 2026) +
        // 365 (2027) + 31+29+31+30+31+30+31+31 (Jan–Aug 2028) + 1 = 649 days.
        sc(
            "reconciliation after the lapse",
            on_delivery(case("2026-11-22"))
                .delivery("DN-1", "2022-05-10", "100000")
                .rec("REC-1", "2025-09-01", "2025-08-31", "100000", true),
        )
        .debt(("DN-1", "2028-09-01", Waived, "100000", "0"))
        .case("2028-09-01", Waived, 649)
        .claim("100000", "0", "100000", "2300")
        .finds(&["limitation-waived"]),
        // Repayment plan after the lapse: waiver too; 2025-10-10 → 2028-10-10 (Tuesday):
        // 2026-11-22 → 2028-10-10 = 649 (to 2028-09-01, as above) + 29 (Sep) + 10 = 688 days.
        sc(
            "repayment plan after the lapse",
            on_delivery(case("2026-11-22"))
                .delivery("DN-1", "2022-05-10", "100000")
                .letter("C-2", K::RepaymentPlan, "2025-10-10", None),
        )
        .debt(("DN-1", "2028-10-10", Waived, "100000", "0"))
        .case("2028-10-10", Waived, 688)
        .claim("100000", "0", "100000", "2300"),
        // A mere promise after the lapse is not relied on as a waiver (conservative): expired
        // 2025-05-12, 559 days ago (as in "demand without proof").
        sc(
            "promise after the lapse",
            on_delivery(case("2026-11-22"))
                .delivery("DN-1", "2022-05-10", "100000")
                .letter("C-2", K::Promise, "2025-10-10", None),
        )
        .debt(("DN-1", "2025-05-12", Expired, "100000", "0"))
        .case("2025-05-12", Expired, -559)
        .claim("100000", "0", "100000", "2300")
        .finds(&["promise-after-lapse"]),
        // Reconciliation with a balance (50,000) below the debts it could cover (DN-1 100,000
        // delivered 2022-03-01, DN-2 50,000 delivered 2022-06-01): only the latest, DN-2, is
        // relied on → 2027-01-15 (Friday). DN-1 keeps 2025-03-01 (Saturday) → 2025-03-03.
        // 2024-06-01 → 2025-03-03 = 29 (Jun) + 31+31+30+31+30+31 (Jul–Dec 2024) + 31+28 (Jan–Feb
        // 2025) + 3 = 275 days. Fee on 150,000: 2,300 + 50,000 × 2% = 3,300.
        sc(
            "reconciliation covering part",
            on_delivery(case("2024-06-01"))
                .delivery("DN-1", "2022-03-01", "100000")
                .delivery("DN-2", "2022-06-01", "50000")
                .rec("REC-1", "2024-01-15", "2023-12-31", "50000", true),
        )
        .debt(("DN-1", "2025-03-03", Running, "100000", "0"))
        .debt(("DN-2", "2027-01-15", Running, "50000", "0"))
        .case("2025-03-03", Running, 275)
        .claim("150000", "0", "150000", "3300")
        .finds(&["acknowledgement-partial"]),
        // Not signed by the debtor: no effect; 2025-03-03 as above.
        sc(
            "reconciliation unsigned",
            on_delivery(case("2024-06-01"))
                .delivery("DN-1", "2022-03-01", "100000")
                .rec("REC-1", "2024-01-15", "2023-12-31", "100000", false),
        )
        .debt(("DN-1", "2025-03-03", Running, "100000", "0"))
        .case("2025-03-03", Running, 275)
        .claim("100000", "0", "100000", "2300")
        .finds(&["reconciliation-unsigned"]),
        // The letter covers only debts delivered on or before period_end (2023-12-31): DN-1
        // (2023-12-20) → 2027-01-15; DN-2 (2024-01-05) keeps 2027-01-05 (Tuesday):
        // 2026-11-22 → 2027-01-05 = 8 (Nov) + 31 (Dec) + 5 = 44 days.
        sc(
            "reconciliation period_end",
            on_delivery(case("2026-11-22"))
                .delivery("DN-1", "2023-12-20", "100000")
                .delivery("DN-2", "2024-01-05", "50000")
                .rec("REC-1", "2024-01-15", "2023-12-31", "100000", true),
        )
        .debt(("DN-1", "2027-01-15", Expiring, "100000", "0"))
        .debt(("DN-2", "2027-01-05", Expiring, "50000", "0"))
        .case("2027-01-05", Expiring, 44)
        .claim("150000", "0", "150000", "3300")
        .not(&["acknowledgement-partial"]),
        // Acknowledgement 2024-03-01 reaches the debts due that day: DN-1 (due 2023-05-01) →
        // 2027-03-01 (Monday; 2026-11-22 → 2027-03-01 = 8 (Nov) + 31 (Dec) + 31 (Jan) + 28 (Feb)
        // + 1 = 99 days); DN-2 (delivered 2024-02-20, due 2024-03-21) is not yet due:
        // 2027-03-21 (Sunday) → 2027-03-22.
        sc(
            "acknowledgement reaches debts due that day",
            case("2026-11-22")
                .contract("HT", PaymentTerm::DaysAfterDelivery(30))
                .delivery("DN-1", "2023-04-01", "100000")
                .delivery("DN-2", "2024-02-20", "100000")
                .letter("C-1", K::Acknowledgement, "2024-03-01", None),
        )
        .debt(("DN-1", "2027-03-01", Running, "100000", "0"))
        .debt(("DN-2", "2027-03-22", Running, "100000", "0"))
        .case("2027-03-01", Running, 99)
        .claim("200000", "0", "200000", "4300"),
        // Acknowledgement of 150,000 where 200,000 is unpaid: the latest debt (DN-2, 100,000)
        // and the next (DN-1) make it up: both are reached. 2024-01-15 → 2027-01-15 (Friday):
        // 2026-11-22 → 2027-01-15 = 8 (Nov) + 31 (Dec) + 15 = 54 days.
        sc(
            "acknowledgement with an amount reaching two debts",
            on_delivery(case("2026-11-22"))
                .delivery("DN-1", "2022-03-01", "100000")
                .delivery("DN-2", "2022-06-01", "100000")
                .letter("C-1", K::Acknowledgement, "2024-01-15", Some("150000")),
        )
        .debt(("DN-1", "2027-01-15", Expiring, "100000", "0"))
        .debt(("DN-2", "2027-01-15", Expiring, "100000", "0"))
        .case("2027-01-15", Expiring, 54)
        .claim("200000", "0", "200000", "4300")
        .not(&["acknowledgement-partial"]),
        // A dispute from the debtor interrupts nothing: 2022-03-01 → 2025-03-01 (Saturday) →
        // 2025-03-03, 275 days after 2024-06-01.
        sc(
            "dispute",
            on_delivery(case("2024-06-01"))
                .delivery("DN-1", "2022-03-01", "100000")
                .letter("C-1", K::Dispute, "2024-01-15", None),
        )
        .debt(("DN-1", "2025-03-03", Running, "100000", "0"))
        .case("2025-03-03", Running, 275)
        .claim("100000", "0", "100000", "2300")
        .finds(&["correspondence-no-effect"]),
        // The demand reaches every debt due and unpaid on 2024-06-03 (SPC-LIM 9), not one paid
        // nor one not yet due. Term 90 days: DN-1 due 2023-04-10, paid in full 2023-06-01 (that
        // payment interrupts: 2026-06-01); DN-2 due 2023-05-30 → 2027-06-03 (Thursday;
        // 2026-11-22 → 2027-06-03 = 8 (Nov) + 31 (Dec) + 31+28+31+30+31 (Jan–May 2027) + 3 =
        // 193 days); DN-3 due 2024-07-30 → 2027-07-30. Fee on 200,000: 50 + 90,000 × 2.5% +
        // 100,000 × 2% = 4,300.
        sc(
            "demand reaches debts due and unpaid",
            case("2026-11-22")
                .contract("HT", PaymentTerm::DaysAfterDelivery(90))
                .delivery("DN-1", "2023-01-10", "100000")
                .delivery("DN-2", "2023-03-01", "100000")
                .delivery("DN-3", "2024-05-01", "100000")
                .pay("P1", "2023-06-01", "100000", &["DN-1"])
                .demand("C-1", "2024-06-01", Some("2024-06-03"), true),
        )
        .debt(("DN-1", "2026-06-01", Expired, "0", "0"))
        .debt(("DN-2", "2027-06-03", Running, "100000", "0"))
        .debt(("DN-3", "2027-07-30", Running, "100000", "0"))
        .case("2027-06-03", Running, 193)
        .claim("200000", "0", "200000", "4300"),
        // Twenty-year cap: D 2006-03-01, acknowledged every year or two, last on 2024-06-03
        // (→ 2027-06-03), but no period runs past 2026-03-01 (CC 188; Art. 35), a Sunday, not
        // moved (conservative). 2026-01-10 → 2026-03-01 = 21 + 28 + 1 = 50 days.
        sc(
            "twenty-year cap",
            case("2026-01-10")
                .delivery("DN-1", "2006-03-01", "100000")
                .letter("A1", K::Acknowledgement, "2007-06-01", None)
                .letter("A2", K::Acknowledgement, "2009-01-05", None)
                .letter("A3", K::Acknowledgement, "2010-09-01", None)
                .letter("A4", K::Acknowledgement, "2012-05-02", None)
                .letter("A5", K::Acknowledgement, "2014-01-06", None)
                .letter("A6", K::Acknowledgement, "2015-09-01", None)
                .letter("A7", K::Acknowledgement, "2017-03-01", None)
                .letter("A8", K::Acknowledgement, "2019-12-02", None)
                .letter("A9", K::Acknowledgement, "2022-06-01", None)
                .letter("A10", K::Acknowledgement, "2024-06-03", None),
        )
        .debt(("DN-1", "2026-03-01", Expiring, "100000", "0"))
        .case("2026-03-01", Expiring, 50)
        .claim("100000", "0", "100000", "2300")
        .not(&["calendar-not-covered"]),
        // ---- Section 1: allocation ----
        // The payment names DN-2: DN-2 is interrupted (2024-06-01 → 2027-06-01), DN-1 is not
        // (2025-03-03; 2024-07-01 → 2025-03-03 = 30 (Jul) + 31+30+31+30+31 (Aug–Dec 2024) +
        // 31+28 (Jan–Feb 2025) + 3 = 245 days). Fee on 150,000: 2,300 + 50,000 × 2% = 3,300.
        sc(
            "applies_to",
            on_delivery(case("2024-07-01"))
                .delivery("DN-1", "2022-03-01", "100000")
                .delivery("DN-2", "2023-03-01", "100000")
                .pay("P1", "2024-06-01", "50000", &["DN-2"]),
        )
        .debt(("DN-1", "2025-03-03", Running, "100000", "0"))
        .debt(("DN-2", "2027-06-01", Running, "50000", "0"))
        .case("2025-03-03", Running, 245)
        .claim("150000", "0", "150000", "3300"),
        // No designation: the earliest-due debt DN-1 takes it (CC 560) and is interrupted;
        // DN-2 keeps 2026-03-01 (Sunday) → 2026-03-02 (Monday): 2024-07-01 → 2026-03-02 = 30 (Jul)
        // + 31+30+31+30+31 (Aug–Dec 2024) + 365 (2025) + 31+28 (Jan–Feb 2026) + 2 = 609 days.
        sc(
            "earliest due first",
            on_delivery(case("2024-07-01"))
                .delivery("DN-1", "2022-03-01", "100000")
                .delivery("DN-2", "2023-03-01", "100000")
                .pay("P1", "2024-06-01", "50000", &[]),
        )
        .debt(("DN-1", "2027-06-01", Running, "50000", "0"))
        .debt(("DN-2", "2026-03-02", Running, "100000", "0"))
        .case("2026-03-02", Running, 609)
        .claim("150000", "0", "150000", "3300"),
        // Overpayment: 120,000 on a debt of 100,000: 20,000 unallocated. Paid on its due date:
        // nothing owed, nothing open; the payment on D restarts nothing: 2027-03-01 (Monday).
        sc(
            "overpayment",
            on_delivery(case("2024-07-01"))
                .delivery("DN-1", "2024-03-01", "100000")
                .pay("P1", "2024-03-01", "120000", &[]),
        )
        .debt(("DN-1", "2027-03-01", Running, "0", "0"))
        .finds(&["payment-unallocated"]),
        // ---- Section 3: charges ----
        // Paid in full on the due date: no charge (the due date itself is on time). Nothing is
        // open: no case limitation; claim 0 → fee 50.
        sc(
            "payment on the due date",
            on_delivery(case("2024-06-01"))
                .late(LatePayment::DailyRate(m("0.0005")))
                .delivery("DN-1", "2024-03-01", "100000")
                .pay("P1", "2024-03-01", "100000", &[])
                .interest(InterestMode::Auto),
        )
        .debt(("DN-1", "2027-03-01", Running, "0", "0"))
        .claim("0", "0", "0", "50")
        .not(&["excessive-penalty"]),
        // Paid one day late: 1 day × 100,000 × 0.0005 = 50.00, still claimed; the debt stays
        // open for its charges: payment 2024-03-02 → 2027-03-02 (Tuesday): 2024-06-01 →
        // 2027-03-02 = 29 (Jun) + 31+31+30+31+30+31 (Jul–Dec 2024) + 365 (2025) + 365 (2026) +
        // 31+28 (Jan–Feb 2027) + 2 = 1,004 days.
        sc(
            "payment one day late",
            on_delivery(case("2024-06-01"))
                .late(LatePayment::DailyRate(m("0.0005")))
                .delivery("DN-1", "2024-03-01", "100000")
                .pay("P1", "2024-03-02", "100000", &[])
                .interest(InterestMode::Auto),
        )
        .debt(("DN-1", "2027-03-02", Running, "0", "50"))
        .case("2027-03-02", Running, 1004)
        .claim("0", "50", "50", "50")
        .finds(&["excessive-penalty"]),
        // A debt paid late keeps its charges, and they can be barred: DN-1 due 2020-01-10, paid
        // in full 2020-03-10 (21 + 29 + 10 = 60 days late: 100,000 × 60 × 0.0005 = 3,000);
        // that payment restarts its period to 2023-03-10 (Friday): expired, warned. The case
        // follows the unpaid debt DN-2: due 2024-03-01 → 2027-03-01 (Monday): 2024-06-01 →
        // 2027-03-01 = 29 (Jun) + 31+31+30+31+30+31 (Jul–Dec 2024) + 365 (2025) + 365 (2026) +
        // 31+28 (Jan–Feb 2027) + 1 = 1,003 days; its charges: 2024-03-01 → 2024-06-01 = 30 (Mar)
        // + 30 (Apr) + 31 (May) + 1 = 92 days late, 100,000 × 92 × 0.0005 = 4,600. Charges
        // 3,000 + 4,600 = 7,600; claim 100,000 + 7,600 = 107,600; fee 2,300 + 7,600 × 2% = 2,452.
        sc(
            "charges of a paid debt barred, the case follows the unpaid debt",
            on_delivery(case("2024-06-01"))
                .late(LatePayment::DailyRate(m("0.0005")))
                .delivery("DN-1", "2020-01-10", "100000")
                .delivery("DN-2", "2024-03-01", "100000")
                .pay("P1", "2020-03-10", "100000", &[])
                .interest(InterestMode::Auto),
        )
        .debt(("DN-1", "2023-03-10", Expired, "0", "3000"))
        .debt(("DN-2", "2027-03-01", Running, "100000", "4600"))
        .case("2027-03-01", Running, 1003)
        .claim("100000", "7600", "107600", "2452")
        .finds(&["limitation-expired"]),
        // Several payments, 0.05% a day, D 2024-01-10: 30,000 paid 2024-02-09 (21 + 9 = 30 days):
        // 30,000 × 30 × 0.0005 = 450; 20,000 paid 2024-03-10 (21 + 29 + 10 = 60 days): 20,000 ×
        // 60 × 0.0005 = 600; 50,000 unpaid to 2024-04-09 (21 + 29 + 31 + 9 = 90 days): 50,000 ×
        // 90 × 0.0005 = 2,250. Charges 450 + 600 + 2,250 = 3,300; claim 50,000 + 3,300 = 53,300;
        // fee 50 + (53,300 − 10,000) × 2.5% = 50 + 43,300 × 2.5% = 1,132.50.
        // Last payment 2024-03-10 → 2027-03-10 (Wednesday): 2024-04-09 → 2027-03-10 = 21 (Apr) +
        // 31+30+31+31+30+31+30+31 (May–Dec 2024) + 365 (2025) + 365 (2026) + 31+28 (Jan–Feb
        // 2027) + 10 = 1,065 days.
        sc(
            "several payments, daily rate",
            on_delivery(case("2024-04-09"))
                .late(LatePayment::DailyRate(m("0.0005")))
                .delivery("DN-1", "2024-01-10", "100000")
                .pay("P1", "2024-02-09", "30000", &[])
                .pay("P2", "2024-03-10", "20000", &[])
                .interest(InterestMode::Auto),
        )
        .debt(("DN-1", "2027-03-10", Running, "50000", "3300"))
        .case("2027-03-10", Running, 1065)
        .claim("50000", "3300", "53300", "1132.50"),
        // Annual rate 12%, 2024-01-10 → 04-09 = 21 + 29 + 31 + 9 = 90 days: 100,000 × 90 × 0.12 /
        // 365 = 2,958.904… → 2,958.90. Claim 102,958.90; fee 2,300 + 2,958.90 × 2% = 2,359.178 →
        // 2,359.18. D 2024-01-10 → 2027-01-10, a Sunday → Monday 2027-01-11: 2024-04-09 →
        // 2027-01-11 = 21 (Apr) + 31+30+31+31+30+31+30+31 (May–Dec 2024) + 365 (2025) + 365
        // (2026) + 11 = 1,007 days.
        sc(
            "annual rate",
            on_delivery(case("2024-04-09"))
                .late(LatePayment::AnnualRate(m("0.12")))
                .delivery("DN-1", "2024-01-10", "100000")
                .interest(InterestMode::Auto),
        )
        .debt(("DN-1", "2027-01-11", Running, "100000", "2958.90"))
        .claim("100000", "2958.90", "102958.90", "2359.18")
        .case("2027-01-11", Running, 1007),
        // Fixed sum 5,000 for the contract, two late debts: once. Loss at LPR 3.45 × 1.5:
        // 50,000 × 90 × 5.175% / 365 = 638.0137 + 50,000 × 59 × 5.175% / 365 = 418.2534 →
        // 1,056.27; × 1.3 = 1,373.15 < 5,000: flagged. Claim 105,000; fee 2,300 + 100 = 2,400.
        // DN-2's 59 days: 2024-02-10 → 04-09 = 19 + 31 + 9. DN-1 → 2027-01-11, 1,007 days (as in
        // "annual rate"); DN-2 D 2024-02-10 → 2027-02-10 (Wednesday).
        sc(
            "fixed sum",
            on_delivery(case("2024-04-09"))
                .late(LatePayment::Fixed(m("5000")))
                .delivery("DN-1", "2024-01-10", "50000")
                .delivery("DN-2", "2024-02-10", "50000")
                .interest(InterestMode::Auto),
        )
        .debt(("DN-1", "2027-01-11", Running, "50000", "5000"))
        .debt(("DN-2", "2027-02-10", Running, "50000", "0"))
        .claim("100000", "5000", "105000", "2400")
        .case("2027-01-11", Running, 1007)
        .finds(&["excessive-penalty"]),
        // LPR basis, breach day 2023-08-21 = the day the LPR fell to 3.45; 2023-08-20 → 09-19 =
        // 11 + 19 = 30 days: 100,000 × 30 × 3.45% × 1.5 / 365 = 155,250 / 365 = 425.342… →
        // 425.34. Fee 2,300 + 425.34 × 2% = 2,308.5068 → 2,308.51. D 2023-08-20 → 2026-08-20
        // (Thursday): 2023-09-19 → 2026-08-20 = 11 (Sep) + 31+30+31 (Oct–Dec 2023) + 366 (2024)
        // + 365 (2025) + 31+28+31+30+31+30+31 (Jan–Jul 2026) + 20 = 1,066 days.
        sc(
            "LPR changes on the breach day",
            on_delivery(case("2023-09-19"))
                .delivery("DN-1", "2023-08-20", "100000")
                .interest(InterestMode::Lpr)
                .markup("0.5"),
        )
        .debt(("DN-1", "2026-08-20", Running, "100000", "425.34"))
        .claim("100000", "425.34", "100425.34", "2308.51")
        .case("2026-08-20", Running, 1066),
        // One day earlier: breach 2023-08-20, LPR 3.55 × 1.5 = 5.325%; 2023-08-19 → 09-18 = 12 +
        // 18 = 30 days: 100,000 × 30 × 5.325% / 365 = 159,750 / 365 = 437.671… → 437.67; fee
        // 2,300 + 437.67 × 2% = 2,300 + 8.7534 → 2,308.75. D 2023-08-19 → 2026-08-19
        // (Wednesday): 2023-09-18 → 2026-08-19 = 12 (Sep) + 31+30+31 (Oct–Dec 2023) + 366 (2024)
        // + 365 (2025) + 31+28+31+30+31+30+31 (Jan–Jul 2026) + 19 = 1,066 days.
        sc(
            "LPR the day before the change",
            on_delivery(case("2023-09-18"))
                .delivery("DN-1", "2023-08-19", "100000")
                .interest(InterestMode::Auto)
                .markup("0.5"),
        )
        .debt(("DN-1", "2026-08-19", Running, "100000", "437.67"))
        .claim("100000", "437.67", "100437.67", "2308.75")
        .case("2026-08-19", Running, 1066),
        // Breach 2019-08-19, before the LPR: PBOC 4.35 × 1.3 = 5.655% (markup defaults to 0.3);
        // 2019-08-18 → 09-17 = 13 + 17 = 30 days: 100,000 × 30 × 5.655% / 365 = 169,650 / 365 =
        // 464.794… → 464.79; fee 2,300 + 464.79 × 2% = 2,309.2958 → 2,309.30. D 2019-08-18 →
        // 2022-08-18 (Thursday): 2019-09-17 → 2022-08-18 = 13 (Sep) + 31+30+31 (Oct–Dec 2019) +
        // 366 (2020) + 365 (2021) + 31+28+31+30+31+30+31 (Jan–Jul 2022) + 18 = 1,066 days.
        sc(
            "PBOC benchmark before 2019-08-20",
            on_delivery(case("2019-09-17"))
                .delivery("DN-1", "2019-08-18", "100000")
                .interest(InterestMode::Auto),
        )
        .debt(("DN-1", "2022-08-18", Running, "100000", "464.79"))
        .claim("100000", "464.79", "100464.79", "2309.30")
        .case("2022-08-18", Running, 1066)
        .finds(&["lpr-markup-default"]),
        // Breach 2019-08-20, the first LPR: 4.25 × 1.3 = 5.525%; 2019-08-19 → 09-18 = 12 + 18 =
        // 30 days: 100,000 × 30 × 5.525% = 165,750 / 365 = 454.109… → 454.11; fee 2,300 +
        // 454.11 × 2% = 2,300 + 9.0822 → 2,309.08. D 2019-08-19 → 2022-08-19 (Friday):
        // 2019-09-18 → 2022-08-19 = 12 (Sep) + 31+30+31 (Oct–Dec 2019) + 366 (2020) + 365 (2021)
        // + 31+28+31+30+31+30+31 (Jan–Jul 2022) + 19 = 1,066 days.
        sc(
            "first LPR day",
            on_delivery(case("2019-09-18"))
                .delivery("DN-1", "2019-08-19", "100000")
                .interest(InterestMode::Auto),
        )
        .debt(("DN-1", "2022-08-19", Running, "100000", "454.11"))
        .claim("100000", "454.11", "100454.11", "2309.08")
        .case("2022-08-19", Running, 1066),
        // Breach 2025-12-02 is past the LPR table (last 2025-10-20, + 1 month = 2025-11-20):
        // 3.00 used, stale warning. 2025-12-01 → 2026-01-30 = 30 + 30 = 60 days; 3.00 × 1.5 =
        // 4.5%: 60 days × 100,000 × 4.5% / 365 = 739.726… → 739.73; fee 2,300 + 739.73 × 2% =
        // 2,300 + 14.7946 → 2,314.79. D 2025-12-01 → 2028-12-01 (Friday): 2026-01-30 →
        // 2028-12-01 = 1 (Jan) + 28+31+30+31+30+31+31+30+31+30+31 (Feb–Dec 2026) + 365 (2027) +
        // 336 (2028 to 12-01) = 1,036 days.
        sc(
            "LPR table stale",
            on_delivery(case("2026-01-30"))
                .delivery("DN-1", "2025-12-01", "100000")
                .interest(InterestMode::Lpr)
                .markup("0.5"),
        )
        .debt(("DN-1", "2028-12-01", Running, "100000", "739.73"))
        .claim("100000", "739.73", "100739.73", "2314.79")
        .case("2028-12-01", Running, 1036)
        .finds(&["rate-table-stale"]),
        // interest: contract, but the contract agrees nothing: no charges, warned. Last day as in
        // "annual rate": 2027-01-11, 1,007 days.
        sc(
            "interest contract without terms",
            on_delivery(case("2024-04-09"))
                .delivery("DN-1", "2024-01-10", "100000")
                .interest(InterestMode::Contract),
        )
        .debt(("DN-1", "2027-01-11", Running, "100000", "0"))
        .claim("100000", "0", "100000", "2300")
        .case("2027-01-11", Running, 1007)
        .finds(&["no-contract-rate"]),
        // ---- Section 4: costs ----
        // Costs 20,000 recoverable: claim 120,000; fee 2,300 + 20,000 × 2% = 2,700.
        sc(
            "costs recoverable",
            on_delivery(case("2026-11-22"))
                .costs_clause()
                .delivery("DN-1", "2024-03-05", "100000")
                .cost("20000"),
        )
        .debt(("DN-1", "2027-03-05", Running, "100000", "0"))
        .case("2027-03-05", Running, 103)
        .claim("100000", "0", "120000", "2700")
        .not(&["costs-not-recoverable"]),
        // No costs clause: not claimed.
        sc(
            "costs not recoverable",
            on_delivery(case("2026-11-22"))
                .delivery("DN-1", "2024-03-05", "100000")
                .cost("20000"),
        )
        .debt(("DN-1", "2027-03-05", Running, "100000", "0"))
        .case("2027-03-05", Running, 103)
        .claim("100000", "0", "100000", "2300")
        .finds(&["costs-not-recoverable"]),
        // ---- Section 6: forum ---- (D 2024-03-05 → 2027-03-05, 103 days, as in "on_delivery")
        // An arbitration clause: no court (Arbitration Law Art. 5).
        sc(
            "arbitration clause",
            on_delivery(case("2026-11-22"))
                .forum(Forum::Arbitration("杭州仲裁委员会".into()))
                .delivery("DN-1", "2024-03-05", "100000"),
        )
        .debt(("DN-1", "2027-03-05", Running, "100000", "0"))
        .case("2027-03-05", Running, 103)
        .claim("100000", "0", "100000", "2300")
        .finds(&["arbitration-clause"])
        .court("arbitration", None),
        // CPL 35: the agreed 原告住所地 court, named from the creditor's address.
        sc(
            "agreed court at the plaintiff's domicile",
            on_delivery(case("2026-11-22"))
                .forum(Forum::Court("原告住所地人民法院".into()))
                .delivery("DN-1", "2024-03-05", "100000")
                .addresses("浙江省杭州市西湖区文三路100号", "浙江省宁波市海曙区中山西路200号"),
        )
        .debt(("DN-1", "2027-03-05", Running, "100000", "0"))
        .case("2027-03-05", Running, 103)
        .claim("100000", "0", "100000", "2300")
        .court("agreed", Some("杭州市西湖区人民法院")),
        // CPL 24: no clause → the court of the debtor's domicile, named from its address.
        sc(
            "no clause: the debtor's domicile",
            on_delivery(case("2026-11-22"))
                .delivery("DN-1", "2024-03-05", "100000")
                .addresses("浙江省杭州市西湖区文三路100号", "浙江省宁波市海曙区中山西路200号"),
        )
        .debt(("DN-1", "2027-03-05", Running, "100000", "0"))
        .case("2027-03-05", Running, 103)
        .claim("100000", "0", "100000", "2300")
        .court("defendant_domicile", Some("宁波市海曙区人民法院")),
        // claim.court overrides the suggestion.
        sc(
            "court override",
            on_delivery(case("2026-11-22"))
                .delivery("DN-1", "2024-03-05", "100000")
                .addresses("浙江省杭州市西湖区文三路100号", "浙江省宁波市海曙区中山西路200号")
                .court("杭州市西湖区人民法院"),
        )
        .debt(("DN-1", "2027-03-05", Running, "100000", "0"))
        .case("2027-03-05", Running, 103)
        .claim("100000", "0", "100000", "2300")
        .finds(&["court-override"])
        .court("override", Some("杭州市西湖区人民法院")),
    ]
}

#[test]
fn scenario_table() {
    let all = scenarios();
    assert!(all.len() >= 40, "only {} scenarios", all.len());
    let errs: Vec<String> = all.iter().flat_map(|s| s.check()).collect();
    assert!(errs.is_empty(), "{} mismatches:\n{}", errs.len(), errs.join("\n"));
}

#[test]
fn trace_names_documents_and_articles() {
    // The proven demand of "demand with proof": the trace shows the start, then the demand with
    // its document and CC 195, then the last day.
    let f = on_delivery(case("2026-11-22"))
        .delivery("DN-1", "2022-05-10", "100000")
        .demand("C-1", "2024-01-10", Some("2024-01-12"), true)
        .0;
    let a = evaluate(&f);
    let t = &a.limitation.debts[0].trace;
    let events: Vec<&str> = t.iter().map(|e| e.event).collect();
    assert_eq!(events, vec!["due", "holiday-shift", "demand"]);
    assert_eq!(t[2].date, date("2024-01-12"));
    assert_eq!(t[2].document.as_ref().unwrap().id, "C-1");
    assert_eq!(t[2].article, "CC 195; SPC-LIM 8, 9");
    assert_eq!(t[2].last_day, Some(date("2027-01-12")));
    let j = serde_json::to_value(&a).unwrap();
    assert_eq!(j["limitation"]["status"], "expiring");
    assert_eq!(j["limitation"]["expires_on"], "2027-01-12");
    assert_eq!(j["limitation"]["debts"][0]["outstanding"], "100000.00");
    assert_eq!(
        j["limitation"]["debts"][0]["trace"][2]["rule"],
        "民法典第一百九十五条；《最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定》第八条、第九条"
    );
    assert_eq!(j["claim_total"], "100000.00");
    assert_eq!(j["court_fee"], "2300.00");
    assert_eq!(j["court_fee_simplified"], "1150.00");
    assert_eq!(j["preservation_fee"], "1020.00");
}

#[test]
fn twenty_year_cap_trace_shows_repeated_interruptions_and_the_cap() {
    let s = scenarios().into_iter().find(|s| s.name == "twenty-year cap").unwrap();
    let a = evaluate(&s.facts);
    let t = &a.limitation.debts[0].trace;
    let events: Vec<&str> = t.iter().map(|e| e.event).collect();
    assert!(events.contains(&"interrupted-again"));
    assert!(events.contains(&"old-law-two-years"));
    assert!(events.contains(&"transition"));
    assert_eq!(events.last(), Some(&"cap"));
    // Acknowledgements before 2017-10-01 cite the old law.
    let a1 = t.iter().find(|e| e.date == date("2007-06-01")).unwrap();
    assert_eq!(a1.article, "GPCL 140");
}

#[test]
fn absurd_figures_are_refused_without_panicking() {
    // 10^20 yuan, a 500%-a-day rate and a 10^25 cost would overflow the arithmetic: each is
    // refused with a finding; the sane delivery is still computed.
    let f = on_delivery(case("2024-04-09"))
        .late(LatePayment::DailyRate(m("5")))
        .costs_clause()
        .delivery("DN-1", "2024-01-10", "100000")
        .delivery("DN-2", "2024-01-10", "100000000000000000000")
        .pay("P1", "2024-02-01", "99999999999999999999999", &[])
        .cost("10000000000000000000000000")
        .interest(InterestMode::Auto)
        .0;
    let a = evaluate(&f);
    let codes: Vec<&str> = a.findings.iter().map(|f| f.code).collect();
    assert_eq!(codes.iter().filter(|c| **c == "amount-implausible").count(), 3);
    assert!(codes.contains(&"late-payment-implausible"));
    assert_eq!(a.debts.len(), 1);
    // Interest auto, contract terms refused → the LPR basis: 3.45 × 1.3 (default markup) on
    // 100,000 for 90 days = 100,000 × 90 × 4.485% / 365 = 1,105.89.
    assert_eq!(money_string(a.interest.total), "1105.89");
    assert_eq!(money_string(a.claim_total), "101105.89");
}
