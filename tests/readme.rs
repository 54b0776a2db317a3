//! The README's embedding snippets: every `<decision-guide>` in them holds
//! fallback content, a sentence and a link to the single-file guide, which
//! a reader sees wherever the script cannot run (blocked, offline, a
//! sandboxed frame) instead of an empty box.

const README: &str = include_str!("../README.md");

#[test]
fn every_snippet_has_fallback_content() {
    let mut seen = 0;
    let mut problems = Vec::new();
    let mut rest = README;
    while let Some(at) = rest.find("<decision-guide") {
        rest = &rest[at..];
        let line = README.len() - rest.len();
        let line = README[..line].lines().count() + 1;
        // Prose that names the tag (`<decision-guide>` in backticks) is no snippet.
        let Some(open_end) = rest.find('>') else {
            break;
        };
        let opening = &rest[..=open_end];
        let prose = README[..README.len() - rest.len()].ends_with('`')
            && rest[open_end + 1..].starts_with('`');
        if prose {
            rest = &rest[open_end + 1..];
            continue;
        }
        seen += 1;
        match rest.find("</decision-guide>") {
            Some(close) if !opening.ends_with("/>") => {
                let inside = &rest[open_end + 1..close];
                let linked = inside.contains("<a href=") && inside.contains("decision-guide.html");
                let said = inside.contains("open it on its own page");
                if !(linked && said) {
                    problems.push(format!("README.md:{line}: {opening} holds no fallback sentence and link: {inside:?}"));
                }
                rest = &rest[close..];
            }
            _ => {
                problems.push(format!(
                    "README.md:{line}: {opening} is empty or self-closing"
                ));
                rest = &rest[open_end + 1..];
            }
        }
    }
    assert!(seen >= 9, "only {seen} snippets found");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
