//! Every fixed text a person reads around a guide's own texts: section
//! headings, labels and sentences that the Markdown record and the widget
//! both show. One place, so that the two never drift apart.

/// The title of a decision record for answers that came without one.
pub const RECORD_TITLE: &str = "Workflow";

/// Heading of the reasons.
pub const WHY: &str = "Why";
/// Heading of the answer changes that would move the recommendation.
pub const WOULD_CHANGE: &str = "What would change it";
/// Said when no single answer moves the recommendation.
pub const NOTHING_WOULD_CHANGE: &str = "No single answer would change this recommendation.";
/// Heading of the warnings.
pub const WARNINGS: &str = "Warnings";
/// Heading of the watch-outs, and the comparison table's third column.
pub const WATCH_OUT_FOR: &str = "Watch out for";
/// Heading of the checklist of what the team still owns.
pub const YOU_STILL_OWN: &str = "You still own";
/// Heading (and caption) of the comparison table.
pub const PATHS_COMPARED: &str = "The paths compared";
/// The comparison table's first column.
pub const PATH: &str = "Path";
/// The comparison table's second column.
pub const USE_WHEN: &str = "Use when";
/// Heading of the rule of thumb.
pub const RULE_OF_THUMB: &str = "Rule of thumb";
/// Heading of the layers picture.
pub const LAYERS: &str = "Layers";
/// Marks the recommended path in tables and lists.
pub const RECOMMENDED: &str = "Recommended";
/// Heading of the answers.
pub const ANSWERS: &str = "Answers";
/// Heading of the dated vendor notes.
pub const VENDOR_NOTES: &str = "Vendor notes";
/// Label of the recommended path.
pub const RECOMMENDED_PATH: &str = "Recommended path";
/// The answer that leaves a question open.
pub const NOT_SURE: &str = "Not sure";
/// Badge of a result with every question answered.
pub const ALL_ANSWERED: &str = "All questions answered";
/// Badge of a result with questions still open.
pub const PROVISIONAL: &str = "Provisional";
/// Said of a cited answer that is only assumed.
pub const ASSUMED_SUFFIX: &str = " (assumed until answered)";
/// Said when open questions cannot move the recommendation.
pub const OPEN_CANNOT_MOVE: &str = "None of them can move this recommendation on its own.";
/// Introduces the open questions that can move the recommendation.
pub const OPEN_CAN_MOVE: &str = "These could still move it:";

/// "3 of 14 questions are still unanswered; …".
pub fn open_questions(open: usize, total: usize) -> String {
    format!("{open} of {total} questions are still unanswered; until then the lighter answer is assumed.")
}

/// The line under the recommendation in the Markdown record.
pub fn status(open: usize, total: usize) -> String {
    if open == 0 {
        "all questions answered".to_owned()
    } else {
        format!("provisional, {open} of {total} questions unanswered")
    }
}

// The widget's own controls.

/// Small heading above the guide's title.
pub const KICKER: &str = "Architecture decision guide";
/// Label of the preset picker.
pub const LOAD_EXAMPLE: &str = "Load an example";
/// The picker's empty choice.
pub const CHOOSE_WORKFLOW: &str = "Choose a workflow…";
/// The reset button.
pub const RESET: &str = "Reset answers";
/// Lead of the input-error banner.
pub const INPUT_ERROR: &str = "This guide could not use the answers it was given. ";
/// The banner's dismiss button.
pub const DISMISS: &str = "Dismiss";
/// The copy-as-Markdown button.
pub const COPY_MARKDOWN: &str = "Copy as Markdown";
/// The copy-link button.
pub const COPY_LINK: &str = "Copy link";
/// Said when the record reached the clipboard.
pub const COPIED_MARKDOWN: &str = "Copied the decision record as Markdown.";
/// Said when the link reached the clipboard.
pub const COPIED_LINK: &str = "Copied a link to these answers.";
/// Said over the text to copy by hand when the browser refused.
pub const COPY_BY_HAND: &str =
    "This browser did not allow copying. Select the text below and copy it:";
/// The landmark label of the first guide on a page.
pub const LANDMARK: &str = "Decision guide";

/// The landmark label of the `n`th guide on a page (from 1), so that each
/// landmark has its own name.
pub fn landmark(n: u32) -> String {
    if n <= 1 {
        LANDMARK.to_owned()
    } else {
        format!("{LANDMARK} {n}")
    }
}
/// Left end of the layers scale.
pub const LIGHTER: &str = "lighter";
/// Right end of the layers scale.
pub const HEAVIER: &str = "more control and managed runtime";

/// "Try “No”" — the visible text of a would-change button.
pub fn try_answer(label: &str) -> String {
    format!("Try “{label}”")
}

/// The accessible name of a would-change button: its visible text first.
pub fn try_answer_name(label: &str, prompt: &str, path: &str) -> String {
    format!("Try “{label}”: answer {label} to “{prompt}”, which moves it to {path}")
}

/// The guide's identity and both its dates, for the credit line.
pub fn dates(id: &str, version: &str, source_date: &str, notes_read: Option<&str>) -> String {
    match notes_read {
        Some(read) => {
            format!("Guide {id} {version}: source of {source_date}, vendor notes as read {read}.")
        }
        None => format!("Guide {id} {version}: source of {source_date}."),
    }
}
