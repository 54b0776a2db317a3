//! The paths a guide recommends, with their rows of the comparison table,
//! and the catalogue of responsibilities a path leaves to the team.

use crate::ids::{CondId, RespId};
use crate::model::{List, Text};

/// A recommended path and its row of the comparison table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathDef {
    pub(crate) id: Text,
    pub(crate) name: Text,
    pub(crate) summary: Text,
    pub(crate) use_when: Text,
    pub(crate) watch_out_for: Text,
    pub(crate) rule_of_thumb: Text,
    pub(crate) layer: Text,
    pub(crate) you_still_own: List<RespId>,
}

/// An item of the "you still own" catalogue, listed only where its
/// condition holds for the answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Responsibility {
    pub(crate) id: Text,
    pub(crate) text: Text,
    pub(crate) when: CondId,
    /// Where the answers say it is already in place (shown apart from the
    /// to-dos); `None`: never.
    pub(crate) in_place: Option<CondId>,
}

text_getters!(PathDef {
    /// Stable id, the result's `path` (`CONTRACT.md` §1 lists the
    /// built-in guide's).
    id,
    /// Display name.
    name,
    /// One line: what the path is for.
    summary,
    /// The comparison table's "use when".
    use_when,
    /// The comparison table's "watch out for".
    watch_out_for,
    /// Its line of the rule of thumb.
    rule_of_thumb,
    /// Its layer of the layers picture.
    layer,
});

text_getters!(Responsibility {
    /// Stable id.
    id,
    /// The item in words.
    text,
});
