//! Section 2: the limitation period (诉讼时效) of every debt, with its trace.
//!
//! A period of three years (CC 188) runs from the due date (for installments, from the last
//! installment's date, CC 189); it ends on the corresponding day (CC 201, 202), moved past days
//! off (CC 203). Proven demands, debtor acknowledgements and partial payments restart it
//! (CC 195), again and again (General Part Interpretation 2022 Art. 38), never beyond twenty
//! years from the due date (CC 188; Art. 35). After the last day the debtor may refuse
//! (CC 192), unless it then acknowledges the debt (CC 192; SPC-LIM 19).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::law::dates::{PeriodEnd, corresponding_day, days_between, period_end};
use crate::law::debts::{AllocationEntry, Debt, outstanding_before, outstanding_on};
use crate::law::{Calendar, CorrespondenceKind, DocRef, Facts, Finding, Party, money_string, ser_money, ymd};

/// CC 188: the limitation period is three years.
pub const LIMITATION_YEARS: u32 = 3;
/// General Principles of Civil Law Art. 135: the old period was two years.
pub const GPCL_YEARS: u32 = 2;
/// The General Provisions of the Civil Law took effect on 2017-10-01 (its Art. 206).
pub const TRANSITION: NaiveDate = ymd(2017, 10, 1);
/// CC 188 para. 2: no protection more than twenty years after the right was infringed.
pub const CAP_YEARS: u32 = 20;
/// A period with this many days left or fewer is `expiring` (casepack's warning threshold).
pub const EXPIRING_WITHIN_DAYS: i64 = 90;

/// An article, in Chinese (as printed in documents) and as a short English citation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// The Chinese citation, e.g. `民法典第一百九十五条`.
    pub zh: &'static str,
    /// The short English citation, e.g. `CC 195`.
    pub en: &'static str,
}

/// CC 188, 201, 202: three years, first day not counted, ending on the corresponding day.
pub const RULE_START: Rule = Rule {
    zh: "民法典第一百八十八条、第二百零一条、第二百零二条",
    en: "CC 188, 201, 202",
};
/// CC 189: installments run from the last installment's date.
pub const RULE_INSTALLMENTS: Rule = Rule {
    zh: "民法典第一百八十九条",
    en: "CC 189",
};
/// CC 203: a last day off moves to the next working day.
pub const RULE_SHIFT: Rule = Rule {
    zh: "民法典第二百零三条",
    en: "CC 203",
};
/// SPC 2018 Interpretation Art. 3: a two-year period ended before 2017-10-01 had lapsed.
pub const RULE_GPCL_LAPSED: Rule = Rule {
    zh: "民法通则第一百三十五条；《最高人民法院关于适用〈中华人民共和国民法总则〉诉讼时效制度若干问题的解释》第三条",
    en: "GPCL 135; SPC 2018 Interpretation Art. 3",
};
/// SPC 2018 Interpretation Art. 2: a period running on 2017-10-01 is three years.
pub const RULE_TRANSITION: Rule = Rule {
    zh: "民法典第一百八十八条；《最高人民法院关于适用〈中华人民共和国民法总则〉诉讼时效制度若干问题的解释》第二条",
    en: "CC 188; SPC 2018 Interpretation Art. 2",
};
/// GPCL 140: the old law's interruption by a demand or the debtor agreeing to perform.
pub const RULE_GPCL_INTERRUPT: Rule = Rule {
    zh: "民法通则第一百四十条",
    en: "GPCL 140",
};
/// CC 195; SPC-LIM 8, 9: a demand that reached the debtor interrupts, for the whole claim.
pub const RULE_DEMAND: Rule = Rule {
    zh: "民法典第一百九十五条；《最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定》第八条、第九条",
    en: "CC 195; SPC-LIM 8, 9",
};
/// CC 195; SPC-LIM 14: the debtor agreeing to perform interrupts.
pub const RULE_AGREES: Rule = Rule {
    zh: "民法典第一百九十五条；《最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定》第十四条",
    en: "CC 195; SPC-LIM 14",
};
/// General Part Interpretation 2022 Art. 38: an interruption within the new period interrupts again.
pub const RULE_AGAIN: Rule = Rule {
    zh: "《最高人民法院关于适用〈中华人民共和国民法典〉总则编若干问题的解释》第三十八条",
    en: "General Part Interpretation 2022 Art. 38",
};
/// CC 188 para. 2; General Part Interpretation 2022 Art. 35: the twenty-year cap.
pub const RULE_CAP: Rule = Rule {
    zh: "民法典第一百八十八条第二款；《最高人民法院关于适用〈中华人民共和国民法典〉总则编若干问题的解释》第三十五条",
    en: "CC 188 para. 2; General Part Interpretation 2022 Art. 35",
};
/// CC 192: after the lapse the debtor may refuse; what it paid stays paid.
pub const RULE_LAPSED: Rule = Rule {
    zh: "民法典第一百九十二条",
    en: "CC 192",
};
/// CC 192; SPC-LIM 19: an acknowledgement after the lapse gives up the defence.
pub const RULE_WAIVER: Rule = Rule {
    zh: "民法典第一百九十二条；《最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定》第十九条",
    en: "CC 192; SPC-LIM 19",
};

/// The status of a limitation period on the `as_of` day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// More than 90 days left.
    Running,
    /// 0–90 days left (0 = `as_of` is the last day).
    Expiring,
    /// The last day has passed: the debtor may refuse to pay (CC 192).
    Expired,
    /// The debtor gave up the lapse defence (CC 192; SPC-LIM 19) and the new period runs, with
    /// more than 90 days left.
    Waived,
}

/// CC 192: after the last day the debtor may refuse; the status on `as_of` and the days left
/// (negative once expired). A waived period that is itself about to end is reported
/// `expiring`, not `waived` (conservative: the urgency must show; the waiver is in the trace).
pub fn status_on(last_day: NaiveDate, as_of: NaiveDate, waived: bool) -> (Status, i64) {
    let left = days_between(as_of, last_day);
    let status = if left < 0 {
        Status::Expired
    } else if left <= EXPIRING_WITHIN_DAYS {
        Status::Expiring
    } else if waived {
        Status::Waived
    } else {
        Status::Running
    };
    (status, left)
}

/// One step of a debt's limitation reasoning.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TraceEntry {
    /// The day of the event.
    pub date: NaiveDate,
    /// What happened, as a stable code: `due`, `holiday-shift`, `demand`, `waiver`, …
    pub event: &'static str,
    /// What happened and what it did, in English.
    pub detail: String,
    /// The article, in Chinese.
    pub rule: &'static str,
    /// The article, as a short English citation.
    pub article: &'static str,
    /// The debt's last day after this event (`None` when the event changed nothing).
    pub last_day: Option<NaiveDate>,
    /// The document it came from.
    pub document: Option<DocRef>,
}

/// The limitation period of one debt on `as_of`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DebtLimitation {
    /// The debt's name.
    pub id: String,
    /// Its due date D.
    pub due_on: NaiveDate,
    /// The day the period runs from (D, or the last installment's date).
    pub limitation_from: NaiveDate,
    /// Unpaid principal on `as_of`.
    #[serde(serialize_with = "ser_money")]
    pub outstanding: Decimal,
    /// The last day on which suit can be brought.
    pub expires_on: NaiveDate,
    /// The status on `as_of`.
    pub status: Status,
    /// Days from `as_of` to `expires_on` (negative once expired).
    pub days_left: i64,
    /// Every event that set or moved the last day (and those that could not), in order.
    pub trace: Vec<TraceEntry>,
    /// Years outside the holiday calendar that the final last day depends on.
    #[serde(skip)]
    pub uncovered_years: Vec<i32>,
}

impl DebtLimitation {
    /// The document of the last event that set the debt's last day (its receipt when nothing
    /// moved it): what a finding about its limitation points at.
    pub fn deciding_document(&self) -> Option<&DocRef> {
        self.trace
            .iter()
            .rev()
            .filter(|t| t.last_day == Some(self.expires_on))
            .find_map(|t| t.document.as_ref())
            .or_else(|| self.trace.iter().find_map(|t| t.document.as_ref()))
    }
}

/// The limitation period of the case: that of the unpaid debt whose last day comes first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LimitationSummary {
    /// The status of that debt (`None` when nothing is unpaid).
    pub status: Option<Status>,
    /// The earliest last day among unpaid debts.
    pub expires_on: Option<NaiveDate>,
    /// Days from `as_of` to `expires_on`.
    pub days_left: Option<i64>,
    /// The debt that sets `expires_on`.
    pub debt: Option<String>,
    /// Every debt.
    pub debts: Vec<DebtLimitation>,
}

/// What can interrupt a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum InterruptionKind {
    /// A debtor-signed reconciliation letter.
    Reconciliation,
    /// An acknowledgement by the debtor.
    Acknowledgement,
    /// A repayment plan by the debtor.
    RepaymentPlan,
    /// A promise to pay or request for time by the debtor.
    Promise,
    /// A demand that reached the debtor.
    Demand,
    /// A payment applied to the debt.
    Payment,
}

impl InterruptionKind {
    /// CC 192; SPC-LIM 19: after the lapse, a reconciliation letter, an acknowledgement or a
    /// repayment plan signed by the debtor gives up the lapse defence. A bare promise is not
    /// relied on for that (conservative), nor a partial payment, which keeps only what was paid.
    pub fn waives_after_lapse(self) -> bool {
        matches!(self, Self::Reconciliation | Self::Acknowledgement | Self::RepaymentPlan)
    }

    fn code(self) -> &'static str {
        match self {
            Self::Reconciliation => "reconciliation",
            Self::Acknowledgement => "acknowledgement",
            Self::RepaymentPlan => "repayment-plan",
            Self::Promise => "promise",
            Self::Demand => "demand",
            Self::Payment => "partial-payment",
        }
    }

    fn rule(self, day: NaiveDate) -> Rule {
        match self {
            // GPCL 140: before 2017-10-01 the old law interrupted the period the same way.
            _ if day < TRANSITION => RULE_GPCL_INTERRUPT,
            Self::Demand => RULE_DEMAND,
            _ => RULE_AGREES,
        }
    }
}

/// One event that may interrupt a debt's period.
#[derive(Debug, Clone, PartialEq)]
pub struct Interruption {
    /// The day it takes effect (for a demand: the day it reached the debtor).
    pub date: NaiveDate,
    /// What it is.
    pub kind: InterruptionKind,
    /// What it is, in words.
    pub detail: String,
    /// The document.
    pub doc: Option<DocRef>,
}

/// The last day of a period that starts on `start`, with the number of years it ran:
/// SPC 2018 Interpretation Art. 3: a two-year period (GPCL 135) that ended before 2017-10-01
/// had lapsed then; Art. 2 and CC 188: any other period is three years.
pub fn period_from(start: NaiveDate, cal: &Calendar) -> (PeriodEnd, u32) {
    let two = period_end(start, GPCL_YEARS, cal);
    if two.last_day < TRANSITION {
        (two, GPCL_YEARS)
    } else {
        (period_end(start, LIMITATION_YEARS, cal), LIMITATION_YEARS)
    }
}

/// CC 188 para. 2: twenty years from the due date, neither interrupted nor extended
/// (General Part Interpretation 2022 Art. 35). Counted from D rather than the breach day D + 1,
/// and not moved past days off: both the earlier reading (conservative).
pub fn cap_day(due_on: NaiveDate) -> NaiveDate {
    corresponding_day(due_on, CAP_YEARS)
}

/// The trace entry for a period that began under the old law: two years where they ended before
/// 2017-10-01 (SPC 2018 Interpretation Art. 3), else three (Art. 2).
fn regime_entry(start: NaiveDate, years: u32, end: &PeriodEnd) -> Option<TraceEntry> {
    if years == GPCL_YEARS {
        Some(TraceEntry {
            date: start,
            event: "old-law-two-years",
            detail: format!(
                "the period that began on {start} is two years under the old law, ending on {}, before 2017-10-01: it is not extended to three",
                end.last_day
            ),
            rule: RULE_GPCL_LAPSED.zh,
            article: RULE_GPCL_LAPSED.en,
            last_day: Some(end.last_day),
            document: None,
        })
    } else if start < TRANSITION {
        Some(TraceEntry {
            date: TRANSITION,
            event: "transition",
            detail: format!(
                "the period that began on {start} was still running on 2017-10-01 under the old law's two years: it is three years"
            ),
            rule: RULE_TRANSITION.zh,
            article: RULE_TRANSITION.en,
            last_day: Some(end.corresponding),
            document: None,
        })
    } else {
        None
    }
}

/// Builds the trace entries for a new period's end: the shift past days off (CC 203) and the cap.
fn push_end_entries(
    trace: &mut Vec<TraceEntry>,
    end: &PeriodEnd,
    cap: NaiveDate,
    cal: &Calendar,
    doc: Option<&DocRef>,
) -> (NaiveDate, Vec<i32>) {
    if end.shifted() {
        trace.push(TraceEntry {
            date: end.corresponding,
            event: "holiday-shift",
            detail: format!(
                "{} is a day off ({}): the period ends on the next working day, {}",
                end.corresponding,
                cal.day_off_reason(end.corresponding),
                end.last_day
            ),
            rule: RULE_SHIFT.zh,
            article: RULE_SHIFT.en,
            last_day: Some(end.last_day),
            document: doc.cloned(),
        });
    }
    if end.last_day > cap {
        trace.push(TraceEntry {
            date: cap,
            event: "cap",
            detail: format!("twenty years from the due date end on {cap}: no period runs beyond it"),
            rule: RULE_CAP.zh,
            article: RULE_CAP.en,
            last_day: Some(cap),
            document: None,
        });
        // The cap is not moved past days off, so it needs no calendar.
        (cap, Vec::new())
    } else {
        (end.last_day, end.uncovered_years.clone())
    }
}

/// Runs a debt's limitation period through its events up to `as_of`.
pub fn run(
    debt: &Debt,
    outstanding: Decimal,
    events: &[Interruption],
    as_of: NaiveDate,
    cal: &Calendar,
    findings: &mut Vec<Finding>,
) -> DebtLimitation {
    let start = debt.limitation_from;
    let cap = cap_day(debt.due_on);
    let mut trace = Vec::new();

    // CC 188, 201, 202 (and CC 189 for installments): the period starts.
    let (end, years) = period_from(start, cal);
    let (event, rule, what) = if start != debt.due_on {
        (
            "installments-last",
            RULE_INSTALLMENTS,
            format!(
                "due {}; payable in installments: the period runs from the last installment's date {start}",
                debt.due_on
            ),
        )
    } else {
        ("due", RULE_START, format!("due on {start}: the period runs from it"))
    };
    trace.push(TraceEntry {
        date: start,
        event,
        detail: format!(
            "{what}; {years} years end on the corresponding day {}",
            end.corresponding
        ),
        rule: rule.zh,
        article: rule.en,
        last_day: Some(end.corresponding),
        document: Some(debt.doc.clone()),
    });
    trace.extend(regime_entry(start, years, &end));
    let (mut last, mut uncovered) = push_end_entries(&mut trace, &end, cap, cal, None);
    let mut waived = false;
    let mut interrupted = false;

    let mut evs: Vec<&Interruption> = events.iter().filter(|e| e.date <= as_of).collect();
    evs.sort_by_key(|e| (e.date, e.kind));
    for ev in evs {
        if ev.date < start {
            // The period has not begun: nothing to interrupt.
            continue;
        }
        if ev.date <= last {
            // CC 195: an interruption within the period restarts a full period from its day.
            let (end, years) = period_from(ev.date, cal);
            if end.last_day.min(cap) <= last {
                continue;
            }
            trace.push(TraceEntry {
                date: ev.date,
                event: ev.kind.code(),
                detail: format!(
                    "{}: the period is interrupted and runs again from {}, to the corresponding day {}",
                    ev.detail, ev.date, end.corresponding
                ),
                rule: ev.kind.rule(ev.date).zh,
                article: ev.kind.rule(ev.date).en,
                last_day: Some(end.corresponding),
                document: ev.doc.clone(),
            });
            trace.extend(regime_entry(ev.date, years, &end));
            if interrupted {
                // Art. 38: a further interruption within the new period interrupts again.
                trace.push(TraceEntry {
                    date: ev.date,
                    event: "interrupted-again",
                    detail: "an interruption within a period that was itself restarted interrupts it again".into(),
                    rule: RULE_AGAIN.zh,
                    article: RULE_AGAIN.en,
                    last_day: Some(end.corresponding),
                    document: ev.doc.clone(),
                });
            }
            (last, uncovered) = push_end_entries(&mut trace, &end, cap, cal, ev.doc.as_ref());
            interrupted = true;
            waived = false;
            continue;
        }
        // The period had lapsed before this event.
        if !uncovered.is_empty() {
            findings.push(Finding::warning(
                "calendar-not-covered",
                format!(
                    "{}: the lapse on {last} was found with weekends only (the holiday calendar lacks {}); check it",
                    debt.id,
                    years_list(&uncovered)
                ),
                ev.doc.as_ref(),
            ));
        }
        if ev.kind.waives_after_lapse() && ev.date <= cap {
            // CC 192; SPC-LIM 19: the debtor acknowledged the debt after the lapse; it can no
            // longer rely on the lapse, and a new period runs from that day.
            let (end, years) = period_from(ev.date, cal);
            trace.push(TraceEntry {
                date: ev.date,
                event: "waiver",
                detail: format!(
                    "{} after the lapse on {last}: the debtor gave up the lapse defence; a new period runs from {}, to {}",
                    ev.detail, ev.date, end.corresponding
                ),
                rule: RULE_WAIVER.zh,
                article: RULE_WAIVER.en,
                last_day: Some(end.corresponding),
                document: ev.doc.clone(),
            });
            trace.extend(regime_entry(ev.date, years, &end));
            findings.push(Finding::info(
                "limitation-waived",
                format!(
                    "{}: the period lapsed on {last}, but the debtor's {} of {} gave up the lapse defence (CC 192; SPC-LIM 19)",
                    debt.id,
                    ev.kind.code(),
                    ev.date
                ),
                ev.doc.as_ref(),
            ));
            (last, uncovered) = push_end_entries(&mut trace, &end, cap, cal, ev.doc.as_ref());
            waived = true;
            interrupted = false;
            continue;
        }
        // CC 195 interrupts only a running period; after the lapse nothing but the debtor's
        // waiver helps (CC 192). Conservative: a promise or partial payment is not read as one.
        let (code, why) = match ev.kind {
            InterruptionKind::Demand => (
                "demand-after-lapse",
                "a demand after the lapse does not revive the period",
            ),
            InterruptionKind::Payment => (
                "payment-after-lapse",
                "a payment after the lapse keeps only what was paid; the rest stays expired (conservative reading of CC 192 para. 2)",
            ),
            InterruptionKind::Promise => (
                "promise-after-lapse",
                "a promise after the lapse may amount to a waiver (SPC-LIM 19) but is not relied on (conservative)",
            ),
            _ => (
                "after-cap",
                "the twenty-year cap has passed: an acknowledgement cannot revive the claim (conservative)",
            ),
        };
        trace.push(TraceEntry {
            date: ev.date,
            event: code,
            detail: format!("{}: {why}", ev.detail),
            rule: RULE_LAPSED.zh,
            article: RULE_LAPSED.en,
            last_day: None,
            document: ev.doc.clone(),
        });
        if ev.kind == InterruptionKind::Payment && outstanding == Decimal::ZERO {
            // Paid in full: nothing is left for the lapse to bar.
            continue;
        }
        findings.push(Finding::warning(
            code,
            format!(
                "{}: the period lapsed on {last}; {} of {}: {why}",
                debt.id, ev.detail, ev.date
            ),
            ev.doc.as_ref(),
        ));
    }

    let (status, days_left) = status_on(last, as_of, waived);
    DebtLimitation {
        id: debt.id.clone(),
        due_on: debt.due_on,
        limitation_from: start,
        outstanding,
        expires_on: last,
        status,
        days_left,
        trace,
        uncovered_years: uncovered,
    }
}

fn years_list(years: &[i32]) -> String {
    years.iter().map(|y| y.to_string()).collect::<Vec<_>>().join(", ")
}

/// Which of the candidate debts an acknowledgement of `amount` reaches. With no amount (or one
/// covering them all): every candidate. With a smaller amount: the latest-due debts making up
/// that amount — the older ones were (by CC 560) the first paid, and are the ones most at risk,
/// so they are not presumed acknowledged (conservative). Returns (covered, not covered).
pub fn acknowledged(candidates: &[(usize, NaiveDate, Decimal)], amount: Option<Decimal>) -> (Vec<usize>, Vec<usize>) {
    let Some(amount) = amount else {
        return (candidates.iter().map(|c| c.0).collect(), Vec::new());
    };
    let mut order: Vec<&(usize, NaiveDate, Decimal)> = candidates.iter().collect();
    order.sort_by_key(|c| std::cmp::Reverse((c.1, c.0)));
    let mut covered = Vec::new();
    let mut rest = Vec::new();
    let mut sum = Decimal::ZERO;
    for c in order {
        if sum < amount {
            covered.push(c.0);
            sum += c.2;
        } else {
            rest.push(c.0);
        }
    }
    covered.sort_unstable();
    rest.sort_unstable();
    (covered, rest)
}

/// The interruptions that reach each debt (same index as `debts`).
///
/// - a demand, from the day it reached the debtor, proven (SPC-LIM 8): every debt due and unpaid
///   that day (a demand for part interrupts the whole, SPC-LIM 9);
/// - a reconciliation letter signed by the debtor (SPC-LIM 14): the debts delivered on or before
///   its `period_end` that make up the confirmed balance;
/// - an acknowledgement, promise or repayment plan by the debtor (SPC-LIM 14): the debts due
///   that day (those making up its amount, where it states one);
/// - a payment (SPC-LIM 14): the debts it is allocated to.
pub fn interruptions(
    facts: &Facts,
    debts: &[Debt],
    allocs: &[Vec<AllocationEntry>],
    findings: &mut Vec<Finding>,
) -> Vec<Vec<Interruption>> {
    let as_of = facts.as_of;
    let mut out: Vec<Vec<Interruption>> = vec![Vec::new(); debts.len()];

    // SPC-LIM 14: a partial payment is the debtor agreeing to perform, for the debts it pays.
    for (i, list) in allocs.iter().enumerate() {
        for a in list {
            out[i].push(Interruption {
                date: a.date,
                kind: InterruptionKind::Payment,
                detail: format!(
                    "payment {} of {} applied to {}",
                    a.payment,
                    money_string(a.amount),
                    debts[i].id
                ),
                doc: Some(a.doc.clone()),
            });
        }
    }

    for r in &facts.reconciliations {
        if r.signed_on > as_of {
            findings.push(after_as_of("reconciliation letter", &r.id, r.signed_on, as_of, &r.doc));
            continue;
        }
        if !r.signed_by_debtor {
            findings.push(Finding::warning(
                "reconciliation-unsigned",
                format!(
                    "reconciliation letter {} is not signed by the debtor: it does not interrupt the limitation period",
                    r.id
                ),
                Some(&r.doc),
            ));
            continue;
        }
        // SPC-LIM 14: it covers the debts delivered on or before its period_end, unpaid then.
        let candidates: Vec<(usize, NaiveDate, Decimal)> = debts
            .iter()
            .enumerate()
            .filter(|(_, d)| d.arose_on <= r.period_end)
            .map(|(i, d)| (i, d.due_on, outstanding_on(d, &allocs[i], r.period_end)))
            .filter(|c| c.2 > Decimal::ZERO)
            .collect();
        let label = format!(
            "reconciliation letter {} (balance {} at {})",
            r.id,
            money_string(r.balance),
            r.period_end
        );
        reach(
            &mut out,
            findings,
            debts,
            allocs,
            &candidates,
            Some(r.balance),
            r.signed_on,
            InterruptionKind::Reconciliation,
            &label,
            &r.doc,
        );
    }

    for c in &facts.correspondence {
        let kind = match (c.kind, c.from) {
            (CorrespondenceKind::Demand, Party::Creditor) => InterruptionKind::Demand,
            (CorrespondenceKind::Acknowledgement, Party::Debtor) => InterruptionKind::Acknowledgement,
            (CorrespondenceKind::RepaymentPlan, Party::Debtor) => InterruptionKind::RepaymentPlan,
            (CorrespondenceKind::Promise, Party::Debtor) => InterruptionKind::Promise,
            _ => {
                findings.push(Finding::info(
                    "correspondence-no-effect",
                    format!(
                        "{}: a {} from the {} does not interrupt the limitation period",
                        c.id,
                        format!("{:?}", c.kind).to_lowercase(),
                        format!("{:?}", c.from).to_lowercase()
                    ),
                    Some(&c.doc),
                ));
                continue;
            }
        };
        if kind == InterruptionKind::Demand {
            // SPC-LIM 8: a demand interrupts from the day it reached the debtor, if proven.
            let (Some(day), true) = (c.delivered_on, c.proof) else {
                findings.push(Finding::warning(
                    "demand-unproven",
                    format!(
                        "demand {} of {}: no proven day of receipt by the debtor (delivered_on with proof); not relied on to interrupt the limitation period (SPC-LIM 8)",
                        c.id, c.date
                    ),
                    Some(&c.doc),
                ));
                continue;
            };
            if day > as_of {
                findings.push(after_as_of("demand", &c.id, day, as_of, &c.doc));
                continue;
            }
            // SPC-LIM 9: a demand for part of the claim interrupts the whole: every debt due
            // and unpaid that day.
            for (i, d) in debts.iter().enumerate() {
                if d.due_on <= day && outstanding_before(d, &allocs[i], day) > Decimal::ZERO {
                    out[i].push(Interruption {
                        date: day,
                        kind,
                        detail: format!("demand {} reached the debtor on {day}", c.id),
                        doc: Some(c.doc.clone()),
                    });
                }
            }
            continue;
        }
        if c.date > as_of {
            findings.push(after_as_of("letter", &c.id, c.date, as_of, &c.doc));
            continue;
        }
        // SPC-LIM 14: the debtor agrees to perform the debts due that day.
        let candidates: Vec<(usize, NaiveDate, Decimal)> = debts
            .iter()
            .enumerate()
            .filter(|(_, d)| d.due_on <= c.date)
            .map(|(i, d)| (i, d.due_on, outstanding_before(d, &allocs[i], c.date)))
            .filter(|x| x.2 > Decimal::ZERO)
            .collect();
        let label = match c.amount {
            Some(a) => format!("{} {} ({})", kind.code(), c.id, money_string(a)),
            None => format!("{} {}", kind.code(), c.id),
        };
        reach(
            &mut out,
            findings,
            debts,
            allocs,
            &candidates,
            c.amount,
            c.date,
            kind,
            &label,
            &c.doc,
        );
    }
    out
}

/// Adds an acknowledgement-type interruption to the debts it reaches.
#[allow(clippy::too_many_arguments)]
fn reach(
    out: &mut [Vec<Interruption>],
    findings: &mut Vec<Finding>,
    debts: &[Debt],
    allocs: &[Vec<AllocationEntry>],
    candidates: &[(usize, NaiveDate, Decimal)],
    amount: Option<Decimal>,
    day: NaiveDate,
    kind: InterruptionKind,
    label: &str,
    doc: &DocRef,
) {
    let (covered, rest) = acknowledged(candidates, amount);
    if !rest.is_empty() {
        let names = |ix: &[usize]| ix.iter().map(|&i| debts[i].id.as_str()).collect::<Vec<_>>().join(", ");
        let total: Decimal = candidates.iter().map(|c| c.2).sum();
        findings.push(Finding::warning(
            "acknowledgement-partial",
            format!(
                "{label}: confirms less than the {} unpaid on the debts it could cover; relied on only for the latest debts making up that amount ({}), not for {} (conservative)",
                money_string(total),
                names(&covered),
                names(&rest)
            ),
            Some(doc),
        ));
    }
    for i in covered {
        if outstanding_before(&debts[i], &allocs[i], day) > Decimal::ZERO {
            out[i].push(Interruption {
                date: day,
                kind,
                detail: format!("{label} signed by the debtor on {day}"),
                doc: Some(doc.clone()),
            });
        }
    }
}

fn after_as_of(what: &str, id: &str, day: NaiveDate, as_of: NaiveDate, doc: &DocRef) -> Finding {
    Finding::info(
        "after-as-of",
        format!("{what} {id} of {day} is dated after {as_of} and not counted"),
        Some(doc),
    )
}

/// The case's limitation: the unpaid debt whose last day comes first (when every principal is
/// paid, the debt carrying charges whose last day comes first). Every debt with unpaid principal
/// or claimed charges that has expired or is expiring gets a finding: a debt paid late keeps its
/// charges, and they can be barred too.
///
/// `unpaid[i]`: debt i has unpaid principal on `as_of`; `charged[i]`: it carries claimed charges.
pub fn summarise(
    debts: Vec<DebtLimitation>,
    unpaid: &[bool],
    charged: &[bool],
    as_of: NaiveDate,
    findings: &mut Vec<Finding>,
) -> LimitationSummary {
    let any_unpaid = unpaid.iter().any(|&u| u);
    let mut first: Option<&DebtLimitation> = None;
    let mut beyond: Vec<(i32, Vec<String>)> = Vec::new();
    for (i, d) in debts.iter().enumerate() {
        if !unpaid[i] && !charged[i] {
            continue;
        }
        for y in &d.uncovered_years {
            match beyond.iter_mut().find(|(year, _)| year == y) {
                Some((_, ids)) => ids.push(format!("{} ({})", d.id, d.expires_on)),
                None => beyond.push((*y, vec![format!("{} ({})", d.id, d.expires_on)])),
            }
        }
        let what = if d.outstanding == Decimal::ZERO {
            format!("{} (principal paid; its late-payment charges remain)", d.id)
        } else {
            d.id.clone()
        };
        match d.status {
            Status::Expired => findings.push(Finding::warning(
                "limitation-expired",
                format!(
                    "{what}: the limitation period ended on {}; the debtor may refuse to pay (CC 192)",
                    d.expires_on
                ),
                d.deciding_document(),
            )),
            Status::Expiring => findings.push(Finding::warning(
                "limitation-expiring",
                format!(
                    "{what}: the limitation period ends on {}, {} days after {as_of}",
                    d.expires_on, d.days_left
                ),
                d.deciding_document(),
            )),
            _ => {}
        }
        if any_unpaid && !unpaid[i] {
            continue;
        }
        let better = match first {
            None => true,
            Some(f) => {
                d.expires_on < f.expires_on
                    || (d.expires_on == f.expires_on && f.status == Status::Waived && d.status != Status::Waived)
            }
        };
        if better {
            first = Some(d);
        }
    }
    // CC 203 needs the official holidays: beyond the calendar only weekends count, so say so.
    for (year, ids) in beyond {
        findings.push(Finding::warning(
            "calendar-not-covered",
            format!(
                "the holiday calendar does not cover {year}: only weekends were taken as days off for the last day of {}; check the official holidays",
                ids.join(", ")
            ),
            None,
        ));
    }
    let (status, expires_on, days_left, debt) = match first {
        Some(f) => (
            Some(f.status),
            Some(f.expires_on),
            Some(f.days_left),
            Some(f.id.clone()),
        ),
        None => (None, None, None, None),
    };
    LimitationSummary {
        status,
        expires_on,
        days_left,
        debt,
        debts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::law::debts::DebtKind;

    fn debt(due: NaiveDate) -> Debt {
        Debt {
            id: "D".into(),
            contract: None,
            kind: DebtKind::Delivery,
            installment: None,
            arose_on: due,
            due_on: due,
            limitation_from: due,
            amount: Decimal::ONE_HUNDRED,
            due_rule: "CC 628",
            due_basis: String::new(),
            doc: DocRef::default(),
        }
    }

    fn ev(date: NaiveDate, kind: InterruptionKind) -> Interruption {
        Interruption {
            date,
            kind,
            detail: "x".into(),
            doc: None,
        }
    }

    #[test]
    fn status_thresholds() {
        let last = ymd(2027, 1, 15);
        // 2026-11-22 → 2027-01-15 is 8 (rest of November) + 31 (December) + 15 = 54 days.
        assert_eq!(status_on(last, ymd(2026, 11, 22), false), (Status::Expiring, 54));
        // 2026-10-16 → 2027-01-15 is 15 (rest of October) + 30 + 31 + 15 = 91 days: running.
        assert_eq!(status_on(last, ymd(2026, 10, 16), false), (Status::Running, 91));
        assert_eq!(status_on(last, ymd(2026, 10, 17), false), (Status::Expiring, 90));
        assert_eq!(status_on(last, last, false), (Status::Expiring, 0));
        assert_eq!(status_on(last, ymd(2027, 1, 16), false), (Status::Expired, -1));
        // A waived period shows its urgency: expiring within 90 days, waived beyond.
        assert_eq!(status_on(last, last, true), (Status::Expiring, 0));
        assert_eq!(status_on(last, ymd(2026, 10, 17), true), (Status::Expiring, 90));
        assert_eq!(status_on(last, ymd(2026, 10, 16), true), (Status::Waived, 91));
        assert_eq!(status_on(last, ymd(2027, 1, 16), true), (Status::Expired, -1));
    }

    #[test]
    fn transition_line() {
        let cal = Calendar::official();
        // D 2015-09-29: two years end 2017-09-29 (CC 201: same month and day, 2015 + 2), a
        // Friday and no holiday (National Day 2017 is 10-01…10-08), so CC 203 moves nothing:
        // 2017-09-29 is before 2017-10-01 → two years, lapsed.
        let (e, y) = period_from(ymd(2015, 9, 29), cal);
        assert_eq!(y, 2);
        assert_eq!(e.corresponding, ymd(2017, 9, 29));
        assert_eq!(e.last_day, ymd(2017, 9, 29));
        // D 2015-09-30: two years end 2017-09-30, a worked Saturday: still before → 2 years.
        assert_eq!(period_from(ymd(2015, 9, 30), cal).0.last_day, ymd(2017, 9, 30));
        // D 2015-10-01: two years end 2017-10-01, a holiday → 2017-10-09: running on
        // 2017-10-01, so three years: 2018-10-01, National Day → 2018-10-08 (Monday, working).
        let (e, y) = period_from(ymd(2015, 10, 1), cal);
        assert_eq!(y, 3);
        assert_eq!(e.last_day, ymd(2018, 10, 8));
    }

    #[test]
    fn an_event_on_the_last_day_still_interrupts() {
        let cal = Calendar::official();
        // D 2020-06-08 → last day 2023-06-08 (Thursday). A demand on that day restarts:
        // 2026-06-08 (Monday).
        let mut f = Vec::new();
        let r = run(
            &debt(ymd(2020, 6, 8)),
            Decimal::ONE_HUNDRED,
            &[ev(ymd(2023, 6, 8), InterruptionKind::Demand)],
            ymd(2024, 1, 1),
            cal,
            &mut f,
        );
        assert_eq!(r.expires_on, ymd(2026, 6, 8));
        assert!(f.is_empty());
        // One day later, it is too late.
        let r = run(
            &debt(ymd(2020, 6, 8)),
            Decimal::ONE_HUNDRED,
            &[ev(ymd(2023, 6, 9), InterruptionKind::Demand)],
            ymd(2024, 1, 1),
            cal,
            &mut f,
        );
        assert_eq!(r.expires_on, ymd(2023, 6, 8));
        assert_eq!(r.status, Status::Expired);
        assert_eq!(f[0].code, "demand-after-lapse");
    }

    #[test]
    fn cap_is_twenty_years_from_the_due_date_unshifted() {
        // 2006-03-01 + 20 years = 2026-03-01, a Sunday: not moved (conservative).
        assert_eq!(cap_day(ymd(2006, 3, 1)), ymd(2026, 3, 1));
        // 2004-02-29 + 20 years = 2024-02-29 (a leap year); 2005-02-28 → 2025-02-28.
        assert_eq!(cap_day(ymd(2004, 2, 29)), ymd(2024, 2, 29));
        assert_eq!(cap_day(ymd(2005, 2, 28)), ymd(2025, 2, 28));
    }

    #[test]
    fn waiver_after_an_old_law_lapse() {
        let cal = Calendar::official();
        // D 2013-05-06: two years end 2015-05-06 (Wednesday), lapsed under the old law. A
        // repayment plan on 2016-09-01 waives the lapse: from then two years would end
        // 2018-09-03 (2018-09-01 is a Saturday), after 2017-10-01, so three: 2019-09-02
        // (2019-09-01 is a Sunday).
        let mut f = Vec::new();
        let r = run(
            &debt(ymd(2013, 5, 6)),
            Decimal::ONE_HUNDRED,
            &[ev(ymd(2016, 9, 1), InterruptionKind::RepaymentPlan)],
            ymd(2019, 1, 1),
            cal,
            &mut f,
        );
        assert_eq!(r.expires_on, ymd(2019, 9, 2));
        assert_eq!(r.status, Status::Waived);
        assert_eq!(f[0].code, "limitation-waived");
    }

    #[test]
    fn acknowledged_covers_latest_first() {
        let c = vec![
            (0, ymd(2023, 1, 1), Decimal::from(100)),
            (1, ymd(2023, 2, 1), Decimal::from(100)),
            (2, ymd(2023, 3, 1), Decimal::from(100)),
        ];
        assert_eq!(acknowledged(&c, None), (vec![0, 1, 2], vec![]));
        assert_eq!(acknowledged(&c, Some(Decimal::from(300))), (vec![0, 1, 2], vec![]));
        // 150 reaches the latest (100) and part of the next: debts 1 and 2.
        assert_eq!(acknowledged(&c, Some(Decimal::from(150))), (vec![1, 2], vec![0]));
        assert_eq!(acknowledged(&c, Some(Decimal::ZERO)), (vec![], vec![0, 1, 2]));
    }
}
