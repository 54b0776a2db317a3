//! Output: a stdout closed before or during the output ends every command
//! quietly, with exit 0 and nothing on stderr.

use std::path::PathBuf;

use super::common::run_closing_stdout;
use super::{broken, text};

#[test]
fn a_closed_stdout_ends_every_command_quietly() {
    let many: String = (0..20_000)
        .map(|i| {
            if i % 2 == 0 {
                "{\"shape\": \"single\"}\n"
            } else {
                "{\"shape\": \"multi_step\", \"tools_actions\": true}\n"
            }
        })
        .collect();
    let example = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../core/guides/examples/always-bedrock.json")
        .display()
        .to_string();
    let minimal = broken("minimal.json");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["classify"], &many),
        (vec!["classify", "--format", "markdown"], &many),
        (vec!["classify"], "{\"shape\": \"single\"}"),
        (
            vec!["classify", "--format", "markdown"],
            "{\"shape\": \"single\"}",
        ),
        (vec!["classify", "--preset", "invoice-approval"], ""),
        (
            vec!["classify", "--guide", &example],
            "{\"shape\": \"single\"}",
        ),
        (vec!["check"], ""),
        (vec!["check", &minimal], ""),
        (vec!["check", &example, "--all"], ""),
        (vec!["guide"], ""),
        (vec!["presets"], ""),
        (vec!["presets", "--guide", &example], ""),
        (vec!["--help"], ""),
        (vec!["help"], ""),
        (vec!["--version"], ""),
    ];
    let mut runs = 0;
    for (args, stdin) in &cases {
        for keep in [0, 100] {
            let o = run_closing_stdout(args, stdin.as_bytes(), keep);
            assert_eq!(
                o.status.code(),
                Some(0),
                "{args:?} after {keep} bytes: {}",
                text(&o.stderr)
            );
            assert_eq!(text(&o.stderr), "", "{args:?} after {keep} bytes");
            runs += 1;
        }
    }
    eprintln!(
        "hostile::a_closed_stdout: {runs} runs of {} commands",
        cases.len()
    );
}
