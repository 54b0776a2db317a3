//! The guide checker, checked: `tests/broken/` holds one small guide per
//! kind of mistake the format allows (each `minimal.json` with one
//! mistake), and `tests/broken/expected.toml` says exactly what each must
//! be rejected with. This test walks the folder: every file is listed and
//! every entry has a file, and each file is rejected with exactly its
//! problems, by the compiler (JSON path and message) or by the exhaustive
//! check (failure id, count and first example), and nothing else.

use std::collections::BTreeMap;
use std::path::Path;

use decision_guide_core::parse_guide;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    /// The mistake, in words.
    mistake: String,
    /// The compiler's problems, all of them.
    #[serde(default)]
    errors: Vec<ExpectedError>,
    /// The check's broken promises, all of them.
    #[serde(default)]
    failures: Vec<ExpectedFailure>,
    /// Compiles and passes the check (the base file).
    #[serde(default)]
    sound: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedError {
    at: String,
    message: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedFailure {
    id: String,
    count: u64,
    example: String,
}

/// Broken promises: failure id, count, first example.
type Failures = Vec<(String, u64, String)>;
/// The compiler's problems: JSON path, message.
type Problems = Vec<(String, String)>;

/// What happened to one file, in the words of `expected.toml`.
fn outcome(text: &str) -> Result<Failures, Problems> {
    let guide = parse_guide(text).map_err(|errors| {
        errors
            .into_iter()
            .map(|e| (e.at, e.message))
            .collect::<Vec<_>>()
    })?;
    let report = guide.check(5).expect("a small guide");
    // The symbolic proof and the enumerating oracle agree on every finding.
    let oracle = guide.check_by_enumeration(5).expect("a small guide");
    assert_eq!(report, oracle, "the proof and the oracle disagree");
    Ok(report
        .failures
        .iter()
        .map(|f| {
            let (profile, detail) = &f.examples[0];
            (
                f.check.clone(),
                u64::try_from(f.count).expect("a small guide"),
                format!("{} -> {detail}", guide.answers_json(profile)),
            )
        })
        .collect())
}

fn check_file(name: &str, text: &str, want: &Expected) -> Result<(), String> {
    let kinds = [
        !want.errors.is_empty(),
        !want.failures.is_empty(),
        want.sound,
    ];
    if kinds.iter().filter(|&&k| k).count() != 1 {
        return Err("expected.toml must give exactly one of errors, failures or sound".into());
    }
    match outcome(text) {
        Err(got) => {
            if want.errors.is_empty() {
                return Err(format!("refused by the compiler: {got:#?}"));
            }
            // Every expected problem, and no other.
            let mut unmatched = got.clone();
            for w in &want.errors {
                let Some(k) = unmatched
                    .iter()
                    .position(|(at, m)| *at == w.at && m.contains(&w.message))
                else {
                    return Err(format!("missing {w:?} in {got:#?}"));
                };
                unmatched.remove(k);
            }
            if !unmatched.is_empty() {
                return Err(format!("other problems too: {unmatched:#?}"));
            }
        }
        Ok(got) => {
            if !want.errors.is_empty() {
                return Err(format!(
                    "{name} compiles, but must be refused with {:?}",
                    want.errors
                ));
            }
            if want.sound && !got.is_empty() {
                return Err(format!("must be sound, but the check fails: {got:#?}"));
            }
            if got.len() != want.failures.len() {
                return Err(format!(
                    "the check fails {got:#?}, expected {:#?}",
                    want.failures
                ));
            }
            for w in &want.failures {
                if !got.iter().any(|(id, count, ex)| {
                    *id == w.id && *count == w.count && ex.contains(&w.example)
                }) {
                    return Err(format!("missing {w:?} in {got:#?}"));
                }
            }
        }
    }
    Ok(())
}

#[test]
fn every_broken_guide_is_rejected_with_exactly_its_problems() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken");
    let expected: BTreeMap<String, Expected> =
        toml::from_str(&std::fs::read_to_string(dir.join("expected.toml")).expect("expected.toml"))
            .expect("expected.toml is valid");
    let files: BTreeMap<String, Vec<u8>> = std::fs::read_dir(&dir)
        .expect("the broken guides")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.file_name().is_some_and(|n| n != "expected.toml"))
        .map(|p| {
            let name = p.file_name().expect("name").to_string_lossy().into_owned();
            (name, std::fs::read(&p).expect("readable"))
        })
        .collect();

    let unlisted: Vec<&String> = files
        .keys()
        .filter(|f| !expected.contains_key(*f))
        .collect();
    let missing: Vec<&String> = expected
        .keys()
        .filter(|f| !files.contains_key(*f))
        .collect();
    assert!(
        unlisted.is_empty(),
        "files not in expected.toml: {unlisted:?}"
    );
    assert!(missing.is_empty(), "entries without a file: {missing:?}");

    let mut problems = Vec::new();
    let (mut compiler, mut check, mut sound) = (0, 0, 0);
    for (name, bytes) in &files {
        let want = &expected[name];
        assert!(
            !want.mistake.trim().is_empty(),
            "{name}: say what the mistake is"
        );
        let text = String::from_utf8(bytes.clone()).expect("the broken guides are UTF-8 text");
        match check_file(name, &text, want) {
            Ok(()) => {}
            Err(e) => problems.push(format!("{name} ({}): {e}", want.mistake)),
        }
        if want.sound {
            sound += 1;
        } else if want.errors.is_empty() {
            check += 1;
        } else {
            compiler += 1;
        }
    }
    eprintln!(
        "broken: {} guides tried: {compiler} refused by the compiler, {check} by the exhaustive check, {sound} sound (the base)",
        files.len()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// Each guide differs from its base, `minimal.json` or (for the parts
/// added in v3) `all-parts.json`, in its one mistake: it is the base,
/// parsed, with at most a few values changed (texts that are not JSON at
/// all excepted).
#[test]
fn every_broken_guide_is_the_base_with_one_mistake() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken");
    let read = |name: &str| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(dir.join(name)).expect("base")).expect("JSON")
    };
    let bases = [read("minimal.json"), read("all-parts.json")];
    let mut compared = 0;
    for entry in std::fs::read_dir(&dir).expect("dir") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("text");
        let Ok(serde_json::Value::Object(v)) =
            serde_json::from_str::<serde_json::Value>(text.trim_start_matches('\u{feff}'))
        else {
            continue;
        };
        let differs = |base: &serde_json::Value| -> Vec<String> {
            base.as_object()
                .expect("object")
                .keys()
                .chain(v.keys())
                .filter(|k| base.get(k.as_str()) != v.get(k.as_str()))
                .cloned()
                .collect()
        };
        let changed = bases
            .iter()
            .map(differs)
            .min_by_key(Vec::len)
            .expect("two bases");
        assert!(
            changed.len() <= 2,
            "{}: differs from both bases in {changed:?}",
            path.display()
        );
        compared += 1;
    }
    eprintln!("broken: {compared} guides compared with minimal.json");
}
