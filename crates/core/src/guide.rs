//! The validated guide: questions, paths, rules, advice and invariants with
//! every reference resolved to an index, compiled from a [`RawGuide`].
//!
//! [`Guide::from_raw`] is the only way in, and it reports every problem it
//! finds, each with the JSON path of the offending value.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::answers::{validate, Profile, MAX_QUESTIONS};
use crate::raw::{RawAnswers, RawCond, RawGuide, RawQuestion, RawValue};

/// The most paths a guide may have (path sets are `u8` bit masks).
pub const MAX_PATHS: usize = 8;

/// A guide, validated and compiled for evaluation.
#[derive(Debug, Clone)]
pub struct Guide {
    /// Stable id of the guide, e.g. `openai-on-aws`.
    pub id: String,
    /// The guide's own version.
    pub version: String,
    /// Title shown above the questions.
    pub title: String,
    /// One or two sentences under the title.
    pub intro: String,
    /// The date the guide's facts are as of (`YYYY-MM-DD`).
    pub as_of: String,
    /// The credited source.
    pub source: Source,
    /// Dated vendor notes that refine the source.
    pub notes: Vec<Note>,
    /// Question groups, in display order.
    pub groups: Vec<Group>,
    /// Questions, in display order.
    pub questions: Vec<Question>,
    /// Paths, lightest first.
    pub paths: Vec<PathDef>,
    /// Caption of the layers picture.
    pub layers_caption: String,
    /// Responsibility catalogue: `(id, text)`.
    pub responsibilities: Vec<(String, String)>,
    /// Decision rules: ordered, first match wins, the last one a catch-all.
    pub rules: Vec<Rule>,
    /// Advice: every entry whose condition holds is collected.
    pub advice: Vec<Advice>,
    /// Properties the soundness check proves over every combination.
    pub invariants: Vec<Invariant>,
    /// Named examples.
    pub presets: Vec<Preset>,
}

/// The credited source of the guide's facts.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct Source {
    pub title: String,
    pub author: String,
    pub date: String,
    pub credit: String,
}

/// A dated vendor note.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct Note {
    pub id: String,
    pub as_read: String,
    pub source: String,
    pub text: String,
}

/// A heading for questions.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct Group {
    pub id: String,
    pub title: String,
}

/// Whether a question is yes/no or a choice among named options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionKind {
    /// Options are `true` (slot 1) and `false` (slot 2).
    Bool,
    /// Options are strings.
    Choice,
}

/// An answer value as it appears in JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerValue {
    /// A bool question's answer.
    Bool(bool),
    /// A choice question's answer.
    Choice(String),
}

/// One question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// Stable id (SPEC §2).
    pub id: String,
    /// Index into [`Guide::groups`].
    pub group: Option<usize>,
    /// Bool or choice.
    pub kind: QuestionKind,
    /// The question as asked.
    pub prompt: String,
    /// A short explanation.
    pub help: String,
    /// The options, in slot order (slot = index + 1).
    pub options: Vec<QOption>,
    /// The slot assumed while unanswered.
    pub assume: u8,
    /// What "not answered" means, in words.
    pub unanswered_meaning: String,
}

/// One option of a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QOption {
    /// The JSON value of this option.
    pub value: AnswerValue,
    /// Short label for a button.
    pub label: String,
    /// The answer as a clause that a reason can cite.
    pub fact: String,
}

/// A recommended path.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub struct PathDef {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub use_when: String,
    pub watch_out_for: String,
    pub rule_of_thumb: String,
    pub layer: String,
    /// Indexes into [`Guide::responsibilities`].
    pub you_still_own: Vec<usize>,
}

/// A compiled condition over answers (and, for advice, over the outcome).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cond {
    /// Always holds (a catch-all rule).
    Always,
    /// Question `q`'s effective slot (the assumed one if unanswered) is `slot`.
    Is {
        /// Question index.
        q: u8,
        /// Slot (option index + 1).
        slot: u8,
    },
    /// Question `q` has not been answered.
    Unanswered(u8),
    /// The decided path is this one (advice only).
    Path(u8),
    /// One single-answer change would move the decision to this path (advice only).
    NearPath(u8),
    /// Every child holds.
    All(Box<[Cond]>),
    /// At least one child holds.
    Any(Box<[Cond]>),
    /// The child does not hold.
    Not(Box<Cond>),
}

/// A decision rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Stable id, reported in `reasons[].rule`.
    pub id: String,
    /// When it fires.
    pub when: Cond,
    /// The path it decides.
    pub path: u8,
    /// Reason template; `{because}` cites the answers that made it fire.
    pub reason: String,
}

/// Whether advice is a warning or a watch-out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdviceKind {
    /// Reported in `warnings` with its id.
    Warning,
    /// Reported in `watch_outs`.
    WatchOut,
}

/// Advice collected alongside the decision.
#[derive(Debug, Clone)]
pub struct Advice {
    /// Stable id.
    pub id: String,
    /// Warning or watch-out.
    pub kind: AdviceKind,
    /// When it applies.
    pub when: Cond,
    /// Text template (`{because}` allowed).
    pub text: String,
    /// Responsibilities it adds to "you still own".
    pub adds: Vec<usize>,
}

/// A declared property of the guide.
#[derive(Debug, Clone)]
pub struct Invariant {
    /// Stable id.
    pub id: String,
    /// The property in words.
    pub text: String,
    /// What is checked.
    pub check: InvariantCheck,
}

/// The forms an invariant can take.
#[derive(Debug, Clone)]
pub enum InvariantCheck {
    /// Wherever `when` holds, the path is in the `allowed` bit set.
    PathIn {
        /// Where it applies.
        when: Cond,
        /// Bit set of allowed path indexes.
        allowed: u8,
    },
    /// Setting question `q` to `slot` never makes the path lighter (or heavier).
    Monotone {
        /// Question index.
        q: u8,
        /// Slot to set.
        slot: u8,
        /// `true`: never lighter; `false`: never heavier.
        never_lighter: bool,
    },
}

/// A named example.
#[derive(Debug, Clone)]
pub struct Preset {
    /// Stable id, used by `classify --preset`.
    pub id: String,
    /// One line saying what the workflow is.
    pub title: String,
    /// Its answers.
    pub profile: Profile,
}

/// One problem in a guide file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuideError {
    /// JSON path of the offending value, e.g. `$.rules[2].path`.
    pub at: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for GuideError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

impl Guide {
    /// Index of the question with this id.
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }

    /// Index of the path with this id.
    pub fn path_index(&self, id: &str) -> Option<usize> {
        self.paths.iter().position(|p| p.id == id)
    }

    /// The preset with this id.
    pub fn preset(&self, id: &str) -> Option<&Preset> {
        self.presets.iter().find(|p| p.id == id)
    }

    /// Validates and compiles a raw guide, or lists every problem found.
    pub fn from_raw(raw: &RawGuide) -> Result<Guide, Vec<GuideError>> {
        Compiler::new(raw).compile()
    }
}

impl Question {
    /// The accepted values in words, for error messages.
    pub(crate) fn expected_text(&self) -> String {
        let values: Vec<String> = self
            .options
            .iter()
            .map(|o| match &o.value {
                AnswerValue::Bool(b) => b.to_string(),
                AnswerValue::Choice(s) => format!("{s:?}"),
            })
            .collect();
        format!("{} or null", values.join(", "))
    }
}

/// Which condition forms a place accepts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// Rules, facts and invariants: answers only.
    Answers,
    /// Advice: answers, the decided path and the nearby paths.
    Outcome,
}

/// Holds the raw guide, what is compiled so far, and every error found.
struct Compiler<'a> {
    raw: &'a RawGuide,
    errors: Vec<GuideError>,
    questions: Vec<Question>,
    paths: Vec<String>,
    responsibilities: Vec<String>,
    facts: BTreeMap<String, Option<Cond>>,
    facts_in_progress: BTreeSet<String>,
}

impl<'a> Compiler<'a> {
    fn new(raw: &'a RawGuide) -> Self {
        Compiler {
            raw,
            errors: Vec::new(),
            questions: Vec::new(),
            paths: Vec::new(),
            responsibilities: raw.responsibilities.keys().cloned().collect(),
            facts: BTreeMap::new(),
            facts_in_progress: BTreeSet::new(),
        }
    }

    fn err(&mut self, at: impl Into<String>, message: impl Into<String>) {
        self.errors.push(GuideError {
            at: at.into(),
            message: message.into(),
        });
    }

    fn non_empty(&mut self, at: &str, value: &str) {
        if value.trim().is_empty() {
            self.err(at, "must not be empty");
        }
    }

    fn unique<'s>(&mut self, at: &str, ids: impl Iterator<Item = &'s str>) {
        let mut seen = BTreeSet::new();
        for (i, id) in ids.enumerate() {
            if id.trim().is_empty() {
                self.err(format!("{at}[{i}].id"), "must not be empty");
            } else if !seen.insert(id) {
                self.err(format!("{at}[{i}].id"), format!("duplicate id {id:?}"));
            }
        }
    }

    fn compile(mut self) -> Result<Guide, Vec<GuideError>> {
        let raw = self.raw;
        self.non_empty("$.id", &raw.id);
        self.non_empty("$.version", &raw.version);
        self.non_empty("$.title", &raw.title);
        self.date("$.as_of", &raw.as_of);
        self.date("$.source.date", &raw.source.date);
        self.non_empty("$.source.title", &raw.source.title);
        self.non_empty("$.source.credit", &raw.source.credit);
        self.unique("$.groups", raw.groups.iter().map(|g| g.id.as_str()));
        self.unique("$.notes", raw.notes.iter().map(|n| n.id.as_str()));

        self.unique("$.questions", raw.questions.iter().map(|q| q.id.as_str()));
        if raw.questions.is_empty() || raw.questions.len() > MAX_QUESTIONS {
            self.err(
                "$.questions",
                format!(
                    "must hold 1 to {MAX_QUESTIONS} questions, has {}",
                    raw.questions.len()
                ),
            );
        }
        self.questions = raw
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| self.question(i, q))
            .collect();

        self.unique("$.paths", raw.paths.iter().map(|p| p.id.as_str()));
        if raw.paths.is_empty() || raw.paths.len() > MAX_PATHS {
            self.err(
                "$.paths",
                format!("must hold 1 to {MAX_PATHS} paths, has {}", raw.paths.len()),
            );
        }
        self.paths = raw.paths.iter().map(|p| p.id.clone()).collect();
        let paths = raw
            .paths
            .iter()
            .enumerate()
            .map(|(i, p)| PathDef {
                id: p.id.clone(),
                name: p.name.clone(),
                summary: p.summary.clone(),
                use_when: p.use_when.clone(),
                watch_out_for: p.watch_out_for.clone(),
                rule_of_thumb: p.rule_of_thumb.clone(),
                layer: p.layer.clone(),
                you_still_own: self
                    .resp_refs(&format!("$.paths[{i}].you_still_own"), &p.you_still_own),
            })
            .collect();

        let rules = self.rules();
        let advice = self.advice();
        let invariants = self.invariants();
        let presets = self.presets();
        for name in raw.facts.keys() {
            if !self.facts.contains_key(name) {
                self.err(format!("$.facts.{name}"), "fact is never used");
            }
        }

        if !self.errors.is_empty() {
            return Err(self.errors);
        }
        Ok(Guide {
            id: raw.id.clone(),
            version: raw.version.clone(),
            title: raw.title.clone(),
            intro: raw.intro.clone(),
            as_of: raw.as_of.clone(),
            source: Source {
                title: raw.source.title.clone(),
                author: raw.source.author.clone(),
                date: raw.source.date.clone(),
                credit: raw.source.credit.clone(),
            },
            notes: raw
                .notes
                .iter()
                .map(|n| Note {
                    id: n.id.clone(),
                    as_read: n.as_read.clone(),
                    source: n.source.clone(),
                    text: n.text.clone(),
                })
                .collect(),
            groups: raw
                .groups
                .iter()
                .map(|g| Group {
                    id: g.id.clone(),
                    title: g.title.clone(),
                })
                .collect(),
            questions: self.questions,
            paths,
            layers_caption: raw.layers_caption.clone(),
            responsibilities: raw
                .responsibilities
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            rules,
            advice,
            invariants,
            presets,
        })
    }

    fn date(&mut self, at: &str, value: &str) {
        let ok = value.len() == 10
            && value.char_indices().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            });
        if !ok {
            self.err(at, format!("expected a date as YYYY-MM-DD, got {value:?}"));
        }
    }

    fn question(&mut self, i: usize, q: &RawQuestion) -> Question {
        let at = format!("$.questions[{i}]");
        self.non_empty(&format!("{at}.prompt"), &q.prompt);
        let group = q.group.as_ref().and_then(|g| {
            let found = self.raw.groups.iter().position(|x| x.id == *g);
            if found.is_none() {
                self.err(format!("{at}.group"), format!("unknown group {g:?}"));
            }
            found
        });
        let (kind, options) =
            match q.kind.as_str() {
                "bool" => {
                    if !q.options.is_empty() {
                        self.err(
                            format!("{at}.options"),
                            "a bool question takes `yes` and `no`, not `options`",
                        );
                    }
                    let side =
                        |c: &mut Self, name: &str, s: &Option<crate::raw::RawBoolSide>, v: bool| {
                            match s {
                                Some(s) => QOption {
                                    value: AnswerValue::Bool(v),
                                    label: s
                                        .label
                                        .clone()
                                        .unwrap_or_else(|| if v { "Yes" } else { "No" }.to_owned()),
                                    fact: s.fact.clone(),
                                },
                                None => {
                                    c.err(
                                        format!("{at}.{name}"),
                                        "a bool question needs `yes` and `no`",
                                    );
                                    QOption {
                                        value: AnswerValue::Bool(v),
                                        label: String::new(),
                                        fact: String::new(),
                                    }
                                }
                            }
                        };
                    let yes = side(self, "yes", &q.yes, true);
                    let no = side(self, "no", &q.no, false);
                    (QuestionKind::Bool, vec![yes, no])
                }
                "choice" => {
                    if q.yes.is_some() || q.no.is_some() {
                        self.err(
                            format!("{at}.yes"),
                            "a choice question takes `options`, not `yes`/`no`",
                        );
                    }
                    if q.options.len() < 2 || q.options.len() > 250 {
                        self.err(
                            format!("{at}.options"),
                            format!(
                                "a choice question needs 2 to 250 options, has {}",
                                q.options.len()
                            ),
                        );
                    }
                    let mut seen = BTreeSet::new();
                    for (k, o) in q.options.iter().enumerate() {
                        if !seen.insert(o.value.as_str()) {
                            self.err(
                                format!("{at}.options[{k}].value"),
                                format!("duplicate option {:?}", o.value),
                            );
                        }
                    }
                    let options = q
                        .options
                        .iter()
                        .map(|o| QOption {
                            value: AnswerValue::Choice(o.value.clone()),
                            label: o.label.clone(),
                            fact: o.fact.clone(),
                        })
                        .collect();
                    (QuestionKind::Choice, options)
                }
                other => {
                    self.err(
                        format!("{at}.type"),
                        format!("expected \"bool\" or \"choice\", got {other:?}"),
                    );
                    (QuestionKind::Bool, Vec::new())
                }
            };
        for (k, o) in options.iter().enumerate() {
            if o.fact.trim().is_empty() && !o.label.is_empty() {
                self.err(format!("{at}.options[{k}].fact"), "must not be empty");
            }
        }
        let assume = match (&q.unanswered.assume, kind) {
            (RawValue::Bool(b), QuestionKind::Bool) => {
                if *b {
                    1
                } else {
                    2
                }
            }
            (RawValue::Str(s), QuestionKind::Choice) => match options
                .iter()
                .position(|o| o.value == AnswerValue::Choice(s.clone()))
            {
                Some(k) => (k + 1) as u8,
                None => {
                    self.err(
                        format!("{at}.unanswered.assume"),
                        format!("{s:?} is not one of the question's options"),
                    );
                    1
                }
            },
            (v, _) => {
                self.err(
                    format!("{at}.unanswered.assume"),
                    format!("must be one of the question's answers, got {v}"),
                );
                1
            }
        };
        Question {
            id: q.id.clone(),
            group,
            kind,
            prompt: q.prompt.clone(),
            help: q.help.clone(),
            options,
            assume,
            unanswered_meaning: q.unanswered.meaning.clone(),
        }
    }

    fn resp_refs(&mut self, at: &str, ids: &[String]) -> Vec<usize> {
        ids.iter()
            .enumerate()
            .filter_map(|(i, id)| {
                let found = self.responsibilities.iter().position(|r| r == id);
                if found.is_none() {
                    self.err(
                        format!("{at}[{i}]"),
                        format!("unknown responsibility {id:?}"),
                    );
                }
                found
            })
            .collect()
    }

    fn path_ref(&mut self, at: &str, id: &str) -> u8 {
        match self.paths.iter().position(|p| p == id) {
            Some(i) => i as u8,
            None => {
                let known = self.paths.join(", ");
                self.err(at, format!("unknown path {id:?}; known paths: {known}"));
                0
            }
        }
    }

    fn template(&mut self, at: &str, text: &str, may_cite: bool) {
        self.non_empty(at, text);
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            match after.find('}') {
                Some(close) if &after[..close] == "because" => {
                    if !may_cite {
                        self.err(at, "`{because}` needs a `when` condition to cite");
                    }
                    rest = &after[close + 1..];
                }
                _ => {
                    self.err(
                        at,
                        format!(
                            "unknown placeholder near {:?}; only {{because}} is defined",
                            &rest[open..rest.len().min(open + 20)]
                        ),
                    );
                    return;
                }
            }
        }
    }

    fn rules(&mut self) -> Vec<Rule> {
        let raw = self.raw;
        self.unique("$.rules", raw.rules.iter().map(|r| r.id.as_str()));
        if raw.rules.is_empty() {
            self.err(
                "$.rules",
                "a guide needs at least one rule (a catch-all last)",
            );
        }
        let last = raw.rules.len().saturating_sub(1);
        raw.rules
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let at = format!("$.rules[{i}]");
                let when = match &r.when {
                    Some(c) => self.cond(&format!("{at}.when"), c, Scope::Answers),
                    None => Cond::Always,
                };
                if i == last && r.when.is_some() {
                    self.err(format!("{at}.when"), "the last rule must be a catch-all (no `when`), so that every combination gets a path");
                }
                if i != last && r.when.is_none() {
                    self.err(format!("{at}.when"), "only the last rule may be a catch-all; every rule after this one could never fire");
                }
                self.template(&format!("{at}.reason"), &r.reason, r.when.is_some());
                Rule {
                    id: r.id.clone(),
                    when,
                    path: self.path_ref(&format!("{at}.path"), &r.path),
                    reason: r.reason.clone(),
                }
            })
            .collect()
    }

    fn advice(&mut self) -> Vec<Advice> {
        let raw = self.raw;
        self.unique("$.advice", raw.advice.iter().map(|a| a.id.as_str()));
        raw.advice
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let at = format!("$.advice[{i}]");
                let kind = match a.kind.as_str() {
                    "warning" => AdviceKind::Warning,
                    "watch_out" => AdviceKind::WatchOut,
                    other => {
                        self.err(
                            format!("{at}.kind"),
                            format!("expected \"warning\" or \"watch_out\", got {other:?}"),
                        );
                        AdviceKind::Warning
                    }
                };
                self.template(&format!("{at}.text"), &a.text, true);
                Advice {
                    id: a.id.clone(),
                    kind,
                    when: self.cond(&format!("{at}.when"), &a.when, Scope::Outcome),
                    text: a.text.clone(),
                    adds: self.resp_refs(&format!("{at}.adds"), &a.adds),
                }
            })
            .collect()
    }

    fn invariants(&mut self) -> Vec<Invariant> {
        let raw = self.raw;
        self.unique("$.invariants", raw.invariants.iter().map(|v| v.id.as_str()));
        raw.invariants
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let at = format!("$.invariants[{i}]");
                let check = match (&v.path_is, &v.path_not, &v.answering, &v.never) {
                    (Some(ids), None, None, None) | (None, Some(ids), None, None) => {
                        let mut set = 0u8;
                        let field = if v.path_is.is_some() { "path_is" } else { "path_not" };
                        for (k, id) in ids.iter().enumerate() {
                            set |= 1 << self.path_ref(&format!("{at}.{field}[{k}]"), id);
                        }
                        let all = ((1u16 << self.paths.len()) - 1) as u8;
                        let allowed = if v.path_is.is_some() { set } else { all & !set };
                        let when = match &v.when {
                            Some(c) => self.cond(&format!("{at}.when"), c, Scope::Answers),
                            None => Cond::Always,
                        };
                        InvariantCheck::PathIn { when, allowed }
                    }
                    (None, None, Some(answering), Some(never)) => {
                        if v.when.is_some() {
                            self.err(format!("{at}.when"), "an `answering` invariant takes no `when`");
                        }
                        let never_lighter = match never.as_str() {
                            "lighter" => true,
                            "heavier" => false,
                            other => {
                                self.err(format!("{at}.never"), format!("expected \"lighter\" or \"heavier\", got {other:?}"));
                                true
                            }
                        };
                        let (q, slot) = match self.cond(&format!("{at}.answering"), answering, Scope::Answers) {
                            Cond::Is { q, slot } => (q, slot),
                            _ => {
                                self.err(format!("{at}.answering"), "must be one answer: {\"q\": ID, \"is\": VALUE} with a non-null VALUE");
                                (0, 1)
                            }
                        };
                        InvariantCheck::Monotone { q, slot, never_lighter }
                    }
                    _ => {
                        self.err(at.clone(), "an invariant takes either `path_is` or `path_not` (with an optional `when`), or `answering` with `never`");
                        InvariantCheck::PathIn { when: Cond::Always, allowed: u8::MAX }
                    }
                };
                Invariant { id: v.id.clone(), text: v.text.clone(), check }
            })
            .collect()
    }

    fn presets(&mut self) -> Vec<Preset> {
        let raw = self.raw;
        self.unique("$.presets", raw.presets.iter().map(|p| p.id.as_str()));
        raw.presets
            .iter()
            .enumerate()
            .map(|(i, p)| {
                // The same validation as user input, over the questions
                // compiled so far; every bad key is reported.
                let mut errors = Vec::new();
                let profile = validate(&self.questions, &p.answers, |e| {
                    errors.push(e);
                    true
                });
                for e in errors {
                    self.err(format!("$.presets[{i}].answers.{}", e.key), e.to_string());
                }
                Preset {
                    id: p.id.clone(),
                    title: p.title.clone(),
                    profile,
                }
            })
            .collect()
    }

    fn fact(&mut self, at: &str, name: &str) -> Cond {
        if let Some(done) = self.facts.get(name) {
            return done.clone().unwrap_or(Cond::Always);
        }
        let Some(raw) = self.raw.facts.get(name) else {
            let known: Vec<&str> = self.raw.facts.keys().map(String::as_str).collect();
            self.err(
                at,
                format!("unknown fact {name:?}; known facts: {}", known.join(", ")),
            );
            return Cond::Always;
        };
        if !self.facts_in_progress.insert(name.to_owned()) {
            self.err(at, format!("fact {name:?} refers to itself"));
            return Cond::Always;
        }
        let before = self.errors.len();
        let cond = self.cond(&format!("$.facts.{name}"), raw, Scope::Answers);
        self.facts_in_progress.remove(name);
        let ok = self.errors.len() == before;
        self.facts.insert(name.to_owned(), ok.then(|| cond.clone()));
        cond
    }

    fn cond(&mut self, at: &str, c: &RawCond, scope: Scope) -> Cond {
        let forms = [
            c.q.is_some() || c.is.is_some(),
            c.fact.is_some(),
            c.path.is_some(),
            c.near_path.is_some(),
            c.all.is_some(),
            c.any.is_some(),
            c.not.is_some(),
        ];
        if forms.iter().filter(|&&f| f).count() != 1 {
            self.err(
                at,
                "a condition is exactly one of {q, is}, fact, path, near_path, all, any, not",
            );
            return Cond::Always;
        }
        if c.q.is_some() || c.is.is_some() {
            return self.leaf(at, c);
        }
        if let Some(name) = &c.fact {
            return self.fact(&format!("{at}.fact"), name);
        }
        if let Some(id) = c.path.as_ref().or(c.near_path.as_ref()) {
            let field = if c.path.is_some() {
                "path"
            } else {
                "near_path"
            };
            if scope != Scope::Outcome {
                self.err(format!("{at}.{field}"), "only advice may test the decided path; rules, facts and invariants test answers");
            }
            let p = self.path_ref(&format!("{at}.{field}"), id);
            return if c.path.is_some() {
                Cond::Path(p)
            } else {
                Cond::NearPath(p)
            };
        }
        if let Some(inner) = &c.not {
            return Cond::Not(Box::new(self.cond(&format!("{at}.not"), inner, scope)));
        }
        let (field, list) = match (&c.all, &c.any) {
            (Some(l), _) => ("all", l),
            (_, Some(l)) => ("any", l),
            _ => unreachable!("exactly one form is set"),
        };
        if list.is_empty() {
            self.err(format!("{at}.{field}"), "must hold at least one condition");
        }
        let children: Box<[Cond]> = list
            .iter()
            .enumerate()
            .map(|(i, x)| self.cond(&format!("{at}.{field}[{i}]"), x, scope))
            .collect();
        if field == "all" {
            Cond::All(children)
        } else {
            Cond::Any(children)
        }
    }

    fn leaf(&mut self, at: &str, c: &RawCond) -> Cond {
        let (Some(id), Some(value)) = (&c.q, &c.is) else {
            self.err(at, "a question test needs both `q` and `is`");
            return Cond::Always;
        };
        let Some(q) = self.questions.iter().position(|x| x.id == *id) else {
            let known: Vec<&str> = self.questions.iter().map(|x| x.id.as_str()).collect();
            self.err(
                format!("{at}.q"),
                format!(
                    "unknown question {id:?}; known questions: {}",
                    known.join(", ")
                ),
            );
            return Cond::Always;
        };
        let question = &self.questions[q];
        let slot = match (question.kind, value) {
            (_, RawValue::Null) => return Cond::Unanswered(q as u8),
            (QuestionKind::Bool, RawValue::Bool(b)) => Some(if *b { 1 } else { 2 }),
            (QuestionKind::Choice, RawValue::Str(s)) => question
                .options
                .iter()
                .position(|o| o.value == AnswerValue::Choice(s.clone()))
                .map(|k| (k + 1) as u8),
            _ => None,
        };
        match slot {
            Some(slot) => Cond::Is { q: q as u8, slot },
            None => {
                let expected = question.expected_text();
                self.err(
                    format!("{at}.is"),
                    format!("question {id:?} takes {expected}, got {value}"),
                );
                Cond::Always
            }
        }
    }
}

/// Parses nothing: builds a [`RawAnswers`] from pairs, for tests and shells.
pub fn raw_answers<'a>(pairs: impl IntoIterator<Item = (&'a str, RawValue)>) -> RawAnswers {
    RawAnswers(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}
