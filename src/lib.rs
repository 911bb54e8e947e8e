//! casepack: case folders of unpaid invoices in, evidence findings, limitation periods,
//! claim figures and court documents out.
//!
//! The pipeline is one straight line: [`case`] (load) → [`assess`] (pure rules, with
//! [`law`]) → render → write. [`pipeline`] runs it for `check`, `build` and `watch`.

// A `Diagnostic` is the error value of loading: it is large (file, position, hint, rule) but
// made once per problem, so boxing it would only add noise.
#![allow(clippy::result_large_err)]

pub mod assess;
pub mod build;
pub mod case;
pub mod cli;
pub mod diag;
pub mod law;
pub mod out;
pub mod pipeline;
pub mod render;
pub mod report;
