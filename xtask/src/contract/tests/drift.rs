//! Each check can fail: the real inputs, changed in one place each, make
//! the check that reads them name what drifted.

use super::contract_md::contract_md_problems;
use super::outputs::manifest_problems;
use super::sources::{
    css_problems, element_js_problems, result_json_problems, static_problems, RESULT_JSON,
};
use super::*;

/// `text` with its first `from` made `to`; it must have one.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "the text has no {from:?} to change");
    text.replacen(from, to, 1)
}

#[test]
fn each_check_names_what_drifted() {
    let c = table();
    let (md, js, css) = (
        read("CONTRACT.md"),
        read("src/element.js"),
        read("src/widget.css"),
    );
    let table_text = read(TABLE);
    let parse = |text: String| toml::from_str::<Contract>(&text).expect("a table");
    let reread = |text: String| parse(text).problems();
    let without_could_block = parse(edit(
        &table_text,
        "  { name = \"could_block\"",
        "  # { name = \"could_block\"",
    ));
    let mut manifest = serde_json::to_value(c.manifest()).expect("the manifest as JSON");
    let members = &mut manifest["modules"][0]["declarations"][0]["members"];
    members
        .as_array_mut()
        .expect("members")
        .retain(|m| m["name"] != "result");
    let cases = [
        (
            "a twin that does not name its attribute",
            reread(edit(
                &table_text,
                "property = \"guideSrc\"",
                "property = \"guide\"",
            )),
            "attribute `guide-src`'s twin",
        ),
        (
            "an event renamed in CONTRACT.md",
            contract_md_problems(&c, &md.replace("`decision-change`", "`decision-changed`")),
            "event `decision-change` is in",
        ),
        (
            "a read-only property called read/write",
            contract_md_problems(
                &c,
                &edit(&md, "`result` (read-only;", "`result` (read/write;"),
            ),
            "property `result`",
        ),
        (
            "a property said not to reflect its attribute",
            contract_md_problems(
                &c,
                &edit(
                    &md,
                    "`guideSrc` (read/write; reflects",
                    "`guideSrc` (read/write; does not reflect",
                ),
            ),
            "property `guideSrc` reflects",
        ),
        (
            "a CSS custom property missing from CONTRACT.md",
            contract_md_problems(&c, &edit(&md, "`--dg-bg`, ", "")),
            "CSS custom property `--dg-bg` is in",
        ),
        (
            "a result field missing from §4's list",
            contract_md_problems(&c, &edit(&md, "- `could_block` (", "- could_block (")),
            "field of `DecisionResult` `could_block` is in src/",
        ),
        (
            "a result field §4 lists missing from the table",
            contract_md_problems(&without_could_block, &md),
            "field of `DecisionResult` `could_block` is in CONTRACT.md",
        ),
        (
            "a field that may be absent missing from §4",
            contract_md_problems(
                &c,
                &edit(&md, "`blocked`?,\n  `conflicts`?}", "`blocked`?}"),
            ),
            "§4 gives `would_change` as",
        ),
        (
            "a status the result never has in the example of §4",
            contract_md_problems(
                &c,
                &edit(&md, "\"status\": \"leaning\"", "\"status\": \"unsure\""),
            ),
            "result.status is \"unsure\"",
        ),
        (
            "a result field the core does not write",
            result_json_problems(&c, &edit(&read(RESULT_JSON), "    \"could_block\",\n", "")),
            "`could_block` is in src/",
        ),
        (
            "a static of the class CONTRACT.md does not name",
            static_problems(
                &edit(
                    &js,
                    "static get wasmMemoryBytes()",
                    "static get wasmBytes()",
                ),
                &md,
            ),
            "static `wasmBytes`",
        ),
        (
            "a theme dropped from CONTRACT.md",
            contract_md_problems(&c, &edit(&md, " | `dark`", "")),
            "attribute `theme`",
        ),
        (
            "a result field renamed in the example of §4",
            contract_md_problems(&c, &edit(&md, "\"ask_first\"", "\"ask_these\"")),
            "ask_these",
        ),
        (
            "an attribute no longer observed",
            element_js_problems(
                &c,
                &edit(
                    &js,
                    "['answers', 'guide-src', 'theme']",
                    "['answers', 'theme']",
                ),
            ),
            "observed attribute `guide-src`",
        ),
        (
            "a setter dropped",
            element_js_problems(&c, &edit(&js, "set permalink(on)", "setPermalink(on)")),
            "property setter `permalink`",
        ),
        (
            "an event no longer composed",
            element_js_problems(
                &c,
                &edit(&js, "bubbles: true, composed: true", "bubbles: true"),
            ),
            "composed",
        ),
        (
            "a default changed in the stylesheet",
            css_problems(&c, &edit(&css, "--dg-radius, 10px", "--dg-radius, 12px")),
            "--dg-radius",
        ),
        (
            "a member dropped from the manifest",
            manifest_problems(&c, &manifest),
            "property `result`",
        ),
    ];
    for (what, problems, expected) in cases {
        let named = problems.iter().any(|p| p.contains(expected));
        assert!(
            named,
            "{what}: no problem names {expected:?}; got {problems:#?}"
        );
    }
}
