//! The pages `cargo xtask dist` writes from `index.html`, the Trunk page,
//! rewritten with an HTML rewriter (lol_html) rather than cut by text:
//!
//! - [`dist_page`]: `dist/index.html`, with Trunk's links and the dev entry
//!   replaced by the embed's module, and the classic script as the way in
//!   when the page is opened from disk;
//! - [`single_file_page`]: `dist/decision-guide.html`, the same with the
//!   classic script inside and without the "Embed it" snippets.
//!
//! The dev-only parts of `index.html` are marked, not positioned: every
//! `<link data-trunk>` and the one `<script data-dev>`.

use anyhow::{bail, Context, Result};
use lol_html::html_content::ContentType;
use lol_html::{doc_comments, element, rewrite_str, RewriteStrSettings};

/// What replaces the dev entry in `dist/index.html`: the embed's module,
/// and, opened from disk (file://, where browsers refuse module scripts),
/// the classic script next to it.
const DIST_SCRIPTS: &str = r#"<script type="module" src="decision-guide.js"></script>
  <script>
    // Opened from disk, the browser refuses the module above (file:// has no
    // CORS); the classic script beside it, the same guide, runs instead.
    if (location.protocol === 'file:') document.head.append(Object.assign(document.createElement('script'), { src: 'decision-guide.inline.js' }));
  </script>"#;

/// The selector of the "Embed it" section, which the single file leaves out.
const SNIPPETS: &str = r#"section[aria-labelledby="embed-title"]"#;

/// How many of each marked part a page rewrite met.
#[derive(Default)]
struct Met {
    trunk_links: usize,
    dev_scripts: usize,
    snippets: usize,
    first_comment: bool,
}

/// Rewrites the Trunk page: drops Trunk's links, puts `scripts` where the
/// dev entry was, replaces the page's opening comment (about Trunk) with
/// `note`, and drops the snippets when `drop_snippets`. Fails unless the
/// page has exactly the parts it expects.
fn rewrite(page: &str, scripts: &str, note: &str, drop_snippets: bool) -> Result<String> {
    let met = std::cell::RefCell::new(Met::default());
    let out = rewrite_str(
        page,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("link[data-trunk]", |el| {
                    met.borrow_mut().trunk_links += 1;
                    el.remove();
                    Ok(())
                }),
                element!("script[data-dev]", |el| {
                    met.borrow_mut().dev_scripts += 1;
                    el.replace(scripts, ContentType::Html);
                    Ok(())
                }),
                element!(SNIPPETS, |el| {
                    met.borrow_mut().snippets += 1;
                    if drop_snippets {
                        el.remove();
                    }
                    Ok(())
                }),
            ],
            document_content_handlers: vec![doc_comments!(|c| {
                let mut met = met.borrow_mut();
                if !met.first_comment {
                    met.first_comment = true;
                    c.replace(note, ContentType::Html);
                }
                Ok(())
            })],
            ..RewriteStrSettings::default()
        },
    )
    .context("index.html could not be rewritten")?;
    let met = met.into_inner();
    if met.trunk_links == 0 || met.dev_scripts != 1 {
        bail!(
            "index.html must have Trunk's <link data-trunk> tags and one <script data-dev> (found {} and {})",
            met.trunk_links,
            met.dev_scripts
        );
    }
    if drop_snippets && met.snippets != 1 {
        bail!(
            "index.html must have one {SNIPPETS} (the snippets the single file leaves out; found {})",
            met.snippets
        );
    }
    if !met.first_comment {
        bail!("index.html must open with a comment saying what it is");
    }
    Ok(out)
}

/// `dist/index.html`: the full page, from the embed's module (or, from
/// disk, the classic script).
pub fn dist_page(page: &str) -> Result<String> {
    rewrite(
        page,
        DIST_SCRIPTS,
        "<!-- dist/index.html, written by `cargo xtask dist` from index.html: the full guide with the snippets to embed it. It loads decision-guide.js (and, opened from disk, decision-guide.inline.js). -->",
        false,
    )
}

/// `dist/decision-guide.html`: the full page in one file, `script` (the
/// classic script, which runs from `file://` where a module could not
/// fetch its wasm) inline, and without the "Embed it" snippets, whose files
/// a lone copy of this page does not have.
pub fn single_file_page(page: &str, script: &str) -> Result<String> {
    // Inside <script>, "</script" would end it and "<!--" can swallow it.
    let lower = script.to_ascii_lowercase();
    if lower.contains("</script") || lower.contains("<!--") {
        bail!("decision-guide.inline.js contains \"</script\" or \"<!--\", so it cannot be inlined in a <script> as it stands");
    }
    rewrite(
        page,
        &format!("<script>\n{script}</script>"),
        "<!-- decision-guide.html, written by `cargo xtask dist` from index.html: the whole guide in one file (the WebAssembly inside as base64). It works opened from file:// with no network. -->",
        true,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!doctype html>\n<!-- About Trunk. -->\n<html><head>\n  <link data-trunk rel=\"rust\" href=\"Cargo.toml\" />\n  <link data-trunk rel=\"copy-file\" href=\"src/element.js\" />\n  <script type=\"module\" src=\"dev.js\" data-dev></script>\n  <!-- kept -->\n</head><body>\n  <decision-guide></decision-guide>\n  <section aria-labelledby=\"embed-title\"><h2 id=\"embed-title\">Embed</h2></section>\n  <footer>f</footer>\n</body></html>\n";

    #[test]
    fn the_dist_page_loads_the_module_and_no_dev_part() -> Result<()> {
        let page = dist_page(PAGE)?;
        assert!(page.starts_with("<!doctype html>\n<!-- dist/index.html"));
        assert!(
            !page.contains("data-trunk")
                && !page.contains("dev.js")
                && !page.contains("About Trunk")
        );
        assert!(page.contains("<script type=\"module\" src=\"decision-guide.js\"></script>"));
        assert!(page.contains("decision-guide.inline.js"));
        assert!(page.contains("<!-- kept -->") && page.contains("embed-title"));
        Ok(())
    }

    #[test]
    fn the_single_file_inlines_the_script_and_drops_the_snippets() -> Result<()> {
        let page = single_file_page(PAGE, "run();")?;
        assert!(page.starts_with("<!doctype html>\n<!-- decision-guide.html"));
        assert!(!page.contains("About Trunk") && !page.contains("data-trunk"));
        assert!(page.contains("<script>\nrun();</script>"));
        assert!(!page.contains("embed-title") && !page.contains("decision-guide.js"));
        assert!(page.contains("<decision-guide></decision-guide>\n  \n  <footer>f</footer>"));
        Ok(())
    }

    #[test]
    fn a_page_without_its_marked_parts_is_refused() {
        assert!(single_file_page(PAGE, "x = '</SCRIPT>';").is_err());
        assert!(single_file_page(PAGE, "x = '<!--';").is_err());
        assert!(dist_page("<!doctype html>\n<!-- c -->\n<p>no dev block</p>").is_err());
        let no_snippets = PAGE.replace("aria-labelledby=\"embed-title\"", "");
        assert!(dist_page(&no_snippets).is_ok());
        assert!(single_file_page(&no_snippets, "run();").is_err());
    }
}
