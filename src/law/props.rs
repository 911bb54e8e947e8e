//! Property tests over random cases: an extra proven interruption never makes a last day
//! earlier; an extra payment never increases what is owed; charges never fall as `as_of` moves
//! later; court fees never fall as the claim grows.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::law::facts::*;
use crate::law::{DocRef, LegalAssessment, evaluate, fees, ymd};

const BASE: NaiveDate = ymd(2012, 1, 1);

fn day(offset: u32) -> NaiveDate {
    BASE.checked_add_days(Days::new(u64::from(offset))).unwrap()
}

fn cents(c: i64) -> Decimal {
    Decimal::new(c, 2)
}

fn doc(id: &str) -> DocRef {
    DocRef {
        kind: "x".into(),
        id: id.into(),
        file: String::new(),
        line: 0,
    }
}

fn term() -> impl Strategy<Value = PaymentTerm> {
    prop_oneof![
        Just(PaymentTerm::OnDelivery),
        Just(PaymentTerm::None),
        (0u32..120).prop_map(PaymentTerm::DaysAfterDelivery),
        (0u32..60).prop_map(PaymentTerm::DaysAfterInvoice),
        (0u32..5200).prop_map(|o| PaymentTerm::FixedDate(day(o))),
        prop::collection::vec((0u32..5200, 100_000i64..20_000_000), 1..4).prop_map(|v| {
            PaymentTerm::Installments(
                v.into_iter()
                    .map(|(o, a)| Installment {
                        due: day(o),
                        amount: cents(a),
                    })
                    .collect(),
            )
        }),
    ]
}

fn late() -> impl Strategy<Value = Option<LatePayment>> {
    prop_oneof![
        Just(None),
        (1i64..20).prop_map(|r| Some(LatePayment::DailyRate(Decimal::new(r, 4)))),
        (1i64..30).prop_map(|r| Some(LatePayment::AnnualRate(Decimal::new(r, 2)))),
        (1i64..1_000_000).prop_map(|c| Some(LatePayment::Fixed(cents(c)))),
    ]
}

fn mode() -> impl Strategy<Value = InterestMode> {
    prop_oneof![
        Just(InterestMode::Auto),
        Just(InterestMode::Contract),
        Just(InterestMode::Lpr),
        Just(InterestMode::None),
    ]
}

/// (Amounts below are in cents.) A payment: day, amount, and optionally the index of a delivery it names.
type Pay = (u32, i64, Option<usize>);
/// A letter: day, kind (0 demand with proof, 1 demand without, 2 acknowledgement, 3 promise,
/// 4 repayment plan), amount.
type Letter = (u32, u8, Option<i64>);

fn letter_facts(i: usize, (o, k, amt): Letter) -> Correspondence {
    let (kind, from) = match k {
        0 | 1 => (CorrespondenceKind::Demand, Party::Creditor),
        2 => (CorrespondenceKind::Acknowledgement, Party::Debtor),
        3 => (CorrespondenceKind::Promise, Party::Debtor),
        _ => (CorrespondenceKind::RepaymentPlan, Party::Debtor),
    };
    Correspondence {
        id: format!("C-{i}"),
        date: day(o),
        kind,
        from,
        delivered_on: Some(day(o)),
        proof: k != 1,
        amount: amt.map(cents),
        doc: doc(&format!("C-{i}")),
    }
}

fn payment_facts(i: usize, (o, a, to): Pay, n_deliveries: usize) -> Payment {
    Payment {
        id: format!("P-{i}"),
        date: day(o),
        amount: cents(a),
        applies_to: to
            .filter(|_| n_deliveries > 0)
            .map(|k| vec![format!("DN-{}", k % n_deliveries)])
            .unwrap_or_default(),
        doc: doc(&format!("P-{i}")),
    }
}

prop_compose! {
    fn facts()(
        has_contract in any::<bool>(),
        term in term(),
        late in late(),
        mode in mode(),
        markup in prop::option::of(0i64..8),
        deliveries in prop::collection::vec((0u32..5200, 100_000i64..50_000_000, prop::option::of((0u32..30, any::<bool>()))), 1..5),
        payments in prop::collection::vec((0u32..5400, 100i64..30_000_000, prop::option::of(0usize..5)), 0..5),
        letters in prop::collection::vec((0u32..5400, 0u8..5, prop::option::of(100_000i64..80_000_000)), 0..4),
        recs in prop::collection::vec((0u32..5400, 0u32..400, 100_000i64..90_000_000, any::<bool>()), 0..2),
        as_of in 3000u32..5500,
    ) -> Facts {
        let n = deliveries.len();
        Facts {
            as_of: day(as_of),
            contracts: if has_contract {
                vec![Contract {
                    id: "HT".into(),
                    term,
                    late_payment: late,
                    costs_recoverable: false,
                    forum: None,
                    doc: doc("HT"),
                }]
            } else {
                vec![]
            },
            deliveries: deliveries
                .into_iter()
                .enumerate()
                .map(|(i, (o, a, inv))| Delivery {
                    id: format!("DN-{i}"),
                    contract: None,
                    delivered_on: day(o),
                    amount: cents(a),
                    invoices: inv
                        .map(|(k, received)| InvoiceDates {
                            issued_on: day(o + k),
                            received_by_debtor: received.then(|| day(o + k + 3)),
                            doc: doc("inv"),
                        })
                        .into_iter()
                        .collect(),
                    doc: doc(&format!("DN-{i}")),
                })
                .collect(),
            payments: payments
                .into_iter()
                .enumerate()
                .map(|(i, p)| payment_facts(i, p, n))
                .collect(),
            reconciliations: recs
                .into_iter()
                .enumerate()
                .map(|(i, (o, back, bal, signed))| Reconciliation {
                    id: format!("R-{i}"),
                    signed_on: day(o),
                    period_end: day(o.saturating_sub(back)),
                    balance: cents(bal),
                    signed_by_debtor: signed,
                    doc: doc(&format!("R-{i}")),
                })
                .collect(),
            correspondence: letters
                .into_iter()
                .enumerate()
                .map(|(i, l)| letter_facts(i, l))
                .collect(),
            claim: ClaimSettings {
                interest: mode,
                lpr_markup: markup.map(|m| Decimal::new(m, 1)),
                ..ClaimSettings::default()
            },
        }
    }
}

/// A proven interruption: a demand with proof, an acknowledgement, a repayment plan, or a
/// debtor-signed reconciliation letter.
fn proven_interruption() -> impl Strategy<Value = (u32, u8, Option<i64>, u32)> {
    (
        0u32..5400,
        prop_oneof![Just(0u8), Just(2u8), Just(4u8), Just(5u8)],
        prop::option::of(100_000i64..80_000_000),
        0u32..400,
    )
}

fn owed(a: &LegalAssessment) -> Decimal {
    a.debts.iter().map(|d| d.outstanding).sum::<Decimal>() + a.interest.total
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn an_extra_proven_interruption_never_makes_a_last_day_earlier(
        f in facts(),
        (o, k, amt, back) in proven_interruption(),
    ) {
        let before = evaluate(&f);
        let mut g = f.clone();
        if k == 5 {
            g.reconciliations.push(Reconciliation {
                id: "R-extra".into(),
                signed_on: day(o),
                period_end: day(o.saturating_sub(back)),
                balance: amt.map_or(Decimal::new(1_000_000_000, 0), cents),
                signed_by_debtor: true,
                doc: doc("R-extra"),
            });
        } else {
            g.correspondence.push(letter_facts(99, (o, k, amt)));
        }
        let after = evaluate(&g);
        // An interruption adds no debt: both lists have the same debts, in the same order (else
        // the zip below would silently skip or mismatch some).
        prop_assert_eq!(before.limitation.debts.len(), after.limitation.debts.len());
        for (b, a) in before.limitation.debts.iter().zip(&after.limitation.debts) {
            prop_assert_eq!(&b.id, &a.id);
            prop_assert!(a.expires_on >= b.expires_on, "{}: {} → {}", b.id, b.expires_on, a.expires_on);
        }
    }

    #[test]
    fn an_extra_payment_never_increases_what_is_owed(
        f in facts(),
        p in (0u32..5400, 100i64..30_000_000, prop::option::of(0usize..5)),
    ) {
        let before = evaluate(&f);
        let mut g = f.clone();
        let n = g.deliveries.len();
        g.payments.push(payment_facts(99, p, n));
        let after = evaluate(&g);
        prop_assert_eq!(before.debts.len(), after.debts.len());
        for (b, a) in before.debts.iter().zip(&after.debts) {
            prop_assert!(a.outstanding <= b.outstanding, "{}: {} → {}", b.debt.id, b.outstanding, a.outstanding);
        }
        prop_assert!(owed(&after) <= owed(&before), "{} → {}", owed(&before), owed(&after));
        prop_assert!(after.claim_total <= before.claim_total);
    }

    #[test]
    fn charges_never_fall_as_as_of_moves_later(f in facts(), later in 0u32..2000) {
        let before = evaluate(&f);
        let mut g = f.clone();
        g.as_of = f.as_of.checked_add_days(Days::new(u64::from(later))).unwrap();
        let after = evaluate(&g);
        prop_assert!(after.interest.total >= before.interest.total,
            "{} → {}", before.interest.total, after.interest.total);
    }

    #[test]
    fn fees_never_fall_as_the_claim_grows(a in 0i64..5_000_000_000, b in 0i64..5_000_000_000) {
        let (lo, hi) = (cents(a.min(b)), cents(a.max(b)));
        prop_assert!(fees::court_fee(lo) <= fees::court_fee(hi));
        prop_assert!(fees::court_fee_simplified(lo) <= fees::court_fee_simplified(hi));
        prop_assert!(fees::preservation_fee(lo) <= fees::preservation_fee(hi));
    }
}
