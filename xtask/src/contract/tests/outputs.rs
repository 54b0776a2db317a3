//! The generated files against what reads them: the manifest as tools
//! read it and against the schema's own types, and the declarations
//! compiled by TypeScript with a page's right and wrong uses.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use serde_json::{json, Value};

use super::*;

/// Where the manifest is not what tools read: one module, the element's
/// class with its tag, every entry named, described and typed, twins
/// naming each other, and the definition of the tag.
pub(super) fn manifest_problems(c: &Contract, m: &Value) -> Vec<String> {
    let mut out = Problems::new("the manifest");
    let e = &c.element;
    let list = |v: &Value| v.as_array().cloned().unwrap_or_default();
    if m["schemaVersion"] != "2.1.0" {
        out.push(format!(
            "schemaVersion is {}, not \"2.1.0\"",
            m["schemaVersion"]
        ));
    }
    let modules = list(&m["modules"]);
    let [module] = modules.as_slice() else {
        out.push(format!(
            "the manifest has {} modules, not one",
            modules.len()
        ));
        return out.list;
    };
    if module["kind"] != "javascript-module" || module["path"] != e.module.as_str() {
        out.push(format!(
            "the module is not the javascript-module {}",
            e.module
        ));
    }
    let declarations = list(&module["declarations"]);
    let Some(d) = declarations.iter().find(|d| d["customElement"] == true) else {
        out.push("the module declares no custom element".to_owned());
        return out.list;
    };
    if d["kind"] != "class" || d["name"] != e.class.as_str() || d["tagName"] != e.tag.as_str() {
        out.push(format!(
            "the declaration is not the class {} of <{}>",
            e.class, e.tag
        ));
    }
    let parts = [
        ("attributes", "attribute"),
        ("members", "property"),
        ("events", "event"),
        ("cssProperties", "CSS custom property"),
    ];
    for (key, kind) in parts {
        let mut seen = BTreeSet::new();
        for entry in list(&d[key]) {
            let name = entry["name"].as_str().unwrap_or_default().to_owned();
            let typed = key == "cssProperties" || entry["type"]["text"].is_string();
            if name.is_empty() || !entry["description"].is_string() || !typed {
                out.push(format!(
                    "{kind} {entry} lacks a name, a description or a type"
                ));
            }
            seen.insert(name);
        }
        out.compare(kind, &c.names(kind), &seen);
    }
    let members = list(&d["members"]);
    for a in list(&d["attributes"])
        .iter()
        .filter(|a| a["fieldName"].is_string())
    {
        let twin = |m: &&Value| m["name"] == a["fieldName"] && m["attribute"] == a["name"];
        if !members.iter().any(|m| twin(&m)) {
            out.push(format!(
                "attribute {}'s fieldName is no member naming it",
                a["name"]
            ));
        }
    }
    for member in &members {
        let readonly = c
            .property(member["name"].as_str().unwrap_or_default())
            .is_some_and(|p| p.readonly);
        if member["kind"] != "field" || member["readonly"].as_bool().unwrap_or(false) != readonly {
            out.push(format!(
                "member {} is no field, or is read-only only here",
                member["name"]
            ));
        }
    }
    for ev in list(&d["events"]) {
        if !ev["type"]["text"]
            .as_str()
            .unwrap_or_default()
            .starts_with("CustomEvent<")
        {
            out.push(format!("event {}'s type is no CustomEvent", ev["name"]));
        }
    }
    let defines = list(&module["exports"]).into_iter().any(|x| {
        let at = &x["declaration"];
        x["kind"] == "custom-element-definition"
            && x["name"] == d["tagName"]
            && at["name"] == d["name"]
            && (at["module"].is_null() || at["module"] == module["path"])
    });
    if !defines {
        out.push(format!(
            "the module exports no custom-element-definition of <{}>",
            e.tag
        ));
    }
    out.list
}

/// `npx tsc --noEmit --strict` on `files` in `dir`: whether it passed,
/// and what it said.
fn tsc(dir: &Path, files: &[&str]) -> (bool, String) {
    let installed = root().join("node_modules/typescript").exists();
    assert!(
        installed,
        "TypeScript is missing: run `npm ci` (package.json lists it)"
    );
    let run = Command::new("npx")
        .args([
            "--no", "--", "tsc", "--noEmit", "--strict", "--pretty", "false",
        ])
        .args(["--target", "es2022", "--lib", "es2022,dom"])
        .args(["--module", "esnext", "--moduleResolution", "bundler"])
        .args(files)
        .current_dir(dir)
        .output()
        .expect("run npx tsc");
    let said = [run.stdout, run.stderr].map(|s| String::from_utf8_lossy(&s).into_owned());
    (run.status.success(), said.concat())
}

/// The errors tsc reported in `file`, as (line, code).
fn errors(said: &str, file: &str) -> BTreeSet<(usize, String)> {
    let lines = said
        .lines()
        .filter_map(|line| line.strip_prefix(file)?.strip_prefix('('));
    let error = |rest: &str| {
        let (at, rest) = rest.split_once(',')?;
        let code = rest.split("error ").nth(1)?.split(':').next()?;
        Some((at.parse().ok()?, code.to_owned()))
    };
    lines.filter_map(error).collect()
}

/// A page's use of the element, every line of which must compile: each
/// property read as its type and set to its default, each event's
/// detail read as its type, then what a page writes by hand.
fn usage(c: &Contract) -> String {
    let (e, module) = (&c.element, format!("./{}", c.element.module));
    let types: Vec<&str> = c.types.iter().map(|t| t.name.as_str()).collect();
    let mut s = format!("import '{module}';\n");
    s += &format!(
        "import type {{ {}, {} }} from '{module}';\n",
        e.class,
        types.join(", ")
    );
    s += &format!(
        "const el: {} = document.createElement({});\n",
        e.class,
        json!(e.tag)
    );
    for (i, p) in c.properties.iter().enumerate() {
        s += &format!("const read{i}: {} = el.{};\n", p.ty, p.name);
        if let (false, Some(default)) = (p.readonly, &p.default) {
            s += &format!("el.{} = {default};\n", p.name);
        }
    }
    for ev in &c.events {
        let (name, detail) = (json!(ev.name), &ev.detail);
        s += &format!("el.addEventListener({name}, (e) => {{ const d: {detail} = e.detail; }});\n");
    }
    s + r#"
el.theme = 'dark';
el.permalink = true;
el.guideSrc = '/guides/ours.json';
el.answers = { shape: 'multi_step', voice: null, residency: undefined };
el.answers = '{"voice": true}';
const given: DecisionAnswer | undefined = el.answers['voice'];
el.addEventListener('decision-change', (event) => {
  const result: DecisionResult = event.detail;
  const first: string | undefined = result.would_change[0]?.question;
  const blocked: string[] | undefined = result.nearest[0]?.blocked;
  const confirm: string[] | undefined = result.would_change[0]?.conflicts ?? result.nearest[0]?.conflicts;
  const read: string | undefined = result.guide.notes_read;
  const status: 'recommended' | 'confirm_first' | 'leaning' | 'blocked' = result.status;
  const sure: boolean = status === 'recommended' || status === 'confirm_first';
  const open: string[] = [...result.ask_first, ...result.could_block];
  console.log(result.path, result.enough, first, blocked, confirm, read, sure, open, event.bubbles);
});
el.addEventListener('click', (event) => console.log(event.clientX));
const found: DecisionGuideElement | null = document.querySelector('decision-guide');
document.body.append(el);
console.log(given, found, el.result?.reasons[0]?.rule);
"#
}

/// Uses that must not compile, each with the error tsc must give there
/// (none for the lines that set them up): a value the module does not
/// export, a read-only property written, values of the wrong type, a
/// detail read as what it is not, a field that does not exist, a status
/// the result never has, and the interface used as a class.
fn wrong_usage(c: &Contract) -> Vec<(&'static str, String)> {
    let (e, module) = (&c.element, format!("./{}", c.element.module));
    let mut lines = vec![
        ("", format!("import {{ {} }} from '{module}';", e.class)),
        (
            "TS2305",
            format!("import {{ defineDecisionGuide }} from '{module}';"),
        ),
        (
            "",
            format!("const el = document.createElement({});", json!(e.tag)),
        ),
    ];
    for p in c.properties.iter().filter(|p| p.readonly) {
        let value = p.default.as_deref().unwrap_or("undefined");
        lines.push(("TS2540", format!("el.{} = {value};", p.name)));
    }
    let detail = "(e) => { const n: number = e.detail.path; }";
    lines.extend([
        ("TS2322", "el.theme = 'blue';".to_owned()),
        ("TS2322", "el.permalink = 'yes';".to_owned()),
        ("TS2322", "el.answers = 42;".to_owned()),
        (
            "TS2322",
            format!("el.addEventListener('decision-change', {detail});"),
        ),
        ("TS2339", "console.log(el.result?.paths);".to_owned()),
        (
            "TS2322",
            "const unsure: NonNullable<typeof el.result>['status'] = 'unsure';".to_owned(),
        ),
        ("TS2693", format!("new {}();", e.class)),
    ]);
    lines
}

#[test]
fn the_manifest_names_every_entry_as_tools_read_it() {
    let c = table();
    let dir = scratch("manifest");
    write(&root(), &dir).expect("write the contract");
    let text = std::fs::read_to_string(dir.join(MANIFEST)).expect("read the manifest");
    let manifest: Value = serde_json::from_str(&text).expect("the manifest is JSON");
    assert_none("the manifest", manifest_problems(&c, &manifest));

    // The schema's own types, members taken as custom-element fields
    // (its `ClassMember` union leaves out their `attribute` and
    // `reflects`). The literal meets excess-property checks, so a
    // misspelt or misplaced key fails too.
    let check = |manifest: &str| {
        let schema = "import type * as Schema from 'custom-elements-manifest';";
        let declaration = "Omit<Schema.CustomElementDeclaration, 'members'> \
                           & { members?: Schema.CustomElementField[] }";
        let module = "Omit<Schema.JavaScriptModule, 'declarations'> \
                      & { declarations?: Declaration[] }";
        let package = "Omit<Schema.Package, 'modules'> & { modules: Module[] }";
        format!(
            "{schema}\ntype Declaration = {declaration};\ntype Module = {module};\n\
             const manifest: {package} = {manifest};\n\
             export const official: Schema.Package = manifest;\n"
        )
    };
    std::fs::write(dir.join("schema.ts"), check(&text)).expect("write schema.ts");
    let (passed, said) = tsc(&dir, &["schema.ts"]);
    assert!(
        passed,
        "the manifest does not fit the schema's types:\n{said}"
    );
    let misspelt = check(&text.replacen("\"fieldName\"", "\"fieldname\"", 1));
    std::fs::write(dir.join("misspelt.ts"), misspelt).expect("write misspelt.ts");
    let (passed, said) = tsc(&dir, &["misspelt.ts"]);
    assert!(
        !passed && said.contains("fieldname"),
        "a misspelt key passed:\n{said}"
    );
}

#[test]
fn the_declarations_compile_and_refuse_wrong_use() {
    let c = table();
    let dir = scratch("types");
    write(&root(), &dir).expect("write the contract");
    let types = c.types_file();
    std::fs::write(dir.join("usage.ts"), usage(&c)).expect("write usage.ts");
    let (passed, said) = tsc(&dir, &[&types, "usage.ts"]);
    assert!(passed, "{types} or its use does not compile:\n{said}");

    let wrong = wrong_usage(&c);
    let text: String = wrong.iter().map(|(_, line)| format!("{line}\n")).collect();
    std::fs::write(dir.join("wrong.ts"), text).expect("write wrong.ts");
    let (passed, said) = tsc(&dir, &[&types, "wrong.ts"]);
    let expected: BTreeSet<(usize, String)> = wrong
        .iter()
        .enumerate()
        .filter(|(_, (code, _))| !code.is_empty())
        .map(|(i, (code, _))| (i + 1, (*code).to_owned()))
        .collect();
    assert!(!passed, "wrong.ts compiled");
    assert_eq!(
        errors(&said, "wrong.ts"),
        expected,
        "(line, error) in wrong.ts:\n{said}"
    );
}
