//! The element's contract as data: `src/element-contract.toml` declares the
//! attributes, properties, events and CSS custom properties of
//! `<decision-guide>` once, and [`write`] generates from it
//! `dist/custom-elements.json` (a Custom Elements Manifest, schema 2.1.0)
//! and `dist/decision-guide.d.ts`. The tests keep the table in step with
//! CONTRACT.md, `src/element.js`, `src/widget.css` and the fields the core
//! writes into the result, check the manifest against the schema's own
//! types and compile the declarations.
//!
//! This file holds the table's types, how it is read and what in it does
//! not fit; `manifest.rs` (with the schema's types in `cem.rs`) and `dts.rs`
//! generate from it, and `tests/` compares it with everything else.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{bail, Context, Result};
use serde::Deserialize;

mod cem;
mod dts;
mod manifest;
#[cfg(test)]
mod tests;

/// Where the table lives, from the workspace root.
pub const TABLE: &str = "src/element-contract.toml";

/// The manifest's file name (package.json's `customElements`).
pub const MANIFEST: &str = "custom-elements.json";

/// The table, as `src/element-contract.toml` spells it. The element has no
/// slots and no CSS parts, so neither has a place here: a `[[slot]]` in the
/// table is an unknown field until this reader learns it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Contract {
    element: Element,
    #[serde(default, rename = "attribute")]
    attributes: Vec<Attribute>,
    #[serde(default, rename = "property")]
    properties: Vec<Property>,
    #[serde(default, rename = "event")]
    events: Vec<Event>,
    #[serde(default, rename = "css-property")]
    css_properties: Vec<CssProperty>,
    #[serde(default, rename = "type")]
    types: Vec<TypeDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Element {
    tag: String,
    /// The name of the declarations' interface and the manifest's class.
    class: String,
    /// The module that defines the tag, relative to the package.
    module: String,
    description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Attribute {
    name: String,
    #[serde(rename = "type")]
    ty: String,
    default: Option<String>,
    /// Its property twin (the manifest's `fieldName`).
    property: Option<String>,
    /// Whether `observedAttributes` names it.
    #[cfg_attr(
        not(test),
        expect(dead_code, reason = "the tests check it against element.js")
    )]
    observed: bool,
    description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Property {
    name: String,
    #[serde(rename = "type")]
    ty: String,
    /// What the setter takes, where it takes more than the getter gives.
    write_type: Option<String>,
    default: Option<String>,
    #[serde(default)]
    readonly: bool,
    attribute: Option<String>,
    /// Whether setting the property sets the attribute.
    #[serde(default)]
    reflects: bool,
    description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Event {
    name: String,
    detail: String,
    bubbles: bool,
    composed: bool,
    description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CssProperty {
    name: String,
    syntax: Option<String>,
    default: Option<String>,
    description: String,
}

/// A named TypeScript type: an `alias`, or an interface of `fields`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TypeDef {
    name: String,
    alias: Option<String>,
    #[serde(default)]
    fields: Vec<Field>,
    description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Field {
    name: String,
    #[serde(rename = "type")]
    ty: String,
    #[serde(default)]
    optional: bool,
    description: String,
}

/// One entry of the table, whatever its kind, for the checks that treat
/// them alike.
struct Entry<'a> {
    kind: &'static str,
    name: String,
    description: &'a str,
    types: Vec<&'a str>,
}

/// Writes [`MANIFEST`] and the module's declarations (`decision-guide.d.ts`,
/// package.json's `types`) into `dist` from the table under `root`.
pub fn write(root: &Path, dist: &Path) -> Result<()> {
    let contract = Contract::load(root)?;
    std::fs::create_dir_all(dist)?;
    let manifest = serde_json::to_string_pretty(&contract.manifest())? + "\n";
    std::fs::write(dist.join(MANIFEST), manifest).with_context(|| format!("write {MANIFEST}"))?;
    let types = contract.types_file();
    let dts = contract
        .dts()
        .with_context(|| format!("generate {types}"))?;
    std::fs::write(dist.join(&types), dts).with_context(|| format!("write {types}"))
}

impl Contract {
    /// Reads the table, and refuses it, naming every problem at once, when
    /// its parts do not fit together.
    fn load(root: &Path) -> Result<Contract> {
        let text = std::fs::read_to_string(root.join(TABLE)).context(TABLE)?;
        let contract: Contract = toml::from_str(&text).context(TABLE)?;
        let problems = contract.problems();
        if !problems.is_empty() {
            bail!("{TABLE}:\n  {}", problems.join("\n  "));
        }
        Ok(contract)
    }

    /// The declarations' file name: the module's, `.js` made `.d.ts`.
    fn types_file(&self) -> String {
        let module = &self.element.module;
        format!("{}.d.ts", module.strip_suffix(".js").unwrap_or(module))
    }

    fn attribute(&self, name: &str) -> Option<&Attribute> {
        self.attributes.iter().find(|a| a.name == name)
    }

    fn property(&self, name: &str) -> Option<&Property> {
        self.properties.iter().find(|p| p.name == name)
    }

    fn type_def(&self, name: &str) -> Option<&TypeDef> {
        self.types.iter().find(|t| t.name == name)
    }

    /// Every entry: attributes, properties, events, CSS custom properties,
    /// types and their fields (named `Type.field`).
    fn entries(&self) -> Vec<Entry<'_>> {
        let entry = |kind, name: &str, description, types| Entry {
            kind,
            name: name.to_owned(),
            description,
            types,
        };
        let mut out = Vec::new();
        for a in &self.attributes {
            out.push(entry("attribute", &a.name, &a.description, vec![&a.ty]));
        }
        for p in &self.properties {
            let types = [Some(&p.ty), p.write_type.as_ref()].into_iter().flatten();
            let types = types.map(String::as_str).collect();
            out.push(entry("property", &p.name, &p.description, types));
        }
        for e in &self.events {
            out.push(entry("event", &e.name, &e.description, vec![&e.detail]));
        }
        for c in &self.css_properties {
            out.push(entry(
                "CSS custom property",
                &c.name,
                &c.description,
                vec![],
            ));
        }
        for t in &self.types {
            let alias = t.alias.iter().map(String::as_str).collect();
            out.push(entry("type", &t.name, &t.description, alias));
            for f in &t.fields {
                let name = format!("{}.{}", t.name, f.name);
                out.push(entry("field", &name, &f.description, vec![&f.ty]));
            }
        }
        out
    }

    /// What does not fit: duplicates, twins that do not name each other,
    /// types that are not declared, texts that would break a comment.
    fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut seen = BTreeSet::new();
        for e in self.entries() {
            let at = format!("{} `{}`", e.kind, e.name);
            if !seen.insert((e.kind, e.name.clone())) {
                out.push(format!("{at} is declared twice"));
            }
            let one_line = !e.description.trim().is_empty() && !e.description.contains('\n');
            if !one_line || e.description.contains("*/") {
                out.push(format!(
                    "{at} needs a description on one line, without `*/`"
                ));
            }
            for ty in e.types {
                for name in type_names(ty)
                    .into_iter()
                    .filter(|n| self.type_def(n).is_none())
                {
                    out.push(format!("{at} uses type `{name}`, which is not declared"));
                }
            }
        }
        for a in &self.attributes {
            let Some(p) = &a.property else { continue };
            let twin = self.property(p).and_then(|p| p.attribute.as_deref());
            if twin != Some(a.name.as_str()) || *p != camel_case(&a.name) {
                let name = camel_case(&a.name);
                out.push(format!(
                    "attribute `{}`'s twin must be `{name}`, naming it back",
                    a.name
                ));
            }
        }
        for p in &self.properties {
            let twin = p
                .attribute
                .as_deref()
                .and_then(|a| self.attribute(a)?.property.as_deref());
            if p.attribute.is_some() && twin != Some(p.name.as_str()) {
                out.push(format!(
                    "property `{}` names an attribute that does not name it",
                    p.name
                ));
            }
            if p.reflects && p.attribute.is_none() {
                out.push(format!(
                    "property `{}` reflects but names no attribute",
                    p.name
                ));
            }
            if p.readonly && (p.attribute.is_some() || p.write_type.is_some()) {
                out.push(format!(
                    "read-only property `{}` has an attribute or a setter",
                    p.name
                ));
            }
        }
        for c in self
            .css_properties
            .iter()
            .filter(|c| !c.name.starts_with("--dg-"))
        {
            out.push(format!(
                "CSS custom property `{}` does not start with --dg-",
                c.name
            ));
        }
        for t in self
            .types
            .iter()
            .filter(|t| t.alias.is_some() != t.fields.is_empty())
        {
            out.push(format!("type `{}` needs either an alias or fields", t.name));
        }
        out
    }
}

impl Event {
    /// Its description, and how it travels, which a listener needs to know.
    fn full_description(&self) -> String {
        let travels = match (self.bubbles, self.composed) {
            (true, true) => {
                "It bubbles and is composed, so it reaches the page from a shadow root."
            }
            (true, false) => "It bubbles, but not out of a shadow root the element is in.",
            (false, true) => "It is composed but does not bubble.",
            (false, false) => "It does not bubble: listen on the element.",
        };
        format!("{} {travels}", self.description)
    }
}

/// `guide-src` → `guideSrc`: the name a property twin of an attribute takes.
fn camel_case(attribute: &str) -> String {
    let mut parts = attribute.split('-');
    let first = parts.next().unwrap_or_default().to_owned();
    parts.fold(first, |mut out, part| {
        let mut chars = part.chars();
        out.extend(chars.next().map(|c| c.to_ascii_uppercase()));
        out.push_str(chars.as_str());
        out
    })
}

/// The names of declared types a type text uses: the identifiers that
/// start with a capital (TypeScript's own are lower case), outside string
/// literals.
fn type_names(ty: &str) -> Vec<&str> {
    let outside_strings = ty.split('"').step_by(2);
    let words = outside_strings.flat_map(|s| s.split(|c: char| !c.is_ascii_alphanumeric()));
    words
        .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
        .collect()
}
