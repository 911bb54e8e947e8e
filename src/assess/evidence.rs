//! Evidence findings: legal-rules.md section 5 (the seed guidance, SPC-SALE 1 and 5).
//! Each finding names the document it is about and the rule behind it. The rows of section 5
//! that are legal conclusions live in `law` and are reported from there: demands without
//! proof and unsigned statements (limitation, SPC-LIM 8 and 14), arbitration clauses (forum).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::case::Case;
use crate::case::model::*;
use crate::case::values::Money;
use crate::diag::Diagnostic;

/// SPC-SALE 1: without a written contract, receipts, statements and invoices may prove a sale.
const RULE_DE_FACTO_SALE: &str = "最高人民法院关于审理买卖合同纠纷案件适用法律问题的解释第一条";
/// SPC-SALE 5: a VAT invoice (and its deduction) alone does not prove delivery.
const RULE_INVOICE_NOT_DELIVERY: &str = "最高人民法院关于审理买卖合同纠纷案件适用法律问题的解释第五条";

pub fn check(case: &Case) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    sale_relationship(case, &mut out);
    delivery_amounts(case, &mut out);
    balances(case, &mut out);
    invoices(case, &mut out);
    out
}

fn signed_reconciliations(case: &Case) -> impl Iterator<Item = &crate::case::Doc<Reconciliation>> {
    case.reconciliations.iter().filter(|r| r.signed_by_debtor.value)
}

/// Strong: a written contract signed by both. Acceptable: a purchase order or other contract
/// document, or a de facto sale shown by debtor-signed receipts or statements (SPC-SALE 1).
fn sale_relationship(case: &Case, out: &mut Vec<Diagnostic>) {
    let strong = case
        .contracts
        .iter()
        .any(|c| c.kind.value == ContractKind::WrittenContract && c.signed_by_creditor && c.signed_by_debtor.value);
    if strong {
        return;
    }
    let signed_receipts = case.receipts.iter().any(|r| r.signed_by_debtor.value);
    let signed_statement = signed_reconciliations(case).next().is_some();
    if let Some(c) = case.contracts.first() {
        let why = match c.kind.value {
            ContractKind::WrittenContract => "the written contract is not signed by both parties",
            _ => "there is no written contract signed by both parties, only a purchase order or similar",
        };
        out.push(
            Diagnostic::warning(
                "sale-weak",
                format!("the sale relationship rests on weaker proof: {why}"),
            )
            .at(&c.file, c.pos.line, c.pos.column)
            .rule(RULE_DE_FACTO_SALE)
            .hint("keep the order's acceptance, receipts signed by the debtor and a signed statement of account"),
        );
    } else if signed_receipts || signed_statement {
        out.push(
            Diagnostic::warning(
                "sale-weak",
                "no contract: the sale is shown only de facto, by debtor-signed receipts or statements of account",
            )
            .at(&case.meta_file, 1, 1)
            .rule(RULE_DE_FACTO_SALE)
            .hint("add the orders, the chat or e-mail in which the goods were ordered, and the invoices"),
        );
    } else {
        out.push(
            Diagnostic::error(
                "sale-unproven",
                "nothing proves a sale: no contract or order, no receipt or statement signed by the debtor",
            )
            .at(&case.meta_file, 1, 1)
            .rule(RULE_DE_FACTO_SALE)
            .hint("add the contract or order, or delivery receipts signed by the debtor"),
        );
    }
}

/// Strong: a receipt signed by the debtor. Acceptable: covered by a debtor-signed
/// reconciliation (delivered on or before its period_end). Otherwise unproven.
fn delivery_amounts(case: &Case, out: &mut Vec<Diagnostic>) {
    for r in &case.receipts {
        if r.signed_by_debtor.value {
            continue;
        }
        let (line, column) = if r.signed_by_debtor.line > 0 {
            (r.signed_by_debtor.line, r.signed_by_debtor.column)
        } else {
            (r.pos.line, r.pos.column)
        };
        let cover = signed_reconciliations(case).find(|rec| r.delivered_on.value <= rec.period_end.value);
        match cover {
            Some(rec) => out.push(
                Diagnostic::warning(
                    "amount-weak",
                    format!(
                        "receipt {} is not signed by the debtor; its delivery rests on reconciliation {} signed by the debtor",
                        r.id.value, rec.id.value
                    ),
                )
                .at(&r.file, line, column)
                .field("signed_by_debtor"),
            ),
            None => out.push(
                Diagnostic::error(
                    "amount-unproven",
                    format!(
                        "the delivery of receipt {} ({}) is unproven: the receipt is not signed by the debtor and no debtor-signed reconciliation covers it",
                        r.id.value, r.amount.value
                    ),
                )
                .at(&r.file, line, column)
                .field("signed_by_debtor")
                .rule(RULE_INVOICE_NOT_DELIVERY)
                .hint("get the signed copy of the delivery note, or a statement of account signed by the debtor that covers it"),
            ),
        }
    }
}

/// The ledger balance on a day: deliveries made on or before it less payments made on or before it.
pub fn balance_on(case: &Case, day: NaiveDate) -> Decimal {
    let delivered: Decimal = case
        .receipts
        .iter()
        .filter(|r| r.delivered_on.value.0 <= day)
        .map(|r| r.amount.value.0)
        .sum();
    let paid: Decimal = case
        .payments
        .iter()
        .filter(|p| p.date.value.0 <= day)
        .map(|p| p.amount.value.0)
        .sum();
    delivered - paid
}

/// Every debtor-signed statement's balance must agree with the ledger at its period_end.
fn balances(case: &Case, out: &mut Vec<Diagnostic>) {
    for rec in &case.reconciliations {
        // An unsigned statement proves no balance; the law engine reports it
        // (`reconciliation-unsigned`) as it does not interrupt the period either.
        if !rec.signed_by_debtor.value {
            continue;
        }
        let ledger = balance_on(case, rec.period_end.value.0);
        let stated = rec.balance.value.0;
        if ledger != stated {
            let diff = stated - ledger;
            out.push(
                Diagnostic::error(
                    "balance-mismatch",
                    format!(
                        "reconciliation {} confirms a balance of {} at {}, but the receipts and payments give {} (difference {})",
                        rec.id.value,
                        rec.balance.value,
                        rec.period_end.value,
                        Money(ledger),
                        Money(diff)
                    ),
                )
                .at(&rec.file, rec.balance.line, rec.balance.column)
                .field("balance")
                .hint("a delivery or payment up to that day is missing from the case, or the statement is wrong"),
            );
        }
    }
}

/// Invoices reinforce deliveries (received and certified: strong) but never prove them alone.
fn invoices(case: &Case, out: &mut Vec<Diagnostic>) {
    for inv in &case.invoices {
        let key = inv.number.key();
        if inv.receipts.is_empty() {
            out.push(
                Diagnostic::warning("invoice-unmatched", format!("invoice {key} names no delivery it bills"))
                    .at(&inv.file, inv.number.line, inv.number.column)
                    .field("receipts")
                    .rule(RULE_INVOICE_NOT_DELIVERY)
                    .hint("list the receipts it bills under `receipts:`"),
            );
        } else {
            let billed: Decimal = inv
                .receipts
                .iter()
                .filter_map(|id| case.receipts.iter().find(|r| r.id.value == id.value))
                .map(|r| r.amount.value.0)
                .sum();
            if billed != inv.amount.value.0 {
                out.push(
                    Diagnostic::warning(
                        "invoice-mismatch",
                        format!(
                            "invoice {key} is for {}, but the receipts it bills total {} (difference {})",
                            inv.amount.value,
                            Money(billed),
                            Money(inv.amount.value.0 - billed)
                        ),
                    )
                    .at(&inv.file, inv.amount.line, inv.amount.column)
                    .field("amount"),
                );
            }
        }
        if inv.received_by_debtor.is_none() || !inv.deduction_certified {
            let missing = match (inv.received_by_debtor.is_some(), inv.deduction_certified) {
                (false, false) => "neither its receipt by the debtor nor the debtor's deduction is proven",
                (false, true) => "its receipt by the debtor is not recorded",
                _ => "the debtor's input-VAT deduction is not recorded",
            };
            out.push(
                Diagnostic::warning(
                    "invoice-unconfirmed",
                    format!("invoice {key} was issued, but {missing}"),
                )
                .at(&inv.file, inv.number.line, inv.number.column)
                .hint(
                    "the tax bureau's deduction record or the debtor's signature for the invoice strengthens the case",
                ),
            );
        }
    }
    let delivered: Decimal = case.receipts.iter().map(|r| r.amount.value.0).sum();
    let invoiced: Decimal = case.invoices.iter().map(|i| i.amount.value.0).sum();
    if invoiced > delivered
        && let Some(first) = case.invoices.first()
    {
        out.push(
                Diagnostic::warning(
                    "invoice-exceeds-delivery",
                    format!(
                        "invoices total {} but receipts only {}: the {} invoiced beyond the receipts is not proven delivered and is not claimed",
                        Money(invoiced),
                        Money(delivered),
                        Money(invoiced - delivered)
                    ),
                )
                .at(&first.file, first.pos.line, first.pos.column)
                .rule(RULE_INVOICE_NOT_DELIVERY),
            );
    }
}
