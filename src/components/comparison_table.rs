//! The comparison table (path / use when / watch out for), from the guide,
//! with the recommended row highlighted.

use decision_guide_core::{text, PathId};
use yew::prelude::*;

use crate::state::SharedGuide;

/// Props of [`ComparisonTable`].
#[derive(Properties, PartialEq, Clone)]
pub struct ComparisonTableProps {
    /// The guide.
    pub guide: SharedGuide,
    /// The recommended path.
    pub recommended: PathId,
}

/// The table.
#[component]
pub fn ComparisonTable(props: &ComparisonTableProps) -> Html {
    let rows = props.guide.path_ids().map(|(p, path)| {
        let chosen = p == props.recommended;
        html! {
            <tr data-path={path.id().to_owned()} data-recommended={chosen.then_some("true")}
                class={chosen.then_some("dg-chosen")} aria-current={chosen.then_some("true")}>
                <th scope="row">
                    { path.name() }
                    if chosen { <span class="dg-tag">{ text::RECOMMENDED }</span> }
                </th>
                <td data-label={text::USE_WHEN}>{ path.use_when() }</td>
                <td data-label={text::WATCH_OUT_FOR}>{ path.watch_out_for() }</td>
            </tr>
        }
    });
    html! {
        <div class="dg-block dg-compare">
            <table>
                <caption>{ text::PATHS_COMPARED }</caption>
                <thead><tr><th scope="col">{ text::PATH }</th><th scope="col">{ text::USE_WHEN }</th><th scope="col">{ text::WATCH_OUT_FOR }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
