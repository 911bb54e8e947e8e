//! JSON Schemas of the YAML kinds, derived from the model types (never written by hand).

use schemars::{JsonSchema, Schema, schema_for};
use serde_json::{Map, Value, json};

use super::Kind;
use super::model::*;

/// A kind file holds one document or a list of them.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum OneOrList<T> {
    One(T),
    List(Vec<T>),
}

/// The schema of `case.yaml`.
pub fn case_schema() -> Schema {
    schema_for!(CaseMeta)
}

/// The schema of a YAML file in a kind folder.
pub fn kind_schema(kind: Kind) -> Schema {
    match kind {
        Kind::Contracts => schema_for!(OneOrList<Contract>),
        Kind::Receipts => schema_for!(OneOrList<Receipt>),
        Kind::Invoices => schema_for!(OneOrList<Invoice>),
        Kind::Reconciliations => schema_for!(OneOrList<Reconciliation>),
        Kind::Payments => schema_for!(OneOrList<Payment>),
        Kind::Correspondence => schema_for!(OneOrList<Correspondence>),
    }
}

/// One document holding every schema: `{"case": …, "contracts": …, …}` under `$defs`-free
/// top-level keys, each a complete schema of its own.
pub fn case_folder_schema() -> Value {
    let mut kinds = Map::new();
    kinds.insert("case".into(), case_schema().to_value());
    for k in Kind::ALL {
        kinds.insert(k.folder().into(), kind_schema(k).to_value());
    }
    json!({
        "title": "casepack case folder",
        "description": "case.yaml and one schema per evidence folder; every key is a complete JSON Schema",
        "schemas": Value::Object(kinds),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemas_know_every_field_and_refuse_others() {
        let s = kind_schema(Kind::Receipts).to_value().to_string();
        for field in ["delivered_on", "signed_by_debtor", "amount", "items"] {
            assert!(s.contains(field), "{field} missing from {s}");
        }
        assert!(s.contains("\"additionalProperties\":false"));
        let c = case_schema().to_value().to_string();
        assert!(c.contains("lpr_markup") && c.contains("pay_within_days"));
    }
}
