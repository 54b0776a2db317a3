//! Benchmark of the rules core, run by `cargo xtask bench`: ns per
//! `classify` (full trace, "what would change it" and the nearest answers
//! to every path), per nearest set alone, per explanation and per result
//! JSON, and the wall time of the proof of the built-in guide and of a
//! generated 30-question guide, and of the decision diff of two versions
//! of the built-in guide. Prints the figures and, with
//! `DG_BENCH_JSON=path`, merges them into that JSON file under the key
//! `native`.
//!
//! Figures, not assertions: the targets (classify with nearest ≤ 20 µs,
//! the built-in proof ≤ 1 s, the 30-question proof ≤ 3 s, the diff ≤ 2 s) are compared in
//! the printout, never enforced by a timed test.

use std::hint::black_box;
use std::time::Instant;

use decision_guide_core::{
    builtin, parse_guide, review, Cases, Guide, Profile, BUILTIN_GUIDE_JSON,
};
use serde_json::{json, Value};

#[path = "../tests/common/large.rs"]
mod large;

/// The best of `n` runs of the proof of `guide`, and every run, in seconds.
fn prove(guide: &Guide, n: usize) -> (f64, Vec<f64>) {
    let runs: Vec<f64> = (0..n)
        .map(|_| {
            let start = Instant::now();
            black_box(guide.check(20).expect("provable"));
            start.elapsed().as_secs_f64()
        })
        .collect();
    (runs.iter().copied().fold(f64::INFINITY, f64::min), runs)
}

/// The best of `n` runs of the review of an edit of the built-in guide
/// (its `voice` rule sent to Bedrock), as `decision-guide diff --cases`
/// makes it: both texts read and compiled, the decision diff, the golden
/// cases run on both, the texts compared; every run, and how many
/// combinations move.
fn diff_builtin(n: usize) -> (f64, Vec<f64>, String) {
    let mut edited: Value = serde_json::from_str(BUILTIN_GUIDE_JSON).expect("guide");
    for rule in edited["rules"].as_array_mut().expect("rules") {
        if rule["id"] == "voice" {
            rule["path"] = json!("bedrock-models");
        }
    }
    let edited = edited.to_string();
    let cases_text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/guides/openai-on-aws.cases.toml"
    ))
    .expect("cases");
    let cases: Cases = toml::from_str(&cases_text).expect("cases parse");
    let mut moved = String::new();
    let runs: Vec<f64> = (0..n)
        .map(|_| {
            let start = Instant::now();
            let r = review(BUILTIN_GUIDE_JSON, &edited, Some(&cases)).expect("review");
            let secs = start.elapsed().as_secs_f64();
            moved = r.diff.moved.to_string();
            secs
        })
        .collect();
    (
        runs.iter().copied().fold(f64::INFINITY, f64::min),
        runs,
        moved,
    )
}

/// (min, median, max) ns per call over `samples` runs of `iters` calls each.
fn ns_per_call(samples: usize, iters: u32, mut f: impl FnMut()) -> [f64; 3] {
    let mut per: Vec<f64> = (0..samples)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..iters {
                f();
            }
            start.elapsed().as_nanos() as f64 / f64::from(iters)
        })
        .collect();
    per.sort_by(f64::total_cmp);
    [per[0], per[per.len() / 2], per[per.len() - 1]]
}

fn workload(guide: &Guide) -> Vec<Profile> {
    let mut profiles: Vec<Profile> = guide
        .presets()
        .iter()
        .map(|p| p.profile().clone())
        .collect();
    profiles.push(guide.empty_profile());
    profiles
}

fn main() {
    let guide = builtin();
    let profiles = workload(guide);
    println!(
        "decision-guide core benchmark ({} profiles: every preset plus the empty one)",
        profiles.len()
    );
    // Warm up caches and the branch predictor before measuring.
    for p in &profiles {
        black_box(guide.evaluate(p).to_json());
    }
    let mut i = 0;
    let mut next = || {
        i = (i + 1) % profiles.len();
        &profiles[i]
    };
    let classify = ns_per_call(31, 20_000, || {
        black_box(guide.classify(black_box(next())));
    });
    let explain = ns_per_call(15, 5_000, || {
        black_box(guide.evaluate(black_box(next())));
    });
    let to_json = ns_per_call(15, 5_000, || {
        black_box(guide.evaluate(black_box(next())).to_json());
    });
    let decide = ns_per_call(31, 50_000, || {
        black_box(guide.decide(black_box(next())));
    });
    let nearest = ns_per_call(31, 5_000, || {
        black_box(guide.nearest(black_box(next())));
    });
    assert!(guide.check(1).expect("provable").passed());
    let (best, runs) = prove(guide, 5);
    let large = parse_guide(&large::large_guide(30, 7).to_string()).expect("generated guide");
    let (large_best, large_runs) = prove(&large, 5);
    let (diff_best, diff_runs, moved) = diff_builtin(5);

    let within = |ok: bool| if ok { "within" } else { "OVER" };
    let row = |name: &str, [min, med, max]: [f64; 3], note: &str| {
        println!("  {name:<40} median {med:>7.0} ns  (min {min:.0}, max {max:.0}){note}");
    };
    row(
        "classify (trace, would_change, nearest)",
        classify,
        &format!(" — {} the 20 µs target", within(classify[1] <= 20_000.0)),
    );
    row("nearest alone (every other path)", nearest, "");
    row("classify + explain (texts resolved)", explain, "");
    row("classify + explain + result JSON", to_json, "");
    row("decide (path only)", decide, "");
    let secs = |runs: &[f64]| {
        runs.iter()
            .map(|r| format!("{:.4} s", r))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!(
        "  check (proof) of the built-in guide: {} combinations of {} questions, best of 5 {best:.4} s (runs {}) — {} the 1 s target",
        guide.combinations(),
        guide.questions().len(),
        secs(&runs),
        within(best <= 1.0)
    );
    println!(
        "  check (proof) of a generated guide: {} combinations of {} questions, best of 5 {large_best:.4} s (runs {}) — {} the 3 s target",
        large.combinations(),
        large.questions().len(),
        secs(&large_runs),
        within(large_best <= 3.0)
    );

    println!(
        "  diff of two versions of the built-in guide (one rule sent elsewhere; cases and texts too): {moved} combinations move, best of 5 {diff_best:.4} s (runs {}) — {} the 2 s target",
        secs(&diff_runs),
        within(diff_best <= 2.0)
    );

    if let Ok(path) = std::env::var("DG_BENCH_JSON") {
        let mut all: Value = std::fs::read_to_string(&path)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .filter(Value::is_object)
            .unwrap_or_else(|| json!({}));
        let median = |f: [f64; 3]| f[1].round();
        all["native"] = json!({
            "classify_ns": median(classify),
            "explain_ns": median(explain),
            "result_json_ns": median(to_json),
            "decide_ns": median(decide),
            "nearest_ns": median(nearest),
            "check_s": best,
            "check_runs_s": runs,
            "check_combinations": guide.combinations() as u64,
            "questions": guide.questions().len(),
            "check_large_s": large_best,
            "check_large_runs_s": large_runs,
            "check_large_combinations": large.combinations() as u64,
            "large_questions": large.questions().len(),
            "diff_s": diff_best,
            "diff_runs_s": diff_runs,
        });
        std::fs::write(
            &path,
            serde_json::to_string_pretty(&all).expect("JSON") + "\n",
        )
        .unwrap_or_else(|e| panic!("cannot write {path}: {e}"));
        println!("  figures merged into {path} (key \"native\")");
    }
}
