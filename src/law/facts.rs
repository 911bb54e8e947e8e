//! The facts the rules read: plain data, mapped from the case folder by `assess`.
//!
//! Every amount is an exact [`Decimal`] in yuan; every date a calendar day. Each fact carries the
//! [`DocRef`] of the document it came from, which the engine passes through into its conclusions.
//! Facts dated after [`Facts::as_of`] are ignored (with a finding): the engine answers "what
//! stands on the `as_of` day".

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::law::DocRef;

/// Everything known about one case.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    /// The day all figures and statuses are computed to.
    pub as_of: NaiveDate,
    /// Contracts, purchase orders and framework agreements.
    pub contracts: Vec<Contract>,
    /// Deliveries (signed receipts): one debt each, except under an installment contract.
    pub deliveries: Vec<Delivery>,
    /// Payments received from the debtor.
    pub payments: Vec<Payment>,
    /// Reconciliation letters (对账函).
    pub reconciliations: Vec<Reconciliation>,
    /// Demands, acknowledgements, promises, repayment plans, disputes and refusals.
    pub correspondence: Vec<Correspondence>,
    /// The creditor's settings for the claim.
    pub claim: ClaimSettings,
}

/// A contract: its payment term, late-payment clause, cost clause and forum clause.
#[derive(Debug, Clone, PartialEq)]
pub struct Contract {
    /// The contract's id; deliveries and installment debts name it.
    pub id: String,
    /// When the price is due (legal-rules.md section 1).
    pub term: PaymentTerm,
    /// What the contract agrees for late payment, if anything.
    pub late_payment: Option<LatePayment>,
    /// Whether the debtor bears the costs of enforcing the claim (实现债权的费用).
    pub costs_recoverable: bool,
    /// The dispute-resolution clause, if any.
    pub forum: Option<Forum>,
    /// The contract document.
    pub doc: DocRef,
}

/// The contract's payment term.
#[derive(Debug, Clone, PartialEq)]
pub enum PaymentTerm {
    /// The price is due on delivery.
    OnDelivery,
    /// Due this many days after delivery.
    DaysAfterDelivery(u32),
    /// Due this many days after the debtor received the billing invoice.
    DaysAfterInvoice(u32),
    /// Due on this date.
    FixedDate(NaiveDate),
    /// Due in installments: each one is a debt of its own, named `<contract id>#<n>` (1-based).
    Installments(Vec<Installment>),
    /// No payment term agreed.
    None,
}

/// One installment of an installment contract.
#[derive(Debug, Clone, PartialEq)]
pub struct Installment {
    /// The installment's due date.
    pub due: NaiveDate,
    /// Its amount.
    pub amount: Decimal,
}

/// What the contract agrees for late payment.
#[derive(Debug, Clone, PartialEq)]
pub enum LatePayment {
    /// A rate per day on the unpaid amount, as a fraction: `0.0005` = 0.05% a day.
    DailyRate(Decimal),
    /// A rate per year on the unpaid amount, as a fraction: `0.12` = 12% a year (÷ 365 per day).
    AnnualRate(Decimal),
    /// A fixed sum for late payment under the contract, in yuan.
    Fixed(Decimal),
}

/// A dispute-resolution clause.
#[derive(Debug, Clone, PartialEq)]
pub enum Forum {
    /// An agreed court, as the clause words it (e.g. `原告住所地人民法院`).
    Court(String),
    /// An arbitration institution.
    Arbitration(String),
}

/// One delivery, proven by a receipt.
#[derive(Debug, Clone, PartialEq)]
pub struct Delivery {
    /// The receipt's id: the debt's name.
    pub id: String,
    /// The contract it was delivered under; `None` where the case has exactly one contract
    /// (that one is used) or none (a de facto sale with no agreed term).
    pub contract: Option<String>,
    /// The day the goods were delivered.
    pub delivered_on: NaiveDate,
    /// The value of the goods delivered (tax included).
    pub amount: Decimal,
    /// The invoices that bill this delivery (for `days_after_invoice`).
    pub invoices: Vec<InvoiceDates>,
    /// The receipt.
    pub doc: DocRef,
}

/// The dates of an invoice billing a delivery.
#[derive(Debug, Clone, PartialEq)]
pub struct InvoiceDates {
    /// The day it was issued.
    pub issued_on: NaiveDate,
    /// The day the debtor received it, if proven.
    pub received_by_debtor: Option<NaiveDate>,
    /// The invoice.
    pub doc: DocRef,
}

/// A payment received from the debtor.
#[derive(Debug, Clone, PartialEq)]
pub struct Payment {
    /// The payment's id.
    pub id: String,
    /// The day it was received.
    pub date: NaiveDate,
    /// The amount.
    pub amount: Decimal,
    /// The debts it pays, by name, in order; empty = allocated by law (CC 560).
    pub applies_to: Vec<String>,
    /// The payment record.
    pub doc: DocRef,
}

/// A reconciliation letter (对账函).
#[derive(Debug, Clone, PartialEq)]
pub struct Reconciliation {
    /// Its id.
    pub id: String,
    /// The day the debtor signed or sealed it.
    pub signed_on: NaiveDate,
    /// The day the balance is stated as of.
    pub period_end: NaiveDate,
    /// The balance the debtor confirms it owes.
    pub balance: Decimal,
    /// Whether the debtor signed or sealed it.
    pub signed_by_debtor: bool,
    /// The letter.
    pub doc: DocRef,
}

/// A letter or message between the parties.
#[derive(Debug, Clone, PartialEq)]
pub struct Correspondence {
    /// Its id.
    pub id: String,
    /// The day it was written or sent.
    pub date: NaiveDate,
    /// What it is.
    pub kind: CorrespondenceKind,
    /// Who wrote it.
    pub from: Party,
    /// For a demand: the day it reached the debtor.
    pub delivered_on: Option<NaiveDate>,
    /// Whether proof of delivery is present (tracking number, read receipt, signed copy…).
    pub proof: bool,
    /// The amount demanded, acknowledged or promised, if stated.
    pub amount: Option<Decimal>,
    /// The document.
    pub doc: DocRef,
}

/// The kind of a [`Correspondence`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CorrespondenceKind {
    /// A demand for payment.
    Demand,
    /// An acknowledgement of the debt.
    Acknowledgement,
    /// A repayment plan.
    RepaymentPlan,
    /// A promise to pay, or a request for more time.
    Promise,
    /// A dispute of the debt.
    Dispute,
    /// A refusal to pay.
    Refusal,
}

/// A party to the case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Party {
    /// The claimant.
    Creditor,
    /// The defendant.
    Debtor,
}

/// The creditor's settings for the claim (`claim:` in case.yaml) and the parties' addresses.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClaimSettings {
    /// Which late-payment charges to claim.
    pub interest: InterestMode,
    /// The markup on the LPR basis, as a fraction (`0.5` = +50%); `None` = 0.3, the lowest a
    /// court applies (conservative).
    pub lpr_markup: Option<Decimal>,
    /// Costs of enforcing the claim (lawyer's fee…), claimed where the contract allows.
    pub costs: Vec<Cost>,
    /// The creditor's address (the place of performance of a money claim).
    pub creditor_address: Option<String>,
    /// The debtor's address (its domicile).
    pub debtor_address: Option<String>,
    /// The court the user chose, overriding the suggestion.
    pub court: Option<String>,
}

/// Which late-payment charges to claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InterestMode {
    /// The contract's terms where agreed, else the LPR basis.
    #[default]
    Auto,
    /// The contract's terms only (none where the contract agrees none).
    Contract,
    /// The LPR basis (PBOC benchmark before 2019-08-20), even where the contract agrees terms.
    Lpr,
    /// No charges.
    None,
}

/// One cost of enforcing the claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Cost {
    /// What it is (律师费…).
    pub description: String,
    /// Its amount.
    pub amount: Decimal,
    /// The document proving it (case.yaml, or the invoice).
    pub doc: DocRef,
}
