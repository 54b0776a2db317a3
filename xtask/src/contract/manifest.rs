//! The Custom Elements Manifest of the element, from the table.

use super::{cem, Contract};

impl Contract {
    /// The Custom Elements Manifest: one module with the element's class
    /// and the definition of its tag.
    pub(super) fn manifest(&self) -> cem::Package<'_> {
        let e = &self.element;
        let text = |ty: &str| cem::Type {
            text: ty.to_owned(),
        };
        let attributes = self.attributes.iter().map(|a| cem::Attribute {
            name: &a.name,
            ty: text(&a.ty),
            default: a.default.as_deref(),
            field_name: a.property.as_deref(),
            description: &a.description,
        });
        // Tools type what may be set, so a setter that takes more than the
        // getter gives is described by what it takes.
        let members = self.properties.iter().map(|p| cem::Field {
            kind: "field",
            name: &p.name,
            privacy: "public",
            ty: text(p.write_type.as_ref().unwrap_or(&p.ty)),
            default: p.default.as_deref(),
            readonly: p.readonly,
            attribute: p.attribute.as_deref(),
            reflects: p.reflects,
            description: &p.description,
        });
        let events = self.events.iter().map(|ev| cem::Event {
            name: &ev.name,
            ty: text(&format!("CustomEvent<{}>", ev.detail)),
            description: ev.full_description(),
        });
        let css_properties = self.css_properties.iter().map(|c| cem::CssProperty {
            name: &c.name,
            syntax: c.syntax.as_deref(),
            default: c.default.as_deref(),
            description: &c.description,
        });
        let class = |module| cem::Reference {
            name: &e.class,
            package: None,
            module,
        };
        cem::Package {
            schema_version: "2.1.0",
            modules: [cem::Module {
                kind: "javascript-module",
                path: &e.module,
                declarations: [cem::Declaration {
                    kind: "class",
                    custom_element: true,
                    name: &e.class,
                    tag_name: &e.tag,
                    description: &e.description,
                    superclass: cem::Reference {
                        name: "HTMLElement",
                        package: Some("global:"),
                        module: None,
                    },
                    attributes: attributes.collect(),
                    members: members.collect(),
                    events: events.collect(),
                    css_properties: css_properties.collect(),
                }],
                exports: [cem::Export {
                    kind: "custom-element-definition",
                    name: &e.tag,
                    declaration: class(Some(&e.module)),
                }],
            }],
        }
    }
}
