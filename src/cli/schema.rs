//! `casepack schema`: the JSON Schema of every YAML kind, derived from the model types.

use crate::case::schema::case_folder_schema;

pub fn run() -> i32 {
    println!(
        "{}",
        serde_json::to_string_pretty(&case_folder_schema()).expect("schema serialises")
    );
    super::EXIT_OK
}
