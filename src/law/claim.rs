//! Section 4: what the claim is worth.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::law::debts::{Debt, DebtLedger, amount_problem};
use crate::law::{Facts, Finding, InterestSummary, money_string, ser_money};

/// The enforcement costs and whether they are claimed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CostsSummary {
    /// Whether the contracts make the debtor bear them.
    pub recoverable: bool,
    /// The costs listed in `claim.costs`.
    #[serde(serialize_with = "ser_money")]
    pub listed: Decimal,
    /// The costs claimed: `listed` when recoverable, else 0.
    #[serde(serialize_with = "ser_money")]
    pub claimed: Decimal,
    /// The costs, as listed (amounts that are not usable left out).
    pub items: Vec<CostItem>,
}

/// One listed cost.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CostItem {
    /// What it is.
    pub description: String,
    /// Its amount.
    #[serde(serialize_with = "ser_money")]
    pub amount: Decimal,
}

/// The parts of the claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimValue {
    /// Unpaid principal of the debts due on `as_of`.
    #[serde(serialize_with = "ser_money")]
    pub principal: Decimal,
    /// Unpaid principal of debts not yet due on `as_of` (not claimed).
    #[serde(serialize_with = "ser_money")]
    pub not_yet_due: Decimal,
    /// Late-payment charges to `as_of`.
    #[serde(serialize_with = "ser_money")]
    pub charges: Decimal,
    /// Recoverable costs claimed.
    #[serde(serialize_with = "ser_money")]
    pub costs: Decimal,
    /// principal + charges + costs.
    #[serde(serialize_with = "ser_money")]
    pub total: Decimal,
}

/// Whether `claim.costs` may be claimed: only where the contract makes the debtor bear the costs
/// of enforcing the claim. With several contracts, every contract under which something is
/// claimed must say so (conservative: a cost cannot be split between contracts here); with no
/// contract, never.
pub fn costs(
    facts: &Facts,
    debts: &[Debt],
    ledgers: &[DebtLedger],
    charges: &InterestSummary,
    findings: &mut Vec<Finding>,
) -> CostsSummary {
    let mut listed = Decimal::ZERO;
    let mut items = Vec::new();
    for c in &facts.claim.costs {
        match amount_problem(&format!("cost {}", c.description), c.amount, &c.doc) {
            None => {
                listed += c.amount;
                items.push(CostItem {
                    description: c.description.clone(),
                    amount: c.amount,
                });
            }
            Some(f) => findings.push(f),
        }
    }
    let mut claimed_under: Vec<Option<&str>> = Vec::new();
    for (i, d) in debts.iter().enumerate() {
        let open = (ledgers[i].due && ledgers[i].outstanding > Decimal::ZERO) || charges.debts[i].total > Decimal::ZERO;
        if open && !claimed_under.contains(&d.contract.as_deref()) {
            claimed_under.push(d.contract.as_deref());
        }
    }
    // The costs clause (实现债权的费用由债务人承担) of every contract claimed under.
    let recoverable = !claimed_under.is_empty()
        && claimed_under.iter().all(|c| {
            c.and_then(|id| facts.contracts.iter().find(|k| k.id == id))
                .is_some_and(|k| k.costs_recoverable)
        });
    if listed > Decimal::ZERO && !recoverable {
        findings.push(Finding::info(
            "costs-not-recoverable",
            format!(
                "costs of {} are listed, but not every contract claimed under makes the debtor bear them: not claimed",
                money_string(listed)
            ),
            facts.claim.costs.first().map(|c| &c.doc),
        ));
    }
    CostsSummary {
        recoverable,
        listed,
        claimed: if recoverable { listed } else { Decimal::ZERO },
        items,
    }
}

/// claim_total = unpaid principal due + late-payment charges to `as_of` + recoverable costs.
/// Debts not yet due are left out (no acceleration is assumed, CC 634 not applied).
pub fn value(
    ledgers: &[DebtLedger],
    charges: &InterestSummary,
    costs: &CostsSummary,
    as_of: NaiveDate,
    findings: &mut Vec<Finding>,
) -> ClaimValue {
    let principal: Decimal = ledgers.iter().filter(|l| l.due).map(|l| l.outstanding).sum();
    let not_yet_due: Decimal = ledgers.iter().filter(|l| !l.due).map(|l| l.outstanding).sum();
    if not_yet_due > Decimal::ZERO {
        let names: Vec<&str> = ledgers
            .iter()
            .filter(|l| !l.due && l.outstanding > Decimal::ZERO)
            .map(|l| l.debt.id.as_str())
            .collect();
        findings.push(Finding::info(
            "not-yet-due",
            format!(
                "{} ({}) is not yet due on {as_of} and is not claimed",
                money_string(not_yet_due),
                names.join(", ")
            ),
            None,
        ));
    }
    ClaimValue {
        principal,
        not_yet_due,
        charges: charges.total,
        costs: costs.claimed,
        total: principal + charges.total + costs.claimed,
    }
}
