//! What this writes of the Custom Elements Manifest schema 2.1.0, in its
//! names and in the order a reader expects: a name first, absent values
//! left out.

use serde::Serialize;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Package<'a> {
    pub schema_version: &'static str,
    pub modules: [Module<'a>; 1],
}

#[derive(Serialize)]
pub struct Module<'a> {
    pub kind: &'static str,
    pub path: &'a str,
    pub declarations: [Declaration<'a>; 1],
    pub exports: [Export<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Declaration<'a> {
    pub kind: &'static str,
    pub custom_element: bool,
    pub name: &'a str,
    pub tag_name: &'a str,
    pub description: &'a str,
    pub superclass: Reference<'a>,
    pub attributes: Vec<Attribute<'a>>,
    pub members: Vec<Field<'a>>,
    pub events: Vec<Event<'a>>,
    pub css_properties: Vec<CssProperty<'a>>,
}

#[derive(Serialize)]
pub struct Reference<'a> {
    pub name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub package: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub module: Option<&'a str>,
}

#[derive(Serialize)]
pub struct Type {
    pub text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Attribute<'a> {
    pub name: &'a str,
    #[serde(rename = "type")]
    pub ty: Type,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field_name: Option<&'a str>,
    pub description: &'a str,
}

#[derive(Serialize)]
pub struct Field<'a> {
    pub kind: &'static str,
    pub name: &'a str,
    pub privacy: &'static str,
    #[serde(rename = "type")]
    pub ty: Type,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub readonly: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub reflects: bool,
    pub description: &'a str,
}

#[derive(Serialize)]
pub struct Event<'a> {
    pub name: &'a str,
    #[serde(rename = "type")]
    pub ty: Type,
    pub description: String,
}

#[derive(Serialize)]
pub struct CssProperty<'a> {
    pub name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub syntax: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<&'a str>,
    pub description: &'a str,
}

#[derive(Serialize)]
pub struct Export<'a> {
    pub kind: &'static str,
    pub name: &'a str,
    pub declaration: Reference<'a>,
}
