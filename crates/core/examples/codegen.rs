//! Writes `src/builtin.rs` from `guides/openai-on-aws.json` (run by
//! `cargo xtask codegen`). Built without the `builtin` feature, so it works
//! even when the checked-in `builtin.rs` no longer compiles.

use std::process::ExitCode;

fn main() -> ExitCode {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/builtin.rs");
    match decision_guide_core::builtin_source() {
        Ok(source) => match std::fs::write(path, source) {
            Ok(()) => {
                eprintln!("wrote {path}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("cannot write {path}: {e}");
                ExitCode::FAILURE
            }
        },
        Err(errors) => {
            for e in errors {
                eprintln!("guides/openai-on-aws.json: {e}");
            }
            ExitCode::FAILURE
        }
    }
}
