//! `cargo xtask dist`: builds `dist/`, the embed and every other surface,
//! from one wasm build of each variant.
//!
//! - the wasm (`--profile wasm`, for size), through wasm-bindgen and
//!   `wasm-opt -Oz`: `decision-guide_bg.wasm`, and the variant that also
//!   compiles a team's own guide, `decision-guide-custom_bg.wasm`;
//! - the pre-render (`examples/prerender.rs`): the static guide and the
//!   element's texts, as JSON;
//! - the scripts, bundled by esbuild from the entries in `src/entry/`
//!   (real files; `decision-guide-build/…` in them is this task's work
//!   folder, `decision-guide-dist/…` is `dist/`): `decision-guide.js`
//!   (`module.js`, the embed's one module), `decision-guide-custom.js`
//!   (`custom.js`) and `decision-guide.inline.js` (`inline.js`, one classic
//!   script with the wasm inside);
//! - the pages ([`crate::page`]): `index.html` and `decision-guide.html`
//!   from the Trunk page, and `embed.html` (`src/surfaces/embed.html`);
//! - the element's contract, machine-readable ([`crate::contract`]):
//!   `custom-elements.json` and `decision-guide.d.ts`;
//! - `package.json` ([`package_json`]): dist/ as the npm package
//!   `decision-guide`;
//! - the guide studio ([`studio`]): `studio.html` and `studio/` (its
//!   bundles from `src/studio/`, its engine, a third wasm variant without
//!   the element (feature `studio`), the two starting guides with their
//!   golden cases as JSON), which loads only on its own page.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde_json::json;

use crate::{cmd, contract, page, run, tools};

/// Where intermediate files go.
const WORK: &str = "target/embed";

/// Builds `dist/` and returns its path.
pub fn dist(root: &Path) -> Result<PathBuf> {
    tools::ensure_all(root)?;
    let dist = root.join("dist");
    let work = root.join(WORK);
    if dist.exists() {
        std::fs::remove_dir_all(&dist).context("empty dist/")?;
    }
    std::fs::create_dir_all(&dist)?;
    std::fs::create_dir_all(&work)?;

    // The embed's wasm, and the variant that can also compile a team's own
    // guide, which the element loads only when a page asks for one.
    wasm_variant(root, &[], "target", "decision-guide")?;
    wasm_variant(
        root,
        &["--features", "custom-guides"],
        "target/custom",
        "decision-guide-custom",
    )?;

    // The static guide and the element's texts, rendered on the host by the
    // same components (a debug build: the one the tests already made).
    run(
        root,
        "cargo",
        &[
            "run",
            "--quiet",
            "--example",
            "prerender",
            "--",
            &format!("{WORK}/prerender.json"),
        ],
    )?;

    // The stylesheet, minified once for every bundle that carries it.
    run(
        root,
        "esbuild",
        &[
            "src/widget.css",
            "--minify",
            "--log-level=warning",
            &format!("--outfile={WORK}/widget.min.css"),
        ],
    )?;

    // Named imports only in the entries: `import * as` makes esbuild copy
    // the namespace with a `for … in` loop, which a page's keys on
    // Object.prototype break.
    bundle(root, "module.js", "esm", "decision-guide.js", &[])?;
    bundle(root, "custom.js", "esm", "decision-guide-custom.js", &[])?;
    let cargo = metadata(root)?;
    bundle(
        root,
        "inline.js",
        "iife",
        "decision-guide.inline.js",
        &[
            "--loader:.wasm=binary",
            // The glue falls back to `new URL(…, import.meta.url)` only when
            // it is given no wasm; here it always is, and a classic script
            // has no import.meta.
            "--define:import.meta.url=undefined",
            &format!(
                "--banner:js=/* decision-guide {} ({}): <decision-guide> in one classic script, its WebAssembly inside as base64. */",
                cargo.version, cargo.license
            ),
        ],
    )?;
    let inline = std::fs::read_to_string(dist.join("decision-guide.inline.js"))
        .context("read dist/decision-guide.inline.js")?;

    let trunk_page = std::fs::read_to_string(root.join("index.html")).context("read index.html")?;
    std::fs::write(dist.join("index.html"), page::dist_page(&trunk_page)?)?;
    std::fs::write(
        dist.join("decision-guide.html"),
        page::single_file_page(&trunk_page, &inline)?,
    )?;
    std::fs::copy(
        root.join("src/surfaces/embed.html"),
        dist.join("embed.html"),
    )
    .context("copy src/surfaces/embed.html")?;
    // The element's contract, machine-readable: the Custom Elements
    // Manifest and the TypeScript declarations, from src/element-contract.toml.
    contract::write(root, &dist)?;
    std::fs::write(dist.join("package.json"), package_json(&cargo)?)?;
    studio(root, &dist)?;
    sizes(&dist)?;
    studio_sizes(&dist)?;
    Ok(dist)
}

/// Bundles `src/entry/{entry}` into `dist/{out}` (esbuild, minified, in
/// `format`), with the build's work folder and `dist/` as the packages
/// `decision-guide-build` and `decision-guide-dist`, and `more` flags.
fn bundle(root: &Path, entry: &str, format: &str, out: &str, more: &[&str]) -> Result<()> {
    bundle_file(root, &format!("src/entry/{entry}"), format, out, more)
}

/// Bundles the script `src` (a path from the root) into `dist/{out}`, as
/// [`bundle`] does.
fn bundle_file(root: &Path, src: &str, format: &str, out: &str, more: &[&str]) -> Result<()> {
    let args = [
        src.to_owned(),
        "--bundle".to_owned(),
        format!("--format={format}"),
        "--minify".to_owned(),
        "--target=es2022".to_owned(),
        "--loader:.css=text".to_owned(),
        format!("--alias:decision-guide-build=./{WORK}"),
        "--alias:decision-guide-dist=./dist".to_owned(),
        "--log-level=warning".to_owned(),
        format!("--outfile=dist/{out}"),
    ];
    let args: Vec<&str> = args
        .iter()
        .map(String::as_str)
        .chain(more.iter().copied())
        .collect();
    run(root, "esbuild", &args)
}

/// The starting points of the guide studio: (guide, its golden cases),
/// from `crates/core/guides/`, copied into `dist/studio/` under the guide's
/// file name, the cases as the JSON twin of their TOML.
const STUDIO_GUIDES: [(&str, &str); 2] = [
    ("openai-on-aws.json", "openai-on-aws.cases.toml"),
    (
        "examples/always-bedrock.json",
        "examples/always-bedrock.cases.toml",
    ),
];

/// The guide studio: `dist/studio.html` (`src/studio/studio.html`) and
/// `dist/studio/`: the page's script and its worker (esbuild, from
/// `src/studio/main.js` and `worker.js`; the worker imports the
/// custom-guides glue and runs `studio_check` / `studio_diff` off the main
/// thread), its stylesheet, and the starting guides with their cases.
/// Nothing here is part of the embed: the studio loads the element as any
/// page does.
fn studio(root: &Path, dist: &Path) -> Result<()> {
    let out = dist.join("studio");
    std::fs::create_dir_all(&out)?;
    // The studio's engine: the custom-guides reader, compiler and proof
    // with the review of an edit, without the widget (feature `studio`).
    wasm_variant(
        root,
        &["--features", "studio"],
        "target/studio",
        "decision-guide-studio",
    )?;
    std::fs::rename(
        dist.join("decision-guide-studio_bg.wasm"),
        out.join("decision-guide-studio_bg.wasm"),
    )
    .context("move the studio's wasm into dist/studio/")?;
    std::fs::copy(
        root.join("src/studio/studio.html"),
        dist.join("studio.html"),
    )
    .context("copy src/studio/studio.html")?;
    bundle_file(root, "src/studio/main.js", "esm", "studio/studio.js", &[])?;
    bundle_file(root, "src/studio/worker.js", "esm", "studio/worker.js", &[])?;
    run(
        root,
        "esbuild",
        &[
            "src/studio/studio.css",
            "--minify",
            "--log-level=warning",
            "--outfile=dist/studio/studio.css",
        ],
    )?;
    let guides = root.join("crates/core/guides");
    for (guide, cases) in STUDIO_GUIDES {
        let name = Path::new(guide).file_name().context("a guide file name")?;
        std::fs::copy(guides.join(guide), out.join(name))
            .with_context(|| format!("copy crates/core/guides/{guide}"))?;
        let toml = std::fs::read_to_string(guides.join(cases))
            .with_context(|| format!("read crates/core/guides/{cases}"))?;
        let json_name = Path::new(cases)
            .with_extension("json")
            .file_name()
            .context("a cases file name")?
            .to_owned();
        std::fs::write(out.join(json_name), cases_json(&toml)?)?;
    }
    Ok(())
}

/// Golden cases (`*.cases.toml`) as their JSON twin, the structure
/// unchanged: `{"case": [{"name": …, "answers": {…}, "expect": …}, …]}`.
fn cases_json(toml_text: &str) -> Result<String> {
    let value: toml::Value = toml::from_str(toml_text).context("read golden cases (TOML)")?;
    Ok(serde_json::to_string_pretty(&value)? + "\n")
}

/// Builds one wasm variant of the widget (`--profile wasm`, for size) with
/// `features`, in `target_dir` so that variants do not overwrite each
/// other, then wasm-bindgen (into the work folder, as `name.js` and
/// `name_bg.wasm`) and `wasm-opt -Oz` (into `dist/name_bg.wasm`).
fn wasm_variant(root: &Path, features: &[&str], target_dir: &str, name: &str) -> Result<()> {
    let mut args = vec![
        "build",
        "--quiet",
        "--profile",
        "wasm",
        "--target",
        "wasm32-unknown-unknown",
        // The widget's package alone: without `-p`, cargo unifies the
        // features of every default member, and the CLI's (the guide
        // compiler, JSON) would end up in the shipped wasm.
        "-p",
        "decision-guide",
        "--bin",
        "decision-guide-web",
        "--target-dir",
        target_dir,
    ];
    args.extend(features);
    run(root, "cargo", &args)?;
    let wasm = root
        .join(target_dir)
        .join("wasm32-unknown-unknown/wasm/decision-guide-web.wasm");
    run(
        root,
        "wasm-bindgen",
        &[
            wasm.to_str().context("utf-8 path")?,
            "--target",
            "web",
            "--no-typescript",
            "--out-dir",
            WORK,
            "--out-name",
            name,
        ],
    )?;
    run(
        root,
        "wasm-opt",
        &[
            "-Oz",
            // Rust's wasm keeps its stack and data above the first KB;
            // debug and producer sections are never needed in dist/, nor
            // is the target-features section (wasm-bindgen has read it).
            "--low-memory-unused",
            "--strip-debug",
            "--strip-producers",
            "--strip-target-features",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-reference-types",
            "--enable-multivalue",
            "--enable-mutable-globals",
            &format!("{WORK}/{name}_bg.wasm"),
            "-o",
            &format!("dist/{name}_bg.wasm"),
        ],
    )?;
    // Short import and export names, in the wasm and its glue (names.rs).
    crate::names::minify(
        &root.join(format!("dist/{name}_bg.wasm")),
        &root.join(format!("{WORK}/{name}.js")),
    )
}

/// The most the embed (`decision-guide.js` + `decision-guide_bg.wasm`) may
/// weigh, gzip -9, in bytes: the one place the size budget is stated.
/// Guide v3 doubled the guide's texts and added the lean, blocked, nearest
/// and in-place views (119.2 KB for v2; 151.7 KB on 2026-12-04). The
/// reader's first seconds added an honest pre-render, the summary that
/// stays in view, print and forced-colour styles (+2.3 KB of script and
/// style after short names) and took more out of the wasm: short import
/// and export names (`names.rs`, 3.9 KB with the glue), talc for dlmalloc
/// (2.8 KB), the built-in guide shared as a `&'static` (1.3 KB), class
/// lists without `classes!`, explanations compared by pointer, no `Debug`
/// in permalink errors, wasm-opt's low-memory and strip passes: 147.0 KB
/// on 2026-12-05. Turning the child components into plain functions would
/// save 7 KB more but renders every answer's whole guide (answer→DOM p50
/// 1.5 → 3.1 ms), so they stay components. The goal, 115 KB, needs
/// yew replaced; the guide's texts ride twice (wasm and pre-render).
pub const EMBED_BUDGET_GZIP: u64 = 147_500;

/// Fails when the embed in `dist/` weighs more than [`EMBED_BUDGET_GZIP`].
/// Sizes are deterministic, so this is a test where timings could not be.
pub fn check_budget(root: &Path) -> Result<()> {
    let mut total = 0;
    eprintln!("size budget:");
    for file in ["decision-guide.js", "decision-guide_bg.wasm"] {
        let size = gzip_size(&root.join("dist").join(file))?;
        eprintln!("  {file:<28} {size} B gzip");
        total += size;
    }
    eprintln!("  embed total                  {total} B gzip (budget {EMBED_BUDGET_GZIP} B)");
    if total > EMBED_BUDGET_GZIP {
        bail!("size budget exceeded: the embed is {total} B gzip, over the budget of {EMBED_BUDGET_GZIP} B (xtask/src/dist.rs)");
    }
    Ok(())
}

/// The size of `path` compressed with gzip -9, in bytes.
fn gzip_size(path: &Path) -> Result<u64> {
    let bytes = std::fs::read(path).with_context(|| format!("read {}", path.display()))?;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&bytes)?;
    Ok(gz.finish()?.len() as u64)
}

/// Prints the size of each file in `dist`, raw and gzipped.
fn sizes(dist: &Path) -> Result<()> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dist)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    files.sort();
    eprintln!("dist/:");
    for path in files.iter().filter(|p| p.is_file()) {
        let raw = std::fs::metadata(path)?.len();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        eprintln!("  {name:<32} {raw:>8} B raw {:>8} B gzip", gzip_size(path)?);
    }
    Ok(())
}

/// Prints the guide studio's files, raw and gzipped, and what its page
/// loads beyond the embed (the studio's own files; the custom-guides
/// variant it shares with every page that runs a team's own guide is
/// listed above).
fn studio_sizes(dist: &Path) -> Result<()> {
    let studio = dist.join("studio");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&studio)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    files.sort();
    eprintln!("dist/studio/ (the guide studio; loads only on studio.html):");
    let mut total = gzip_size(&dist.join("studio.html"))?;
    for path in files.iter().filter(|p| p.is_file()) {
        let raw = std::fs::metadata(path)?.len();
        let gz = gzip_size(path)?;
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        eprintln!("  {name:<32} {raw:>8} B raw {gz:>8} B gzip");
        if !name.ends_with(".json") {
            total += gz;
        }
    }
    eprintln!("  studio page, script, style, worker and engine: {total} B gzip (no budget; the embed's is unchanged)");
    Ok(())
}

/// The fields of the widget's package that the npm package repeats.
struct Package {
    version: String,
    license: String,
    description: String,
}

/// The widget package's version, licence and description, as Cargo reads
/// them (`cargo metadata`: workspace inheritance resolved).
fn metadata(root: &Path) -> Result<Package> {
    let out = cmd(
        root,
        "cargo",
        &[
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ],
    )
    .output()
    .context("cannot run cargo metadata")?;
    if !out.status.success() {
        bail!(
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let meta: serde_json::Value =
        serde_json::from_slice(&out.stdout).context("read cargo metadata")?;
    package_of(&meta, "decision-guide")
}

/// The package `name` in `cargo metadata` output.
fn package_of(meta: &serde_json::Value, name: &str) -> Result<Package> {
    let package = meta["packages"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["name"] == name))
        .with_context(|| format!("cargo metadata has no package {name}"))?;
    let field = |key: &str| {
        package[key]
            .as_str()
            .map(str::to_owned)
            .with_context(|| format!("the package {name} has no {key}"))
    };
    Ok(Package {
        version: field("version")?,
        license: field("license")?,
        description: field("description")?,
    })
}

/// `dist/package.json`: dist/ as the npm package `decision-guide`, its
/// version, licence and description those of the widget's package.
fn package_json(package: &Package) -> Result<String> {
    let files = [
        "decision-guide.js",
        "decision-guide_bg.wasm",
        "decision-guide-custom.js",
        "decision-guide-custom_bg.wasm",
        "decision-guide.inline.js",
        "embed.html",
        "decision-guide.html",
        contract::MANIFEST,
        "decision-guide.d.ts",
    ];
    let json = json!({
        "name": "decision-guide",
        "version": package.version,
        "description": package.description,
        "license": package.license,
        "keywords": ["web-component", "custom-element", "webassembly", "decision-guide", "openai", "aws", "bedrock"],
        "type": "module",
        "main": "./decision-guide.js",
        "types": "./decision-guide.d.ts",
        "customElements": format!("./{}", contract::MANIFEST),
        "exports": {
            ".": {
                "types": "./decision-guide.d.ts",
                "default": "./decision-guide.js"
            },
            "./inline": "./decision-guide.inline.js",
            "./wasm": "./decision-guide_bg.wasm",
            "./custom": "./decision-guide-custom.js",
            "./custom-wasm": "./decision-guide-custom_bg.wasm",
            "./embed.html": "./embed.html",
            "./decision-guide.html": "./decision-guide.html",
            "./custom-elements.json": format!("./{}", contract::MANIFEST),
            "./package.json": "./package.json"
        },
        "files": files,
    });
    Ok(serde_json::to_string_pretty(&json)? + "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_package_takes_the_widget_package_fields() -> Result<()> {
        let meta = json!({"packages": [
            {"name": "decision-guide-core", "version": "9.9.9", "license": "x", "description": "core"},
            {"name": "decision-guide", "version": "1.2.3", "license": "MIT OR Apache-2.0", "description": "A \"guide\""}
        ]});
        let package = package_of(&meta, "decision-guide")?;
        let json: serde_json::Value = serde_json::from_str(&package_json(&package)?)?;
        assert_eq!(json["version"], "1.2.3");
        assert_eq!(json["license"], "MIT OR Apache-2.0");
        assert_eq!(json["description"], "A \"guide\"");
        assert_eq!(json["exports"]["."]["default"], "./decision-guide.js");
        assert_eq!(json["types"], "./decision-guide.d.ts");
        assert_eq!(json["customElements"], "./custom-elements.json");
        assert!(package_of(&meta, "nowhere").is_err());
        Ok(())
    }

    #[test]
    fn golden_cases_become_their_json_twin() -> Result<()> {
        let toml = "[[case]]\nname = \"a\"\nanswers = { shape = \"single\", voice = true }\nexpect = \"direct-api\"\nwarnings = []\n";
        let json: serde_json::Value = serde_json::from_str(&cases_json(toml)?)?;
        assert_eq!(
            json,
            json!({"case": [{"name": "a", "answers": {"shape": "single", "voice": true}, "expect": "direct-api", "warnings": []}]})
        );
        assert!(cases_json("[[case]\n").is_err());
        Ok(())
    }

    #[test]
    fn gzip_sizes_are_those_of_gzip() -> Result<()> {
        let dir = std::env::temp_dir().join(format!("dg-gzip-{}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        let file = dir.join("a.txt");
        std::fs::write(&file, "a".repeat(100_000))?;
        let size = gzip_size(&file)?;
        // 100 000 equal bytes compress to a few hundred bytes, never to nothing.
        assert!((20..1_000).contains(&size), "{size}");
        std::fs::remove_dir_all(&dir)?;
        Ok(())
    }
}
