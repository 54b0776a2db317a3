//! Renders the static guide on the host (yew SSR) and writes what every
//! `<decision-guide>` needs before its wasm has loaded, as one JSON object:
//! `html`, the guide it shows at once (until the wasm swaps in its own,
//! identical, first render), and `texts`, the sentences the element says on
//! its own (`text::ELEMENT`). `cargo xtask dist` runs it, and so does
//! Trunk before each dev build (Trunk.toml); because the same components
//! render both, the two cannot drift (and the end-to-end tests compare
//! them).
//!
//! Usage: `cargo run --example prerender -- OUT.json` (stdout without a path).
//!
//! `--live ANSWERS` instead renders the live guide started from ANSWERS (a
//! JSON answers object) as the wasm's first render should be, for the
//! end-to-end test that compares the two (tests/e2e/first-render.spec.mjs).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use decision_guide_core::{quote, text};

    let args: Vec<String> = std::env::args().skip(1).collect();
    // The live state to render, if asked: the answers the element would
    // start from, taken as `Widget::start` takes them.
    let live = match args.as_slice() {
        [flag, answers] if flag == "--live" => {
            let guide = decision_guide_core::builtin();
            match serde_json::from_str::<decision_guide_core::RawAnswers>(answers)
                .map_err(|e| e.to_string())
                .and_then(|raw| guide.profile(&raw).map_err(|e| e.to_string()))
            {
                Ok(profile) => Some(profile),
                Err(e) => {
                    eprintln!("prerender: --live {answers}: {e}");
                    return std::process::ExitCode::FAILURE;
                }
            }
        }
        _ => None,
    };
    let is_live = live.is_some();
    let html = decision_guide::host::render_on_host(live);
    let json = format!(
        "{{\"html\":{},\"texts\":{}}}\n",
        quote(&html),
        text::element_json()
    );
    let out = if is_live { None } else { args.first() };
    let written = match out {
        Some(path) => match std::path::Path::new(&path).parent() {
            Some(dir) if !dir.as_os_str().is_empty() => std::fs::create_dir_all(dir),
            _ => Ok(()),
        }
        .and_then(|()| std::fs::write(path, &json))
        .map_err(|e| format!("cannot write {path}: {e}")),
        None => {
            use std::io::Write;
            std::io::stdout()
                .write_all(json.as_bytes())
                .map_err(|e| format!("cannot write to stdout: {e}"))
        }
    };
    match written {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("prerender: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Rendering on the host needs the host: nothing to do in a wasm build.
#[cfg(target_arch = "wasm32")]
fn main() {}
