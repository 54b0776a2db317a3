//! The comparison table (path / use when / watch out for), from the guide,
//! with the recommended row highlighted.

use yew::prelude::*;

use crate::state::SharedGuide;

/// Props of [`ComparisonTable`].
#[derive(Properties, PartialEq, Clone)]
pub struct ComparisonTableProps {
    /// The guide.
    pub guide: SharedGuide,
    /// Index of the recommended path.
    pub recommended: usize,
}

/// The table.
#[component]
pub fn ComparisonTable(props: &ComparisonTableProps) -> Html {
    let rows = props.guide.paths.iter().enumerate().map(|(i, p)| {
        let chosen = i == props.recommended;
        html! {
            <tr data-path={p.id.clone()} data-recommended={chosen.then_some("true")}
                class={classes!(chosen.then_some("dg-chosen"))} aria-current={chosen.then_some("true")}>
                <th scope="row">
                    { &p.name }
                    if chosen { <span class="dg-tag">{ "Recommended" }</span> }
                </th>
                <td data-label="Use when">{ &p.use_when }</td>
                <td data-label="Watch out for">{ &p.watch_out_for }</td>
            </tr>
        }
    });
    html! {
        <div class="dg-block dg-compare">
            <table>
                <caption>{ "The paths compared" }</caption>
                <thead><tr><th scope="col">{ "Path" }</th><th scope="col">{ "Use when" }</th><th scope="col">{ "Watch out for" }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
