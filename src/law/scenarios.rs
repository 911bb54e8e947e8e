//! Scenario table.
