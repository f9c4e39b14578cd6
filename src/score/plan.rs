//! What the group does next: the discussion agenda and the action plan.

use serde::Serialize;

use super::{AspectScore, Commentary, Planned};
use crate::framework::Framework;

/// A disagreement for the group to discuss.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgendaItem {
    /// The aspect.
    pub aspect: String,
    /// Its name.
    pub name: String,
    /// Highest minus lowest level.
    pub spread: u8,
    /// 2 or more levels apart.
    pub needs_discussion: bool,
    /// Each reviewer's level, by name.
    pub levels: Vec<(String, u8)>,
    /// What each reviewer wrote.
    pub commentary: Vec<Commentary>,
}

/// One step of the action plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanItem {
    /// The aspect.
    pub aspect: String,
    /// Its name.
    pub name: String,
    /// The level now: the claim, or what the records support where they differ.
    pub level: u8,
    /// The benchmark.
    pub benchmark: u8,
    /// Below the benchmark.
    pub below_benchmark: bool,
    /// The level to reach next.
    pub next_level: u8,
    /// What the next level looks like.
    pub next_statement: String,
    /// The framework's improvement actions for the step.
    pub improvement_actions: Vec<String>,
    /// What the workbooks plan, with owner and target date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub planned: Option<Planned>,
}

/// The disagreements, widest first, then in framework order.
pub fn agenda(aspects: &[AspectScore]) -> Vec<AgendaItem> {
    let mut items: Vec<(usize, AgendaItem)> = aspects
        .iter()
        .enumerate()
        .filter(|(_, a)| a.disagreement)
        .map(|(i, a)| {
            let item = AgendaItem {
                aspect: a.code.clone(),
                name: a.name.clone(),
                spread: a.spread.unwrap_or(0),
                needs_discussion: a.needs_discussion,
                levels: a.reviewers.iter().map(|(n, l)| (n.clone(), *l)).collect(),
                commentary: a.commentary.clone(),
            };
            (i, item)
        })
        .collect();
    items.sort_by(|(i, x), (j, y)| y.spread.cmp(&x.spread).then(i.cmp(j)));
    items.into_iter().map(|(_, item)| item).collect()
}

/// For every scored aspect not yet at level 1: the next level and how to get there.
/// Below-benchmark aspects come first, the furthest below first; then framework order.
pub fn actions(fw: &Framework, aspects: &[AspectScore]) -> Vec<PlanItem> {
    let mut items: Vec<(usize, PlanItem)> = Vec::new();
    for (i, a) in aspects.iter().enumerate() {
        let Some(level) = a.counted.filter(|&l| l > 1) else {
            continue;
        };
        let Some((_, _, aspect)) = fw.aspect(&a.code) else {
            continue;
        };
        let next_level = level - 1;
        items.push((
            i,
            PlanItem {
                aspect: a.code.clone(),
                name: a.name.clone(),
                level,
                benchmark: a.benchmark,
                below_benchmark: level > a.benchmark,
                next_level,
                next_statement: aspect.statement(next_level).unwrap_or_default().to_string(),
                improvement_actions: aspect
                    .step_from(level)
                    .map(|s| s.actions.clone())
                    .unwrap_or_default(),
                planned: a.planned.clone(),
            },
        ));
    }
    let gap = |p: &PlanItem| i16::from(p.level) - i16::from(p.benchmark);
    items.sort_by(|(i, x), (j, y)| {
        y.below_benchmark
            .cmp(&x.below_benchmark)
            .then(if x.below_benchmark {
                gap(y).cmp(&gap(x))
            } else {
                std::cmp::Ordering::Equal
            })
            .then(i.cmp(j))
    });
    items.into_iter().map(|(_, item)| item).collect()
}
