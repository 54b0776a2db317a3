//! The texts a person reads, over a wide sample of answer sets: every
//! placeholder filled, every reason and warning short enough to read, and
//! no run of eight words taken from the source article outside the credit
//! to it (the article's sentences do not carry over; its facts do).
//!
//! The article itself is not in the repository. `fixtures/article-8grams.txt`
//! holds a one-way hash of each of its eight-word runs; with the article at
//! hand, `DG_ARTICLE=path/to/article.txt cargo test --test texts` rewrites it.

use std::collections::BTreeSet;
use std::path::Path;

use decision_guide_core::{builtin, text, Guide};

/// The longest reason, warning and watch-out a result may carry. A reason
/// or warning cites one clause per deciding answer; with every preview
/// limit and every AWS mandate answered yes at once (10 clauses) it reaches
/// about 500 characters, which these bounds allow and no more.
const MAX_REASON: usize = 540;
const MAX_WARNING: usize = 540;
const MAX_WATCH_OUT: usize = 300;

/// Lower-case words, with punctuation and quotes dropped.
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// FNV-1a, 64 bits: stable across platforms and Rust versions.
fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn eight_grams(text: &str) -> Vec<(u64, String)> {
    let w = words(text);
    w.windows(8)
        .map(|run| {
            let s = run.join(" ");
            (fnv(&s), s)
        })
        .collect()
}

fn fixture() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/article-8grams.txt")
}

fn article_hashes() -> BTreeSet<u64> {
    if let Ok(article) = std::env::var("DG_ARTICLE") {
        let text = std::fs::read_to_string(&article).expect("DG_ARTICLE is readable");
        let mut out = String::from(
            "# FNV-1a 64-bit hashes of every run of eight lower-case words in the source\n\
             # article (tests/texts.rs). One-way: the article's text is not recoverable.\n",
        );
        let hashes: BTreeSet<u64> = eight_grams(&text).into_iter().map(|(h, _)| h).collect();
        for h in &hashes {
            out.push_str(&format!("{h:016x}\n"));
        }
        std::fs::write(fixture(), out).expect("write fixture");
    }
    std::fs::read_to_string(fixture())
        .expect("fixture")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| u64::from_str_radix(l, 16).expect("hex"))
        .collect()
}

/// Every text of the guide a person can read, except the credit to the source.
fn static_texts(g: &Guide) -> Vec<String> {
    let mut out = vec![
        g.title().to_owned(),
        g.intro().to_owned(),
        g.layers_caption().to_owned(),
    ];
    for q in g.questions() {
        out.extend([q.prompt(), q.help(), q.unanswered()].map(str::to_owned));
        for o in q.options() {
            out.extend([o.label(), o.fact()].map(str::to_owned));
        }
    }
    for p in g.paths() {
        out.extend(
            [
                p.name(),
                p.summary(),
                p.use_when(),
                p.watch_out_for(),
                p.rule_of_thumb(),
                p.layer(),
            ]
            .map(str::to_owned),
        );
    }
    out.extend(g.responsibilities().iter().map(|r| r.text().to_owned()));
    out.extend(g.notes().iter().map(|n| n.text().to_owned()));
    out.extend(g.invariants().iter().map(|v| v.text().to_owned()));
    out.extend(g.presets().iter().map(|p| p.title().to_owned()));
    out.extend(
        [
            text::WHY,
            text::NOTHING_WOULD_CHANGE,
            text::OPEN_CANNOT_MOVE,
            text::ASK_FIRST,
            text::ESCALATE,
            text::CONFLICTS_STAND,
            text::ONLY_OPEN_WOULD_CHANGE,
        ]
        .map(str::to_owned),
    );
    out
}

/// About 80 000 combinations of answers (unanswered included), spread
/// evenly over all of them: every `step`-th, where `step` is odd and not a
/// multiple of 3, so that it never keeps to one answer of a question.
fn sample(g: &Guide) -> impl Iterator<Item = decision_guide_core::Profile> + '_ {
    let radix: Vec<u128> = g
        .questions()
        .iter()
        .map(|q| q.options().len() as u128 + 1)
        .collect();
    let total = g.combinations();
    let mut step = (total / 80_000).max(1) | 1;
    while step % 3 == 0 {
        step += 2;
    }
    (0..total / step).map(move |k| {
        let mut i = k * step;
        let mut profile = g.empty_profile();
        for ((q, question), &r) in g.question_ids().zip(&radix) {
            let code = (i % r) as usize;
            i /= r;
            if code > 0 {
                let answer = question.option_ids().nth(code - 1).map(|(o, _)| o);
                profile = g
                    .with_answer(&profile, q, answer)
                    .expect("every code is an answer");
            }
        }
        profile
    })
}

#[test]
fn rendered_texts_are_filled_and_short() {
    let g = builtin();
    let mut seen = 0;
    for profile in sample(g) {
        let e = g.evaluate(&profile);
        let answers = g.answers_json(&profile);
        for (what, text, max) in e
            .reasons
            .iter()
            .map(|r| ("reason", &r.text, MAX_REASON))
            .chain(e.warnings.iter().map(|w| ("warning", &w.text, MAX_WARNING)))
            .chain(e.watch_outs.iter().map(|w| ("watch-out", w, MAX_WATCH_OUT)))
        {
            assert!(
                !text.contains('{') && !text.contains('}'),
                "{answers}: unfilled {what}: {text}"
            );
            assert!(
                text.chars().count() <= max,
                "{answers}: {what} of {} characters: {text}",
                text.chars().count()
            );
            assert!(
                !text.contains("  ") && !text.contains(" ."),
                "{answers}: spacing in {text:?}"
            );
        }
        seen += 1;
    }
    assert!(seen > 60_000, "sampled {seen}");
}

#[test]
fn no_eight_words_in_a_row_come_from_the_article() {
    let g = builtin();
    let article = article_hashes();
    assert!(
        article.len() > 1000,
        "the fixture holds {} runs",
        article.len()
    );
    let mut texts: BTreeSet<String> = static_texts(g).into_iter().collect();
    for profile in sample(g) {
        let e = g.evaluate(&profile);
        texts.extend(e.reasons.into_iter().map(|r| r.text));
        texts.extend(e.warnings.into_iter().map(|w| w.text));
        texts.extend(e.watch_outs);
    }
    let copied: Vec<String> = texts
        .iter()
        .flat_map(|t| {
            eight_grams(t)
                .into_iter()
                .filter(|(h, _)| article.contains(h))
                .map(move |(_, run)| format!("{run:?} in {t:?}"))
        })
        .collect();
    assert!(
        copied.is_empty(),
        "taken from the article:\n{}",
        copied.join("\n")
    );
}

/// Principle 16: no text states an answer as a fact on its own. A reason or
/// advice may say what was answered only through `{because}`, which marks
/// an answer that is only assumed; so no answer's clause appears in the
/// literal parts of any reason or advice text.
#[test]
fn texts_state_answers_only_through_citations() {
    let g = builtin();
    let guide: serde_json::Value =
        serde_json::from_str(decision_guide_core::BUILTIN_GUIDE_JSON).expect("JSON");
    let clauses: Vec<String> = g
        .questions()
        .iter()
        .flat_map(|q| q.options().iter().map(|o| o.fact().to_lowercase()))
        .collect();
    let mut found = Vec::new();
    for list in ["rules", "advice"] {
        for entry in guide[list].as_array().expect("list") {
            let text = entry["reason"]
                .as_str()
                .or_else(|| entry["text"].as_str())
                .expect("text");
            // The literal parts: everything outside `{…}`.
            let mut literal = String::new();
            let mut depth = 0;
            for c in text.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    c if depth == 0 => literal.push(c),
                    _ => literal.push(' '),
                }
            }
            let literal = literal.to_lowercase();
            for clause in &clauses {
                if literal.contains(clause.as_str()) {
                    found.push(format!("{} {}: {clause:?}", list, entry["id"]));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "answers stated outside a citation:\n{}",
        found.join("\n")
    );
}
