//! Benchmark of the rules core, run by `cargo xtask bench`: prints ns per
//! `classify` (full trace and `would_change`), ns per rendered result, and
//! the wall time of the exhaustive check of the built-in guide.
//!
//! Figures, not assertions: the targets (classify ≤ 1 µs, check ≤ 5 s) are
//! compared in the printout, never enforced by a timed test.

use std::hint::black_box;
use std::time::{Duration, Instant};

use decision_guide_core::{builtin, Guide, Profile};

/// Median ns per call over `samples` runs of `iters` calls each.
fn ns_per_call(samples: usize, iters: u32, mut f: impl FnMut()) -> (f64, f64, f64) {
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
    (per[0], per[per.len() / 2], per[per.len() - 1])
}

fn workload(guide: &Guide) -> Vec<Profile> {
    let mut profiles: Vec<Profile> = guide.presets.iter().map(|p| p.profile.clone()).collect();
    profiles.push(guide.empty_profile());
    profiles
}

fn main() {
    let guide = builtin();
    let profiles = workload(&guide);
    println!(
        "decision-guide core benchmark ({} profiles: every preset plus the empty one)",
        profiles.len()
    );

    // Warm up caches and the branch predictor before measuring.
    for p in &profiles {
        black_box(guide.classify(p));
    }
    let mut i = 0;
    let (min, median, max) = ns_per_call(31, 20_000, || {
        i = (i + 1) % profiles.len();
        black_box(guide.classify(black_box(&profiles[i])));
    });
    let verdict = if median <= 1000.0 { "within" } else { "OVER" };
    println!("classify (trace + would_change): median {median:.0} ns, min {min:.0}, max {max:.0} — {verdict} the 1 µs target");

    let (min, median, max) = ns_per_call(15, 5_000, || {
        i = (i + 1) % profiles.len();
        black_box(guide.evaluate(black_box(&profiles[i])));
    });
    println!("classify + render SPEC §4 result: median {median:.0} ns, min {min:.0}, max {max:.0}");

    let (min, median, max) = ns_per_call(31, 50_000, || {
        i = (i + 1) % profiles.len();
        black_box(guide.decide(black_box(&profiles[i])));
    });
    println!("decide (path only): median {median:.0} ns, min {min:.0}, max {max:.0}");

    let runs: Vec<Duration> = (0..3)
        .map(|_| {
            let start = Instant::now();
            let report = guide.check(20).expect("enumerable");
            assert!(report.passed());
            black_box(report);
            start.elapsed()
        })
        .collect();
    let best = runs.iter().min().copied().unwrap_or_default();
    let verdict = if best.as_secs_f64() <= 5.0 {
        "within"
    } else {
        "OVER"
    };
    println!(
        "check (all {} combinations, 3 runs): best {:.2} s, runs {:?} — {verdict} the 5 s target",
        guide.combinations(),
        best.as_secs_f64(),
        runs.iter()
            .map(|d| format!("{:.2} s", d.as_secs_f64()))
            .collect::<Vec<_>>()
    );
}
