//! Every fixed text a person reads around a guide's own texts: section
//! headings, labels and sentences that the Markdown record, the portfolio,
//! the command line and the widget show. One place, so that they never drift
//! apart and a translation has one place to start.

/// The title of a decision record for answers that came without one.
pub const RECORD_TITLE: &str = "Workflow";

/// What the proof says of a guide that keeps every promise
/// (`decision-guide check`, the studio).
pub const SOUND: &str =
    "sound: every combination gets one path and a reason, no rule is dead, every invariant holds";

/// What the proof says of a guide that breaks `n` promises.
pub fn not_sound(n: usize) -> String {
    format!(
        "NOT SOUND: {n} promise{} broken",
        if n == 1 { "" } else { "s" }
    )
}

/// Heading of the reasons.
pub const WHY: &str = "Why";
/// Heading of the answer changes that would move the recommendation.
pub const WOULD_CHANGE: &str = "What would change it";
/// Said when no single answer moves the recommendation.
pub const NOTHING_WOULD_CHANGE: &str = "No single answer would change this recommendation.";
/// Said under "what would change it" when every answer that would is to
/// an open question, shown with its change among those to answer first.
pub const ONLY_OPEN_WOULD_CHANGE: &str =
    "Only an answer to an open question above would change it.";
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
/// Label of the recommended path, when enough is answered.
pub const RECOMMENDED_PATH: &str = "Recommended path";
/// Label of the path when a conflict must be confirmed before production.
pub const RECOMMENDED_CONFIRM: &str = "Recommended path, to confirm first";
/// Introduces the open questions that cannot move the path but could block it.
pub const COULD_BLOCK: &str =
    "These open questions cannot move the path, but could block it or call for a confirmation:";
/// Label of the path while open questions could still change it.
pub const LEANING: &str = "Leaning toward";
/// Label of the path when no path meets every hard need.
pub const CLOSEST_PATH: &str = "No path confirmed; closest";
/// Introduces the open questions that could change a lean.
pub const ASK_FIRST: &str = "Not settled yet. Answer these first; each could change it:";
/// Said over a blocked result.
pub const ESCALATE: &str = "No path meets every need you gave: escalate before anyone builds. The path shown is only the closest; the warnings name the ways out.";
/// Said instead of "no single answer" while a conflict stands.
pub const CONFLICTS_STAND: &str =
    "No single answer would change it, but something named above is still to settle or to confirm first.";
/// Heading of the nearest sets of several changes.
pub const FURTHER: &str =
    "Further away (each set moves the path only with all its answers together)";
/// Heading of what the answers say is already in place.
pub const IN_PLACE: &str = "You said these are in place: check each";
/// The button that gives a nearest set of answers.
pub const APPLY: &str = "Apply these answers";
/// The answer that leaves a question open.
pub const NOT_SURE: &str = "Not sure";
/// Badge of a result with every question answered.
pub const ALL_ANSWERED: &str = "All questions answered";
/// Badge of a result whose open questions cannot change it.
pub const SETTLED: &str = "Settled";
/// Badge of a result with a conflict to settle before production.
pub const CONFIRM_FIRST: &str = "Confirm first";
/// Badge of a lean.
pub const LEAN: &str = "Lean";
/// Badge of a blocked result.
pub const BLOCKED: &str = "Escalate";
/// Said of a cited answer that is only assumed.
pub const ASSUMED_SUFFIX: &str = " (assumed: not answered yet)";
/// Said when open questions cannot move the recommendation.
pub const OPEN_CANNOT_MOVE: &str = "None of them can move the path on its own.";

/// "3 of 20 questions are still unanswered; …".
pub fn open_questions(open: usize, total: usize) -> String {
    format!("{open} of {total} questions are still unanswered; until then the lighter answer is assumed.")
}

/// The line under the recommendation in the Markdown record.
pub fn status(open: usize, total: usize, enough: bool) -> String {
    match (open, enough) {
        (0, _) => "all questions answered".to_owned(),
        (_, true) => {
            format!("{open} of {total} questions unanswered, none of which can move the path")
        }
        (_, false) => format!("{open} of {total} questions unanswered"),
    }
}

/// "2 answers together lead to Amazon Bedrock Managed Agents:".
pub fn changes_lead_to(n: usize, path: &str) -> String {
    if n == 1 {
        format!("1 answer leads to {path}:")
    } else {
        format!("{n} answers together lead to {path}:")
    }
}

/// Said beside a path that a change leads to but that would be blocked,
/// or need a confirmation, there: "blocked there: voice-vs-aws".
pub fn blocked_there(blocked: &[String], conflicts: &[String]) -> String {
    match (blocked.is_empty(), conflicts.is_empty()) {
        (false, true) => format!("blocked there: {}", blocked.join(", ")),
        (true, false) => format!("to confirm there: {}", conflicts.join(", ")),
        (false, false) => format!(
            "blocked there: {}; to confirm: {}",
            blocked.join(", "),
            conflicts.join(", ")
        ),
        (true, true) => String::new(),
    }
}

/// An answer in a nearest set: "→ Yes".
pub fn answer_is(label: &str) -> String {
    format!("→ {label}")
}

/// The accessible name of an apply button.
pub fn apply_name(path: &str) -> String {
    format!("{APPLY}, which lead to {path}")
}

// The Markdown decision record and the portfolio (`markdown.rs`), and the
// titles the command line gives workflows that came without one.

/// The title of a decision record: "Decision record: R05 Swedish grocer".
pub fn record_heading(title: &str) -> String {
    format!("Decision record: {title}")
}

/// The rule cited after a reason: "(rule `voice`)".
pub fn rule_cited(rule: &str) -> String {
    format!("(rule `{rule}`)")
}

/// The first column of the record's table of answer changes.
pub const IF_ANSWER_WERE: &str = "If this answer were";
/// The second column of the record's table of answer changes.
pub const WOULD_BE: &str = "the recommendation would be";
/// The first column of the record's table of answers.
pub const QUESTION: &str = "Question";
/// The second column of the record's table of answers.
pub const ANSWER: &str = "Answer";

/// The last line of a record: the answers as JSON, the guide and its
/// source, and when its vendor notes were read.
pub fn record_footer(
    answers_json: &str,
    guide: (&str, &str),
    source: (&str, &str, &str),
    notes_read: Option<&str>,
) -> String {
    let (id, version) = guide;
    let (title, author, date) = source;
    let read = match notes_read {
        Some(read) => format!(", vendor notes as read {read}"),
        None => String::new(),
    };
    format!(
        "_Answers: `{answers_json}`. Guide `{id}` {version}: source \"{title}\" ({author}, {date}){read}._"
    )
}

/// The portfolio's title.
pub const PORTFOLIO_TITLE: &str = "AI workflow portfolio";
/// The portfolio table's columns, in order.
pub const PORTFOLIO_COLUMNS: [&str; 5] =
    ["#", "Workflow", "Recommendation", "Status", "Deciding rule"];
/// Status of a blocked workflow in the portfolio.
pub const STATUS_BLOCKED: &str = "blocked: escalate";
/// Status of a lean in the portfolio.
pub const STATUS_LEAN: &str = "lean";
/// Status of a recommendation with something to confirm first.
pub const STATUS_CONFIRM_FIRST: &str = "confirm first";
/// Status of a recommendation in the portfolio. A recommendation with every
/// question answered says only this: "complete" read as nothing left to do.
pub const STATUS_RECOMMENDED: &str = "recommended";

/// A status with how much is answered: "confirm first (20/20 answered)".
pub fn status_answered(status: &str, answered: usize, total: usize) -> String {
    format!("{status} ({answered}/{total} answered)")
}

/// A recommendation that open answers cannot move but could block, with how
/// much is answered: "recommended; 4 open answers could block it (7/20
/// answered)".
pub fn recommended_could_block(n: usize, answered: usize, total: usize) -> String {
    let answers = if n == 1 { "answer" } else { "answers" };
    status_answered(
        &format!("{STATUS_RECOMMENDED}; {n} open {answers} could block it"),
        answered,
        total,
    )
}

/// The line under the portfolio table: how many workflows each path got,
/// "OpenAI API, called directly: 8; OpenAI models on Amazon Bedrock: 10.".
pub fn path_counts(counts: &[(&str, usize)]) -> String {
    let parts: Vec<String> = counts
        .iter()
        .map(|(path, n)| format!("{path}: {n}"))
        .collect();
    format!("{}.", parts.join("; "))
}

/// The title the command line gives the workflow on line `n` of its input
/// when the line has none: "Workflow on line 3", or with a title given for
/// all of them, "Claims (line 3)".
pub fn line_title(title: Option<&str>, n: usize) -> String {
    match title {
        Some(t) => format!("{t} (line {n})"),
        None => format!("Workflow on line {n}"),
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
/// Lead of the list of a team's guide's problems (its JSON or its format).
pub const GUIDE_INVALID: &str = "This guide has problems, so it cannot run:";
/// Lead of the list of the promises a team's guide breaks.
pub const GUIDE_NOT_SOUND: &str =
    "This guide is not sound, so it cannot run (decision-guide check reports the same):";
/// Lead of a guide too entangled to prove.
pub const GUIDE_UNPROVEN: &str = "This guide could not be proven, so it cannot run:";

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
/// The button of the summary that stays in view, which goes to the full result.
pub const SEE_WHY: &str = "See why";

/// The summary that stays in view: how many open questions could still
/// change the result.
pub fn glance_open(n: usize) -> String {
    if n == 1 {
        "1 open question could change it".to_owned()
    } else {
        format!("{n} open questions could change it")
    }
}

/// Left end of the layers scale.
pub const LIGHTER: &str = "lighter";
/// Right end of the layers scale.
pub const HEAVIER: &str = "more control and managed runtime";

/// The summary of a folded group of refining questions: "6 questions",
/// and how many of those still open could change the result.
pub fn refine_count(questions: usize, movers: usize) -> String {
    match movers {
        0 => format!("{questions} questions"),
        1 => format!("{questions} questions, 1 could change the result"),
        n => format!("{questions} questions, {n} could change the result"),
    }
}

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

/// Said of answers that are JSON but not an object, by the CLI and the
/// element alike: `{what}` is "answers" or "the answers attribute", `{got}`
/// "an array", "a string"….
pub const ANSWERS_NOT_OBJECT: &str =
    "{what} must be a JSON object of question ids to answers, got {got}";

/// What the `<decision-guide>` element (`src/element.js`) says on its own,
/// before the wasm has arrived or where it cannot run: `(key, text)`, with
/// `{name}` placeholders that the element fills. The build hands them to
/// the element as JSON beside the pre-rendered guide, so that these, too,
/// are written here only.
pub const ELEMENT: &[(&str, &str)] = &[
    ("loading", "Loading the guide…"),
    // The seconds before the wasm: the static guide says so, keeps what
    // the reader picks, and shows no verdict the page's answers could
    // contradict.
    ("goingLive", "Loading the interactive guide…"),
    ("working", "Working out the recommendation for these answers…"),
    (
        "notComputed",
        "The recommendation for these answers could not be worked out, because {why}",
    ),
    ("notComputedShort", "No recommendation: see the notice above"),
    (
        "permalinkShared",
        "two guides with permalink keep their answers in the URL under the same key, \"{key}\", so a link reopens only one of them: give each its own id",
    ),
    (
        "customAlone",
        "decision-guide-custom.js does nothing on its own: load decision-guide.js as the page's script (it loads decision-guide-custom.js itself when a guide needs it).",
    ),
    // Answers from the page (the attribute or the property).
    ("answersNotJson", "the {what} is not valid JSON ({why})"),
    ("answersNotObject", ANSWERS_NOT_OBJECT),
    ("answersUnreadable", "the {what} could not be read ({why})"),
    // Why the wasm could not start, and what would let it.
    (
        "wasmCsp",
        "this page's Content-Security-Policy does not allow WebAssembly. To make it interactive, add 'wasm-unsafe-eval' to the page's script-src.",
    ),
    (
        "wasmHttp",
        "its WebAssembly file could not be loaded: {url} answered HTTP {status}. Serve decision-guide_bg.wasm next to decision-guide.js.",
    ),
    (
        "wasmNotLoaded",
        "{why}. Serve decision-guide_bg.wasm next to decision-guide.js.",
    ),
    (
        "wasmOffline",
        "its WebAssembly file could not be downloaded ({why}). Check the connection, and that the page's connect-src allows decision-guide_bg.wasm.",
    ),
    (
        "wasmNotWasm",
        "the server sent something that is not WebAssembly for decision-guide_bg.wasm (perhaps a web page such as its \"not found\" page; {why}). Serve the real file next to decision-guide.js.",
    ),
    (
        "wasmTruncated",
        "its WebAssembly file is incomplete: it was cut short on the server or on the way ({why}). Serve the whole decision-guide_bg.wasm.",
    ),
    (
        "wasmDamaged",
        "its WebAssembly file is damaged or does not match this script ({why}). Serve the files of one build together.",
    ),
    ("wasmOther", "its WebAssembly part could not start ({why})."),
    (
        "notInteractive",
        "This guide is shown without its interactive part: {why}",
    ),
    ("couldNotStart", "This guide could not start: {why}"),
    (
        "tagTaken",
        "<{tag}> is already defined by another script on this page, so this guide is not defined again. Give one of them another name.",
    ),
    // A team's own guide (`guide-src`, or an inline JSON child).
    ("guideSrcNotUrl", "guide-src {src} is not a URL"),
    (
        "guideSrcOrigin",
        "guide-src must be on this page's origin ({origin}), not {got}",
    ),
    ("guideHttp", "{path} answered HTTP {status}"),
    ("guideNotUtf8", "{path} is not UTF-8 text"),
    ("guideTimeout", "{path} did not arrive within {seconds} s"),
    ("guideUnfetched", "{path} could not be fetched ({why})"),
    (
        "guideNoCompiler",
        "the classic script (decision-guide.inline.js) runs only the built-in guide; to use guide-src or an inline guide, load decision-guide.js (with decision-guide-custom.js and its wasm beside it) as a module",
    ),
    (
        "guideTrapped",
        "the guide engine stopped on this guide ({why}); other guides on the page are not affected",
    ),
    ("guideNotLoaded", "This guide could not be loaded: {why}"),
    (
        "guideMoreProblems",
        "… and {count} more (run decision-guide check on the file)",
    ),
];

/// The element's texts (see [`ELEMENT`]) as one JSON object.
pub fn element_json() -> String {
    let mut out = String::from("{");
    for (i, (key, text)) in ELEMENT.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        crate::json::push_quoted(&mut out, key);
        out.push(':');
        crate::json::push_quoted(&mut out, text);
    }
    out.push('}');
    out
}
