//! The results screen: markup for a [`ResultsView`] computed by the results
//! worker. Props in, markup and edits out; no browser APIs, no arithmetic
//! (every figure arrives formatted).

use std::collections::BTreeMap;
use std::rc::Rc;

use engine::{Action, AssumptionValue, PlanEntry, Status};
use i18n::{Locale, Msg};
use results::{ActionView, Explain, ResultsView, Three};
use yew::prelude::*;

use crate::components::NumberInput;

#[derive(Properties)]
pub struct ResultsPanelProps {
    pub view: Rc<ResultsView>,
    pub locale: Locale,
    /// The visitor's plan and assumption overrides, from the app's state:
    /// shown from there so that an edit shows at once, before the worker
    /// answers with the new figures.
    pub plan: BTreeMap<String, PlanEntry>,
    pub overrides: BTreeMap<String, AssumptionValue>,
    /// Edits of the plan and of the assumptions.
    pub onaction: Callback<Action>,
}

/// A new view is a new `Rc` (each answer of the worker), so pointer equality
/// is exact and costs no generated comparison code.
impl PartialEq for ResultsPanelProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.view, &other.view)
            && self.locale == other.locale
            && self.plan == other.plan
            && self.overrides == other.overrides
            && self.onaction == other.onaction
    }
}

/// "How was this computed?": the formula, then a row per term set.
/// With `named`, the summary names the figure (where several sit together).
fn how(x: &Explain, locale: Locale, named: bool) -> Html {
    let summary = if named { format!("{} — {}", locale.t(Msg::ViewHow), x.result.label) } else { locale.t(Msg::ViewHow).to_string() };
    html! {
        <details class="how">
            <summary>{ summary }</summary>
            <p>{ &x.formula }</p>
            <ul>
                { for x.rows.iter().map(|r| html! {
                    <li>
                        if !r.subject.is_empty() { <strong>{ &r.subject }</strong>{ ": " } }
                        { for r.terms.iter().enumerate().map(|(i, t)| html! {
                            <>
                                if i > 0 { { " · " } }
                                { format!("{} {}", t.label, t.value) }
                                if !t.source.is_empty() { <span class="src">{ format!(" [{}]", t.source) }</span> }
                            </>
                        }) }
                    </li>
                }) }
            </ul>
            <p><strong>{ format!("{}: {}", x.result.label, x.result.value) }</strong></p>
        </details>
    }
}

fn three_cells(t: &Three) -> Html {
    html! { <>{ for t.iter().map(|v| html! { <td>{ v }</td> }) }</> }
}

fn head(locale: Locale, first: Msg) -> Html {
    html! {
        <thead><tr>
            <th scope="col"><span class="visually-hidden">{ locale.t(first) }</span></th>
            <th scope="col">{ locale.t(Msg::ViewLow) }</th>
            <th scope="col">{ locale.t(Msg::ViewTypical) }</th>
            <th scope="col">{ locale.t(Msg::ViewHigh) }</th>
        </tr></thead>
    }
}

/// One action of the plan, with its what-if box and the visitor's notes.
fn action_card(a: &ActionView, entry: Option<&PlanEntry>, locale: Locale, onaction: &Callback<Action>) -> Html {
    let entry = entry.cloned().unwrap_or_default();
    let id = a.id.clone();
    let field = |suffix: &str| format!("plan-{}-{suffix}", a.id);
    let on_plan = {
        let id = id.clone();
        onaction.reform(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            Action::SetPlanned { action: id.clone(), planned: input.checked() }
        })
    };
    let on_owner = {
        let id = id.clone();
        onaction.reform(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            Action::SetActionOwner { action: id.clone(), owner: Some(v) }
        })
    };
    let on_due = {
        let id = id.clone();
        onaction.reform(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            Action::SetActionDue { action: id.clone(), due: (!v.is_empty()).then_some(v) }
        })
    };
    let on_status = onaction.reform(move |e: Event| {
        let status = match e.target_unchecked_into::<web_sys::HtmlSelectElement>().value().as_str() {
            "doing" => Status::Doing,
            "done" => Status::Done,
            _ => Status::Todo,
        };
        Action::SetActionStatus { action: id.clone(), status }
    });
    let statuses = [(Status::Todo, "todo", Msg::StatusTodo), (Status::Doing, "doing", Msg::StatusDoing), (Status::Done, "done", Msg::StatusDone)];
    html! {
        <li class={classes!("action", entry.planned.then_some("planned"))} data-action={a.id.clone()}>
            <div class="action-head">
                <input type="checkbox" id={field("planned")} checked={entry.planned} onchange={on_plan} />
                <label for={field("planned")}>
                    <span class="action-title">{ &a.action }</span>
                    <span class="visually-hidden">{ format!(" — {}", locale.t(Msg::ViewPlanThis)) }</span>
                </label>
            </div>
            <p class="badges">
                if a.critical { <span class="badge critical">{ locale.t(Msg::ViewCriticalBadge) }</span> }
                if a.quick_win { <span class="badge quick">{ locale.t(Msg::ViewQuickWin) }</span> }
                if a.unknown { <span class="badge unknown">{ locale.t(Msg::ViewCriticalUnknown) }</span> }
                <span class="badge">{ &a.area }</span>
            </p>
            <p class="action-figures">
                <span>{ &a.gain }</span>{ " · " }<span>{ &a.avoids }</span>{ " · " }
                <span>{ locale.tf(Msg::ViewEffort, &[("effort", &a.effort)]) }</span>{ " · " }
                <span>{ locale.tf(Msg::ViewOwnerRole, &[("role", &a.owner_role)]) }</span>
            </p>
            <details class="why">
                <summary>{ locale.t(Msg::ViewWhy) }</summary>
                <p class="question-text">{ &a.question }</p>
                <p>{ &a.why }</p>
                if !a.console.is_empty() { <p>{ locale.t(Msg::ViewFix) }{ ": " }{ &a.console }</p> }
                if !a.legal.is_empty() { <p>{ locale.t(Msg::ViewLegal) }{ ": " }{ a.legal.join("; ") }</p> }
            </details>
            <div class="grid plan-fields">
                <div class="field">
                    <label for={field("owner")}>{ locale.t(Msg::ViewOwner) }</label>
                    <input type="text" id={field("owner")} maxlength="200" value={entry.owner.clone().unwrap_or_default()} onchange={on_owner} />
                </div>
                <div class="field">
                    <label for={field("due")}>{ locale.t(Msg::ViewDue) }</label>
                    <input type="date" id={field("due")} min="2000-01-01" max="2999-12-31" value={entry.due.clone().unwrap_or_default()} onchange={on_due} />
                </div>
                <div class="field">
                    <label for={field("status")}>{ locale.t(Msg::ViewStatus) }</label>
                    <select id={field("status")} onchange={on_status}>
                        { for statuses.iter().map(|(s, v, m)| html! { <option value={*v} selected={entry.status == *s}>{ locale.t(*m) }</option> }) }
                    </select>
                </div>
            </div>
        </li>
    }
}

/// Scores, critical gaps, the action plan with its what-if, the money panel
/// and the assumptions, each figure with "how was this computed".
#[component]
pub fn ResultsPanel(props: &ResultsPanelProps) -> Html {
    let ResultsPanelProps { view, locale, onaction, plan, overrides } = props;
    let locale = *locale;
    let v = &**view;
    let summary = match &v.overall {
        None => html! { <p>{ locale.t(Msg::ScoreNone) }</p> },
        Some(o) => html! {
            // Polite live region: ticking an action announces the planned score.
            <div class={classes!("summary", format!("risk-{}", o.risk_level))} aria-live="polite">
                <p class="big-score" id="results-score">{ locale.tf(Msg::ScoreLabel, &[("score", &o.points.to_string())]) }</p>
                <p class="maturity"><strong>{ locale.tf(Msg::ViewMaturity, &[("level", &o.maturity)]) }</strong>{ " — " }{ &o.maturity_about }</p>
                <p><span class="badge risk" id="results-risk">{ locale.tf(Msg::ViewRisk, &[("level", &o.risk)]) }</span></p>
                if o.unknowns > 0 {
                    <p id="results-range">{ locale.tf(Msg::ViewRange, &[("low", &o.low.to_string()), ("high", &o.high.to_string()), ("count", &o.unknowns.to_string())]) }</p>
                }
                if let Some(p) = o.planned {
                    <p id="results-planned">{ locale.tf(Msg::ViewPlannedScore, &[("score", &p.to_string())]) }{ format!(" ({})", o.planned_maturity) }</p>
                }
                if v.answered < v.total {
                    <p>{ locale.tf(Msg::ViewIncomplete, &[("count", &(v.total - v.answered).to_string())]) }</p>
                }
                { how(&o.explain, locale, false) }
            </div>
        },
    };
    let areas = html! {
        <section aria-labelledby="areas-title">
            <h3 id="areas-title">{ locale.t(Msg::ViewAreas) }</h3>
            <ul class="bars">
                { for v.areas.iter().map(|a| {
                    let now = a.current.map_or_else(|| locale.t(Msg::ViewAreaNone).to_string(), |p| p.to_string());
                    let planned = a.planned.filter(|p| Some(*p) != a.current);
                    html! {
                        <li data-area={a.id.clone()}>
                            <span class="bar-label">{ &a.title }</span>
                            <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                                <rect class="track" x="0" y="0" width="100" height="10" rx="5" />
                                if let Some(p) = planned { <rect class="planned" x="0" y="0" width={p.to_string()} height="10" rx="5" /> }
                                <rect class="now" x="0" y="0" width={a.current.unwrap_or(0).to_string()} height="10" rx="5" />
                            </svg>
                            <span class="bar-value">{ now }
                                if let Some(p) = planned { { format!(" → {p}") } }
                            </span>
                            if let Some(x) = &a.explain { { how(x, locale, false) } }
                        </li>
                    }
                }) }
            </ul>
        </section>
    };
    let critical = html! {
        <section aria-labelledby="critical-title">
            <h3 id="critical-title">{ locale.t(Msg::ViewCritical) }</h3>
            if v.critical.is_empty() {
                <p>{ locale.t(Msg::ViewCriticalNone) }</p>
            } else {
                <ul class="critical" id="critical-gaps">
                    { for v.critical.iter().map(|c| html! {
                        <li>{ &c.question }{ format!(" ({})", c.area) }
                            if c.unknown { { format!(" — {}", locale.t(Msg::ViewCriticalUnknown)) } }
                        </li>
                    }) }
                </ul>
            }
        </section>
    };
    let plan = html! {
        <section aria-labelledby="plan-title">
            <h3 id="plan-title">{ locale.t(Msg::ViewPlan) }</h3>
            if v.actions.is_empty() {
                <p>{ locale.t(Msg::ViewPlanNone) }</p>
            } else {
                <p class="intro">{ locale.t(Msg::ViewPlanIntro) }</p>
                <ol class="plan" id="action-plan">{ for v.actions.iter().map(|a| action_card(a, plan.get(&a.id), locale, onaction)) }</ol>
            }
        </section>
    };
    let money = v.money.as_ref().map(|m| {
        let returns = |title: Msg, r: &results::ReturnView| html! {
            <>
                <div class="table-wrap" tabindex="0" role="region" aria-label={locale.t(title)}><table class="money">
                    <caption>{ locale.t(title) }</caption>
                    { head(locale, title) }
                    <tbody>{ for r.rows.iter().map(|(label, t)| html! { <tr><th scope="row">{ label }</th>{ three_cells(t) }</tr> }) }</tbody>
                </table></div>
                { for r.explain.iter().map(|x| how(x, locale, true)) }
            </>
        };
        html! {
            <section aria-labelledby="money-title" id="money">
                <h3 id="money-title">{ locale.t(Msg::ViewMoney) }</h3>
                <p class="intro">{ locale.t(Msg::ViewMoneyIntro) }</p>
                <div class="table-wrap" tabindex="0" role="region" aria-label={locale.t(Msg::ViewNow)}><table class="money" id="exposure-now">
                    <caption>{ locale.t(Msg::ViewNow) }</caption>
                    { head(locale, Msg::ViewNow) }
                    <tbody>
                        { for m.rows.iter().map(|r| html! {
                            <tr class={classes!(r.total.then_some("total"))}>
                                <th scope="row">{ &r.label }</th>
                                <td>{ &r.now[0] }</td>
                                <td>{ &r.now[1] }
                                    if r.total { <br /><span class="hkd">{ &r.now_hkd }</span> }
                                </td>
                                <td>{ &r.now[2] }</td>
                            </tr>
                        }) }
                    </tbody>
                </table></div>
                { for m.rows.iter().map(|r| how(&r.explain, locale, true)) }
                if let Some(plan) = &m.plan {
                    <div class="table-wrap" tabindex="0" role="region" aria-label={locale.t(Msg::ViewAfterPlan)}><table class="money" id="exposure-planned">
                        <caption>{ locale.t(Msg::ViewAfterPlan) }</caption>
                        { head(locale, Msg::ViewAfterPlan) }
                        <tbody>{ for m.rows.iter().map(|r| html! {
                            <tr class={classes!(r.total.then_some("total"))}><th scope="row">{ &r.label }</th>{ three_cells(&r.planned) }</tr>
                        }) }</tbody>
                    </table></div>
                    <div id="return-plan">{ returns(Msg::ViewReturnPlan, plan) }</div>
                } else {
                    <p id="return-plan">{ locale.t(Msg::ViewNoPlan) }</p>
                }
                <div id="return-all">{ returns(Msg::ViewReturnAll, &m.all) }</div>
                if let Some(g) = &m.gdpr { <p>{ g }</p> }
            </section>
        }
    });
    let assumptions = html! {
        <section aria-labelledby="assumptions-title" id="assumptions">
            <h3 id="assumptions-title">{ locale.t(Msg::ViewAssumptions) }</h3>
            <p class="intro">{ locale.t(Msg::ViewAssumptionsIntro) }</p>
            <ul class="assumptions">
                { for v.assumptions.iter().map(|a| {
                    let id = a.id.clone();
                    let scale = 10f64.powi(a.decimals as i32);
                    let shown = overrides.get(&a.id).map_or(a.default_shown, |v| v.range().typical as f64 / scale);
                    let onvalue = onaction.reform(move |x: Option<f64>| match x {
                        Some(x) => Action::SetAssumption { id: id.clone(), value: AssumptionValue::Single((x * scale).round() as i64) },
                        None => Action::ResetAssumption { id: id.clone() },
                    });
                    html! {
                        <li class={classes!(a.overridden.then_some("edited"))}>
                            <NumberInput id={format!("assumption-{}", a.id)} label={a.name.clone()} unit={a.unit.clone()}
                                min={a.min} max={a.max} decimals={a.decimals} value={Some(shown)} {locale} {onvalue} />
                            <p class="assumption-meta">
                                { &a.value }{ " · " }{ &a.default }
                                if a.overridden { { " · " }<strong>{ locale.t(Msg::ViewEdited) }</strong> }
                            </p>
                            // The source in the page's language (`content/costs.toml`).
                            <p class="src">{ format!("{} ({}): ", locale.t(Msg::ViewSource), a.source_kind) }{ &a.source }</p>
                        </li>
                    }
                }) }
            </ul>
            <button type="button" class="secondary" id="reset-assumptions" onclick={onaction.reform(|_: MouseEvent| Action::ResetAssumptions)}>
                { locale.t(Msg::ViewReset) }
            </button>
        </section>
    };
    html! {
        <div class="results" id="results">
            { summary }
            { critical }
            { for v.notes.iter().map(|n| html! { <p class="note">{ n }</p> }) }
            { areas }
            { plan }
            { money.unwrap_or_default() }
            { assumptions }
        </div>
    }
}
