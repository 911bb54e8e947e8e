//! Case + Assessment → the context every document template reads. Figures are computed by
//! `assess`; this only selects and words them (rates as percentages, kinds as nouns) so that
//! templates format, never compute.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::assess::Assessment;
use crate::case::Case;
use crate::case::model::{ContractKind, InvoiceKind, Language, Party, PaymentMethod};
use crate::law::{self, Basis, DebtCharges};

#[derive(Debug, Clone, Serialize)]
pub struct DocumentContext {
    /// "zh" or "en".
    pub lang: &'static str,
    pub case_id: String,
    /// The date of the documents: the case's as_of.
    pub as_of: String,
    /// A lawyer's letter (律师函) when the case names an agent.
    pub lawyer_letter: bool,
    pub creditor: PartyContext,
    pub debtor: PartyContext,
    pub agent: Option<AgentContext>,
    pub contracts: Vec<ContractContext>,
    /// Every debt (delivery or installment) with its figures.
    pub debts: Vec<DebtContext>,
    /// Whether any debt is an installment (the date column is then not a delivery date).
    pub has_installments: bool,
    pub invoices: Vec<InvoiceContext>,
    pub payments: Vec<PaymentContext>,
    pub totals: Totals,
    /// The late-payment charges per debt that has any.
    pub charges: Vec<ChargeContext>,
    /// "contract", "lpr", "none" or "mixed".
    pub interest_basis: &'static str,
    /// What the charges are called on that basis: 逾期付款违约金 (a contractual penalty),
    /// 逾期付款损失 (damages at the LPR basis), or both.
    pub charges_noun: &'static str,
    /// Whether some principal is not yet due (and so not demanded).
    pub has_not_yet_due: bool,
    /// Costs claimed (empty when the contracts do not make the debtor bear them).
    pub costs: Vec<CostContext>,
    /// Payment deadline the letter sets: as_of + pay_within_days, moved past days off.
    pub deadline: String,
    pub pay_within_days: u32,
    /// The suggested (or chosen) court; `None` under an arbitration clause.
    pub court: Option<String>,
    pub arbitration: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PartyContext {
    pub name: String,
    pub address: String,
    pub uscc: String,
    pub legal_representative: String,
    pub phone: String,
    pub bank: Option<BankContext>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BankContext {
    pub name: String,
    pub account: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AgentContext {
    pub name: String,
    pub firm: String,
    pub license_no: String,
    pub phone: String,
    pub address: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ContractContext {
    pub id: String,
    pub title: String,
    /// The kind as a noun in the document's language (书面合同 / purchase order …).
    pub kind: &'static str,
    pub signed_on: Option<String>,
    pub goods: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DebtContext {
    pub id: String,
    /// "delivery" or "installment".
    pub kind: &'static str,
    pub contract: String,
    /// The delivery day, or the installment's date.
    pub arose_on: String,
    pub due_on: String,
    pub amount: String,
    pub paid: String,
    pub outstanding: String,
    /// Whether it is due on as_of (debts not yet due are not demanded).
    pub due: bool,
    /// The invoices billing it.
    pub invoices: Vec<String>,
    pub charge: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct InvoiceContext {
    pub number: String,
    pub kind: &'static str,
    pub issued_on: String,
    pub amount: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PaymentContext {
    pub id: String,
    pub date: String,
    pub amount: String,
    pub method: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct Totals {
    pub delivered: String,
    /// Σ of the debts' amounts (the table's total column).
    pub debts: String,
    /// Σ of the payments applied to the debts (the table's paid column).
    pub debts_paid: String,
    /// Σ of the debts' unpaid principal, due or not.
    pub outstanding: String,
    pub invoiced: String,
    pub paid: String,
    /// Unpaid principal of the debts due on as_of: what is demanded.
    pub principal: String,
    pub not_yet_due: String,
    pub charges: String,
    pub costs: String,
    /// principal + charges + costs.
    pub total: String,
    pub court_fee: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChargeContext {
    pub debt: String,
    /// The rate in words, in the document's language.
    pub rate: String,
    /// The first day charged (the breach day, D + 1).
    pub from: String,
    /// The last day charged (as_of, or the day of the last payment).
    pub to: String,
    pub charge: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CostContext {
    pub description: String,
    pub amount: String,
}

fn money(d: Decimal) -> String {
    law::money_string(d)
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn party(p: &Party) -> PartyContext {
    let s = |v: &Option<crate::case::values::Sp<String>>| v.as_ref().map(|x| x.value.clone()).unwrap_or_default();
    PartyContext {
        name: s(&p.name),
        address: s(&p.address),
        uscc: p.uscc.as_ref().map(|u| u.value.0.clone()).unwrap_or_default(),
        legal_representative: p.legal_representative.clone().unwrap_or_default(),
        phone: p.phone.as_ref().map(|t| t.0.clone()).unwrap_or_default(),
        bank: p.bank.as_ref().map(|b| BankContext {
            name: b.name.clone(),
            account: b.account.0.clone(),
        }),
    }
}

/// A rate fraction as a percentage with no trailing zeros: 0.0005 → "0.05".
fn percent(fraction: Decimal) -> String {
    (fraction * Decimal::ONE_HUNDRED).normalize().to_string()
}

fn rate_words(c: &DebtCharges, zh: bool) -> String {
    let r = &c.rate;
    let plain = |d: Option<Decimal>| d.map(|d| d.normalize().to_string()).unwrap_or_default();
    let agreed = percent(r.contract_rate.unwrap_or_default());
    let (base, markup, annual) = (
        plain(r.base_percent),
        percent(r.markup.unwrap_or_default()),
        plain(r.annual_percent),
    );
    match (c.basis, r.kind, zh) {
        (Basis::Contract, "daily", true) => format!("按合同约定每日{agreed}%"),
        (Basis::Contract, "daily", false) => format!("{agreed}% per day, as agreed in the contract"),
        (Basis::Contract, "annual", true) => format!("按合同约定年利率{agreed}%"),
        (Basis::Contract, "annual", false) => format!("{agreed}% a year, as agreed in the contract"),
        (Basis::Contract, _, true) => "按合同约定的逾期付款违约金".to_string(),
        (Basis::Contract, _, false) => "the sum agreed in the contract for late payment".to_string(),
        (Basis::Lpr, _, true) => {
            format!("按违约行为发生时一年期贷款市场报价利率（LPR）{base}%上浮{markup}%计算，即年利率{annual}%")
        }
        (Basis::Lpr, _, false) => {
            format!(
                "the one-year Loan Prime Rate in force at the breach ({base}%) plus {markup}%, i.e. {annual}% a year"
            )
        }
        (Basis::Pboc, _, true) => {
            format!("按违约行为发生时中国人民银行同期同类贷款基准利率{base}%上浮{markup}%计算，即年利率{annual}%")
        }
        (Basis::Pboc, _, false) => format!(
            "the PBOC benchmark lending rate in force at the breach ({base}%) plus {markup}%, i.e. {annual}% a year"
        ),
        (Basis::None, _, _) => String::new(),
    }
}

fn charges_noun(basis: &str, zh: bool) -> &'static str {
    match (basis, zh) {
        ("contract", true) => "逾期付款违约金",
        ("mixed", true) => "逾期付款违约金及逾期付款损失",
        (_, true) => "逾期付款损失",
        ("contract", false) => "late-payment penalty",
        ("mixed", false) => "late-payment penalty and damages",
        (_, false) => "late-payment damages",
    }
}

fn contract_kind(k: ContractKind, zh: bool) -> &'static str {
    match (k, zh) {
        (ContractKind::WrittenContract, true) => "合同",
        (ContractKind::PurchaseOrder, true) => "采购订单",
        (ContractKind::FrameworkAgreement, true) => "框架协议",
        (ContractKind::QuotationConfirmation, true) => "报价确认单",
        (ContractKind::WrittenContract, false) => "contract",
        (ContractKind::PurchaseOrder, false) => "purchase order",
        (ContractKind::FrameworkAgreement, false) => "framework agreement",
        (ContractKind::QuotationConfirmation, false) => "quotation confirmation",
    }
}

fn method(m: PaymentMethod, zh: bool) -> &'static str {
    match (m, zh) {
        (PaymentMethod::BankTransfer, true) => "银行转账",
        (PaymentMethod::AcceptanceBill, true) => "承兑汇票",
        (PaymentMethod::Cash, true) => "现金",
        (PaymentMethod::Offset, true) => "抵销",
        (PaymentMethod::Other, true) => "其他",
        (PaymentMethod::BankTransfer, false) => "bank transfer",
        (PaymentMethod::AcceptanceBill, false) => "acceptance bill",
        (PaymentMethod::Cash, false) => "cash",
        (PaymentMethod::Offset, false) => "set-off",
        (PaymentMethod::Other, false) => "other",
    }
}

pub fn build(case: &Case, a: &Assessment) -> DocumentContext {
    let zh = case.meta.language == Language::Zh;
    let legal = &a.legal;
    let charge_of = |id: &str| legal.interest.debts.iter().find(|c| c.id == id);
    let debts = legal
        .debts
        .iter()
        .map(|d| DebtContext {
            id: d.debt.id.clone(),
            kind: match d.debt.kind {
                law::DebtKind::Installment => "installment",
                _ => "delivery",
            },
            contract: d.debt.contract.clone().unwrap_or_default(),
            arose_on: day(d.debt.arose_on),
            due_on: day(d.debt.due_on),
            amount: money(d.debt.amount),
            paid: money(d.paid),
            outstanding: money(d.outstanding),
            due: d.due,
            invoices: case
                .invoices
                .iter()
                .filter(|i| i.receipts.iter().any(|r| r.value.0 == d.debt.id))
                .map(|i| i.number.key())
                .collect(),
            charge: money(charge_of(&d.debt.id).map_or(Decimal::ZERO, |c| c.total)),
        })
        .collect();
    let charges = legal
        .interest
        .debts
        .iter()
        .filter(|c| c.total > Decimal::ZERO)
        .map(|c| ChargeContext {
            debt: c.id.clone(),
            rate: rate_words(c, zh),
            from: c.slices.iter().map(|s| s.from).min().map(day).unwrap_or_default(),
            to: c.slices.iter().map(|s| s.to).max().map(day).unwrap_or_default(),
            charge: money(c.total),
        })
        .collect();
    let costs = if legal.costs.recoverable {
        case.meta
            .claim
            .costs
            .iter()
            .map(|c| CostContext {
                description: c.description.clone(),
                amount: money(c.amount.value.0),
            })
            .collect()
    } else {
        Vec::new()
    };
    DocumentContext {
        lang: if zh { "zh" } else { "en" },
        case_id: case.id.clone(),
        as_of: day(a.as_of),
        lawyer_letter: case.meta.agent.is_some(),
        creditor: party(&case.meta.creditor),
        debtor: party(&case.meta.debtor),
        agent: case.meta.agent.as_ref().map(|g| AgentContext {
            name: g.name.clone(),
            firm: g.firm.clone(),
            license_no: g.license_no.as_ref().map(|t| t.0.clone()).unwrap_or_default(),
            phone: g.phone.as_ref().map(|t| t.0.clone()).unwrap_or_default(),
            address: g.address.clone().unwrap_or_default(),
        }),
        contracts: case
            .contracts
            .iter()
            .map(|c| ContractContext {
                id: c.id.value.0.clone(),
                title: c.title.clone().unwrap_or_default(),
                kind: contract_kind(c.kind.value, zh),
                signed_on: c.signed_on.as_ref().map(|d| day(d.value.0)),
                goods: c.goods.clone().unwrap_or_default(),
            })
            .collect(),
        has_installments: legal
            .debts
            .iter()
            .any(|d| matches!(d.debt.kind, law::DebtKind::Installment)),
        debts,
        invoices: case
            .invoices
            .iter()
            .map(|i| InvoiceContext {
                number: i.number.key(),
                kind: match (i.kind.value, zh) {
                    (InvoiceKind::Special, true) => "增值税专用发票",
                    (InvoiceKind::Ordinary, true) => "增值税普通发票",
                    (InvoiceKind::Special, false) => "special VAT invoice",
                    (InvoiceKind::Ordinary, false) => "ordinary VAT invoice",
                },
                issued_on: day(i.issued_on.value.0),
                amount: money(i.amount.value.0),
            })
            .collect(),
        payments: case
            .payments
            .iter()
            .map(|p| PaymentContext {
                id: p.id.value.0.clone(),
                date: day(p.date.value.0),
                amount: money(p.amount.value.0),
                method: method(p.method, zh),
            })
            .collect(),
        totals: Totals {
            delivered: money(a.ledger.delivered.0),
            debts: money(legal.debts.iter().map(|d| d.debt.amount).sum()),
            debts_paid: money(legal.debts.iter().map(|d| d.paid).sum()),
            outstanding: money(a.ledger.outstanding.0),
            invoiced: money(a.ledger.invoiced.0),
            paid: money(a.ledger.paid.0),
            principal: money(legal.claim.principal),
            not_yet_due: money(legal.claim.not_yet_due),
            charges: money(legal.claim.charges),
            costs: money(legal.claim.costs),
            total: money(legal.claim_total),
            court_fee: money(legal.court_fee),
        },
        charges,
        interest_basis: legal.interest.basis,
        charges_noun: charges_noun(legal.interest.basis, zh),
        has_not_yet_due: legal.claim.not_yet_due > Decimal::ZERO,
        costs,
        deadline: day(a.deadline),
        pay_within_days: case.meta.claim.pay_within_days,
        court: legal.suggested_court.court.clone(),
        arbitration: legal.suggested_court.arbitration.clone(),
    }
}
