//! The serde types of every YAML kind in a case folder (see `shared/design/case-format.md`).
//! Unknown keys are errors: a typo must not silently drop evidence.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::values::{Date, Dec, Money, Sp, Text};

/// `case.yaml`: the parties and the claim settings.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseMeta {
    /// Defaults to the folder's name.
    #[serde(default)]
    pub id: Option<Sp<Text>>,
    /// Language of the generated documents.
    #[serde(default)]
    pub language: Language,
    /// The date all figures are computed to (default: today).
    #[serde(default)]
    pub as_of: Option<Sp<Date>>,
    /// The claimant (原告).
    pub creditor: Sp<Party>,
    /// The defendant (被告).
    pub debtor: Sp<Party>,
    /// The lawyer: present => a lawyer's letter (律师函).
    #[serde(default)]
    pub agent: Option<Sp<Agent>>,
    #[serde(default)]
    pub claim: Claim,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Zh,
    En,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Party {
    #[serde(default)]
    pub name: Option<Sp<String>>,
    /// 统一社会信用代码 (18 characters, GB 32100-2015); its check character is verified.
    #[serde(default)]
    pub uscc: Option<Sp<Text>>,
    #[serde(default)]
    pub address: Option<Sp<String>>,
    #[serde(default)]
    pub legal_representative: Option<String>,
    #[serde(default)]
    pub phone: Option<Text>,
    #[serde(default)]
    pub bank: Option<Bank>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bank {
    pub name: String,
    pub account: Text,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agent {
    pub name: String,
    pub firm: String,
    #[serde(default)]
    pub license_no: Option<Text>,
    #[serde(default)]
    pub phone: Option<Text>,
    /// The firm's address, printed in the lawyer's letterhead.
    #[serde(default)]
    pub address: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    #[serde(default)]
    pub interest: Sp<InterestMode>,
    /// LPR basis: one-year LPR at the breach date × (1 + markup), markup 0.3–0.5.
    #[serde(default)]
    pub lpr_markup: Option<Sp<Dec>>,
    /// Costs of enforcing the claim, claimed only where the contract allows.
    #[serde(default)]
    pub costs: Vec<Sp<Cost>>,
    /// The deadline the demand letter sets, in days (default 7).
    #[serde(default = "default_pay_within_days")]
    pub pay_within_days: u32,
    /// Override of the suggested court.
    #[serde(default)]
    pub court: Option<Sp<String>>,
}

fn default_pay_within_days() -> u32 {
    7
}

impl Default for Claim {
    fn default() -> Self {
        Claim {
            interest: Sp::bare(InterestMode::Auto),
            lpr_markup: None,
            costs: Vec::new(),
            pay_within_days: default_pay_within_days(),
            court: None,
        }
    }
}

impl Default for Sp<InterestMode> {
    fn default() -> Self {
        Sp::bare(InterestMode::Auto)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum InterestMode {
    /// Contract terms if agreed, else the LPR basis.
    #[default]
    Auto,
    Contract,
    Lpr,
    None,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cost {
    pub description: String,
    pub amount: Sp<Money>,
    #[serde(default)]
    pub files: Vec<Sp<String>>,
}

/// `contracts/`: written contracts, purchase orders, framework agreements.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contract {
    pub id: Sp<Text>,
    #[serde(rename = "type")]
    pub kind: Sp<ContractKind>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub signed_on: Option<Sp<Date>>,
    #[serde(default)]
    pub signed_by_creditor: bool,
    /// Signed or sealed by the debtor.
    #[serde(default)]
    pub signed_by_debtor: Sp<bool>,
    #[serde(default)]
    pub goods: Option<String>,
    #[serde(default)]
    pub payment: Option<Sp<PaymentTerms>>,
    #[serde(default)]
    pub late_payment: Option<Sp<LatePayment>>,
    /// The debtor bears the costs of enforcing the claim (实现债权的费用).
    #[serde(default)]
    pub costs_recoverable: bool,
    #[serde(default)]
    pub forum: Option<Sp<Forum>>,
    #[serde(default)]
    pub files: Vec<Sp<String>>,
}

impl Default for Sp<bool> {
    fn default() -> Self {
        Sp::bare(false)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ContractKind {
    WrittenContract,
    PurchaseOrder,
    FrameworkAgreement,
    QuotationConfirmation,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PaymentTerms {
    pub term: Sp<TermKind>,
    /// With `days_after_delivery` / `days_after_invoice`.
    #[serde(default)]
    pub days: Option<Sp<u32>>,
    /// With `fixed_date`.
    #[serde(default)]
    pub date: Option<Sp<Date>>,
    /// With `installments`.
    #[serde(default)]
    pub installments: Option<Vec<Sp<Installment>>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TermKind {
    OnDelivery,
    DaysAfterDelivery,
    DaysAfterInvoice,
    FixedDate,
    Installments,
    None,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Installment {
    pub due: Sp<Date>,
    pub amount: Sp<Money>,
}

/// What the contract agrees for late payment: exactly one of the three.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LatePayment {
    #[serde(default)]
    pub daily_rate: Option<Sp<Dec>>,
    #[serde(default)]
    pub annual_rate: Option<Sp<Dec>>,
    #[serde(default)]
    pub fixed: Option<Sp<Money>>,
}

/// Dispute-resolution clause: court or arbitration, not both.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Forum {
    #[serde(default)]
    pub court: Option<Sp<String>>,
    #[serde(default)]
    pub arbitration: Option<Sp<String>>,
}

/// `receipts/`: delivery notes / receipts signed by the debtor (送货单、签收单).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Receipt {
    pub id: Sp<Text>,
    /// Optional where the case has exactly one contract.
    #[serde(default)]
    pub contract: Option<Sp<Text>>,
    pub delivered_on: Sp<Date>,
    /// Value of the goods delivered, tax included.
    pub amount: Sp<Money>,
    #[serde(default)]
    pub items: Vec<Item>,
    /// The debtor signed or sealed this receipt.
    #[serde(default)]
    pub signed_by_debtor: Sp<bool>,
    #[serde(default)]
    pub signer: Option<String>,
    #[serde(default)]
    pub files: Vec<Sp<String>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub name: String,
    #[serde(default)]
    pub quantity: Option<Dec>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub unit_price: Option<Dec>,
}

/// `invoices/`: VAT invoices (增值税发票).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Invoice {
    pub number: Sp<InvoiceNumber>,
    #[serde(rename = "type")]
    pub kind: Sp<InvoiceKind>,
    pub issued_on: Sp<Date>,
    /// Total, tax included.
    pub amount: Sp<Money>,
    #[serde(default)]
    pub tax_rate: Option<Dec>,
    /// The deliveries it bills.
    #[serde(default)]
    pub receipts: Vec<Sp<Text>>,
    /// The day the debtor received it.
    #[serde(default)]
    pub received_by_debtor: Option<Sp<Date>>,
    /// The debtor certified / claimed its input-VAT deduction.
    #[serde(default)]
    pub deduction_certified: bool,
    #[serde(default)]
    pub files: Vec<Sp<String>>,
}

/// A 20-digit fully digitalised e-invoice number, or the code + number of an older invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum InvoiceNumber {
    Digital(Text),
    Coded { code: Text, number: Text },
}

impl InvoiceNumber {
    /// The number as one string: the digital number, or `code-number`.
    pub fn key(&self) -> String {
        match self {
            InvoiceNumber::Digital(n) => n.0.clone(),
            InvoiceNumber::Coded { code, number } => format!("{code}-{number}"),
        }
    }
}

impl<'de> Deserialize<'de> for InvoiceNumber {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{self, MapAccess, Visitor};
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = InvoiceNumber;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an invoice number string, or a mapping { code, number }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(InvoiceNumber::Digital(Text(v.to_string())))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(InvoiceNumber::Digital(Text(v.to_string())))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let (mut code, mut number) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "code" if code.is_none() => code = Some(map.next_value::<Text>()?),
                        "number" if number.is_none() => number = Some(map.next_value::<Text>()?),
                        "code" | "number" => return Err(de::Error::duplicate_field("code/number")),
                        other => return Err(de::Error::unknown_field(other, &["code", "number"])),
                    }
                }
                Ok(InvoiceNumber::Coded {
                    code: code.ok_or_else(|| de::Error::missing_field("code"))?,
                    number: number.ok_or_else(|| de::Error::missing_field("number"))?,
                })
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum InvoiceKind {
    /// 专用发票
    Special,
    /// 普通发票
    Ordinary,
}

/// `reconciliations/`: reconciliation letters / statements of account (对账函).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reconciliation {
    pub id: Sp<Text>,
    /// The day the debtor signed or sealed it.
    pub signed_on: Sp<Date>,
    /// The balance is stated as of this day.
    pub period_end: Sp<Date>,
    /// The balance the debtor confirms it owes.
    pub balance: Sp<Money>,
    #[serde(default)]
    pub signed_by_debtor: Sp<bool>,
    #[serde(default)]
    pub files: Vec<Sp<String>>,
}

/// `payments/`: payments received from the debtor.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Payment {
    pub id: Sp<Text>,
    pub date: Sp<Date>,
    pub amount: Sp<Money>,
    #[serde(default)]
    pub method: PaymentMethod,
    #[serde(default)]
    pub reference: Option<Text>,
    /// Debts it pays (receipt ids, or `<contract id>#<n>` for installments); otherwise
    /// allocated to the earliest-due debt (CC 560).
    #[serde(default)]
    pub applies_to: Vec<Sp<Text>>,
    #[serde(default)]
    pub files: Vec<Sp<String>>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    BankTransfer,
    AcceptanceBill,
    Cash,
    Offset,
    #[default]
    Other,
}

/// `correspondence/`: demands sent, the debtor's replies, acknowledgements, repayment plans.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Correspondence {
    pub id: Sp<Text>,
    pub date: Sp<Date>,
    #[serde(rename = "type")]
    pub kind: Sp<LetterKind>,
    pub from: Sp<Side>,
    #[serde(default)]
    pub channel: Option<Channel>,
    /// For a demand: the day it reached the debtor.
    #[serde(default)]
    pub delivered_on: Option<Sp<Date>>,
    /// Tracking number, read receipt, the debtor's signed copy…
    #[serde(default)]
    pub proof: Option<Sp<String>>,
    /// Amount demanded, acknowledged or promised.
    #[serde(default)]
    pub amount: Option<Sp<Money>>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub files: Vec<Sp<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LetterKind {
    Demand,
    Acknowledgement,
    RepaymentPlan,
    Promise,
    Dispute,
    Refusal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Creditor,
    Debtor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Ems,
    RegisteredMail,
    Courier,
    Email,
    Wechat,
    Sms,
    InPerson,
}
