//! The widget's components, one a file, each named after what it shows.

pub mod app;
pub mod comparison_table;
pub mod credit;
pub mod glance;
pub mod layers;
pub mod preset_picker;
pub mod question_card;
pub mod recommendation;
pub mod rule_of_thumb;
pub mod share;
