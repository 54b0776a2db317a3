//! Writes a compiled guide as Rust source: a `static` that borrows every
//! text and list, so that the built-in guide costs no parsing and no JSON
//! text in the shipped binaries. `builtin.rs` is this function's output
//! for `guides/openai-on-aws.json`; a test keeps it up to date.

use std::fmt::Write;

use crate::ids::{Id, Set};
use crate::model::{
    Advice, AdviceKind, AnswerValue, Direction, Guide, InvariantCheck, Part, Template,
};

fn s(text: &str) -> String {
    format!("B({text:?})")
}

fn ids<T: Id>(list: &[T]) -> String {
    let items: Vec<String> = list.iter().map(|i| format!("{i:?}")).collect();
    format!("B(&[{}])", items.join(", "))
}

fn template(t: &Template) -> String {
    let parts: Vec<String> = t
        .parts
        .iter()
        .map(|p| match p {
            Part::Text(x) => format!("Part::Text({})", s(x)),
            Part::Cite(c) => format!("Part::Cite({c:?})"),
        })
        .collect();
    format!("Template {{ parts: B(&[{}]) }}", parts.join(", "))
}

fn set<T: Id>(set: Set<T>) -> String {
    format!("Set::from_bits({:#x})", set.bits())
}

impl Guide {
    /// This guide as the source of `static NAME: Guide`.
    pub fn to_rust(&self, name: &str) -> String {
        let mut o = String::new();
        let w = &mut o;
        let _ = writeln!(w, "pub(crate) static {name}: Guide = Guide {{");
        for (field, value) in [
            ("id", &self.id),
            ("version", &self.version),
            ("title", &self.title),
            ("intro", &self.intro),
            ("lang", &self.lang),
            ("as_of", &self.as_of),
        ] {
            let _ = writeln!(w, "    {field}: {},", s(value));
        }
        let _ = writeln!(w, "    rtl: {},", self.rtl);
        let src = &self.source;
        let _ = writeln!(
            w,
            "    source: Source {{ title: {}, author: {}, date: {}, credit: {} }},",
            s(&src.title),
            s(&src.author),
            s(&src.date),
            s(&src.credit)
        );
        let _ = writeln!(w, "    notes: B(&[");
        for n in self.notes.iter() {
            let _ = writeln!(
                w,
                "        Note {{ id: {}, as_read: {}, source: {}, when: {:?},\n            url: {},\n            text: {} }},",
                s(&n.id),
                s(&n.as_read),
                s(&n.source),
                n.when,
                s(&n.url),
                s(&n.text)
            );
        }
        let _ = writeln!(w, "    ]),\n    groups: B(&[");
        for g in self.groups.iter() {
            let _ = writeln!(
                w,
                "        Group {{ id: {}, title: {}, refine: {} }},",
                s(&g.id),
                s(&g.title),
                g.refine
            );
        }
        let _ = writeln!(w, "    ]),\n    questions: B(&[");
        for q in self.questions.iter() {
            let _ = writeln!(w, "        Question {{");
            let _ = writeln!(
                w,
                "            id: {}, group: {:?}, kind: QuestionKind::{:?},",
                s(&q.id),
                q.group,
                q.kind
            );
            let _ = writeln!(w, "            prompt: {},", s(&q.prompt));
            let _ = writeln!(w, "            help: {},", s(&q.help));
            let _ = writeln!(w, "            options: B(&[");
            for opt in q.options.iter() {
                let value = match &opt.value {
                    AnswerValue::Bool(b) => format!("AnswerValue::Bool({b})"),
                    AnswerValue::Choice(c) => format!("AnswerValue::Choice({})", s(c)),
                };
                let _ = writeln!(
                    w,
                    "                AnswerOption {{ value: {value}, label: {}, fact: {} }},",
                    s(&opt.label),
                    s(&opt.fact)
                );
            }
            let _ = writeln!(w, "            ]),");
            let _ = writeln!(
                w,
                "            assume: {:?}, unanswered: {},",
                q.assume,
                s(&q.unanswered)
            );
            let _ = writeln!(w, "        }},");
        }
        let _ = writeln!(w, "    ]),\n    paths: B(&[");
        for p in self.paths.iter() {
            let _ = writeln!(w, "        PathDef {{");
            for (field, value) in [
                ("id", &p.id),
                ("name", &p.name),
                ("summary", &p.summary),
                ("use_when", &p.use_when),
                ("watch_out_for", &p.watch_out_for),
                ("rule_of_thumb", &p.rule_of_thumb),
                ("layer", &p.layer),
            ] {
                let _ = writeln!(w, "            {field}: {},", s(value));
            }
            let _ = writeln!(w, "            you_still_own: {},", ids(&p.you_still_own));
            let _ = writeln!(w, "        }},");
        }
        let _ = writeln!(
            w,
            "    ]),\n    layers_caption: {},",
            s(&self.layers_caption)
        );
        let _ = writeln!(w, "    responsibilities: B(&[");
        for r in self.responsibilities.iter() {
            let _ = writeln!(
                w,
                "        Responsibility {{ id: {}, text: {}, when: {:?}, in_place: {:?} }},",
                s(&r.id),
                s(&r.text),
                r.when,
                r.in_place
            );
        }
        let _ = writeln!(w, "    ]),\n    facts: B(&[");
        for f in self.facts.iter() {
            let _ = writeln!(
                w,
                "        Fact {{ name: {}, cond: {:?} }},",
                s(&f.name),
                f.cond
            );
        }
        let _ = writeln!(w, "    ]),\n    conds: B(&[");
        for c in self.conds.iter() {
            let _ = writeln!(w, "        Cond::{c:?},");
        }
        let _ = writeln!(w, "    ]),\n    children: {},", ids(&self.children));
        let _ = writeln!(w, "    rules: B(&[");
        for r in self.rules.iter() {
            let _ = writeln!(
                w,
                "        Rule {{ id: {}, when: {:?}, path: {:?},\n            reason: {} }},",
                s(&r.id),
                r.when,
                r.path,
                template(&r.reason)
            );
        }
        let _ = writeln!(w, "    ]),\n    advice: B(&[");
        for a in self.advice.iter() {
            let Advice {
                id,
                warning,
                kind,
                conflict,
                blocks,
                when,
                text,
                adds,
            } = a;
            let kind = match kind {
                AdviceKind::Warning => "Warning",
                AdviceKind::WatchOut => "WatchOut",
            };
            let _ = writeln!(
                w,
                "        Advice {{ id: {}, warning: {}, kind: AdviceKind::{kind}, conflict: {conflict}, blocks: {blocks},\n            when: {when:?}, adds: {},\n            text: {} }},",
                s(id),
                s(warning),
                ids(adds),
                template(text)
            );
        }
        let _ = writeln!(w, "    ]),\n    invariants: INVARIANTS,");
        // The invariants come after the static: only the check reads them,
        // so a wasm build (the widget) leaves their texts out.
        let mut inv = String::new();
        for v in self.invariants.iter() {
            let check = match v.check {
                InvariantCheck::PathIn { when, allowed } => {
                    format!(
                        "InvariantCheck::PathIn {{ when: {when:?}, allowed: {} }}",
                        set(allowed)
                    )
                }
                InvariantCheck::Implies { when, then } => {
                    format!("InvariantCheck::Implies {{ when: {when:?}, then: {then:?} }}")
                }
                InvariantCheck::Monotone {
                    question,
                    answer,
                    never,
                } => {
                    let never = match never {
                        Direction::Lighter => "Lighter",
                        Direction::Heavier => "Heavier",
                    };
                    format!("InvariantCheck::Monotone {{ question: {question:?}, answer: {answer:?}, never: Direction::{never} }}")
                }
            };
            let _ = writeln!(
                inv,
                "    Invariant {{ id: {}, text: {},\n        check: {check} }},",
                s(&v.id),
                s(&v.text)
            );
        }
        let _ = writeln!(w, "    presets: B(&[");
        for p in self.presets.iter() {
            let _ = writeln!(
                w,
                "        Preset {{ id: {}, title: {},\n            profile: Profile::from_codes(&{:?}) }},",
                s(&p.id),
                s(&p.title),
                p.profile.codes()
            );
        }
        let _ = writeln!(w, "    ]),\n    reach: LazyReach::Built(&REACH),\n}};");
        // The path diagrams the nearest answers walk: written out, so that
        // the shipped widget needs no code to make them.
        let nums = |v: &[u32]| v.iter().map(u32::to_string).collect::<Vec<_>>().join(",");
        let short = |v: &[u16]| v.iter().map(u16::to_string).collect::<Vec<_>>().join(",");
        match self.path_diagrams() {
            Some(r) => {
                let _ = writeln!(
                    w,
                    "\n/// The guide's path diagrams (see `reach.rs`).\nstatic REACH: Reach = Reach {{\n    radix: B(&[{}]),\n    level: B(&[{}]),\n    start: B(&[{}]),\n    kids: B(&[{}]),\n    paths: B(&[{}]),\n}};",
                    short(&r.radix),
                    short(&r.level),
                    nums(&r.start),
                    nums(&r.kids),
                    nums(&r.paths)
                );
            }
            None => {
                let _ = writeln!(
                    w,
                    "compile_error!(\"the guide's path diagrams are too large to write out\");"
                );
            }
        }
        let _ = writeln!(
            w,
            "\n/// The invariants, which only the check reads: a wasm build (the widget)\n/// leaves them out.\n#[cfg(not(target_arch = \"wasm32\"))]\nconst INVARIANTS: List<Invariant> = B(&[\n{inv}]);\n#[cfg(target_arch = \"wasm32\")]\nconst INVARIANTS: List<Invariant> = B(&[]);"
        );
        o
    }
}
