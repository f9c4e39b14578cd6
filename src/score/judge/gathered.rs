//! Everything the workbooks say about one aspect, gathered before it is judged: each
//! reviewer's level, the group's, the commentary, the evidence cited, the plan and why the
//! records differ.

use std::collections::{BTreeMap, BTreeSet};

use super::words;
use crate::score::{Commentary, Explanation, Planned};
use crate::workbook::{Filled, Row, ScoredBy};

/// Everything the workbooks say about one aspect, before it is judged.
#[derive(Default)]
pub(super) struct Gathered {
    /// Each reviewer's level from their own workbook.
    pub(super) reviewers: BTreeMap<String, u8>,
    /// The members' levels in a group workbook.
    pub(super) group_levels: Vec<(String, u8)>,
    pub(super) group_agreed: Option<u8>,
    /// What the group workbook's "Review after the change" cell says, when it says anything.
    pub(super) group_flag: Option<String>,
    pub(super) rationale: Option<String>,
    pub(super) differ_group: Option<String>,
    /// Reviewers' explanations of why the records differ, with who wrote them.
    pub(super) differ_reviewers: Vec<(String, String)>,
    pub(super) group_commentary: Option<Commentary>,
    /// A group workbook's Commentary column holds its meeting's notes.
    pub(super) group_notes: bool,
    pub(super) commentary: Vec<Commentary>,
    pub(super) evidence: BTreeSet<String>,
    /// The planned actions, and whether they are the group's.
    pub(super) planned: Option<(bool, Planned)>,
}

impl Gathered {
    /// The aspect's row of every workbook that has one.
    pub(super) fn gather(code: &str, books: &[&Filled]) -> Gathered {
        let mut gathered = Gathered::default();
        for book in books {
            if let Some(row) = book.rows.iter().find(|r| r.code == code) {
                gathered.add(book, row);
            }
        }
        gathered
    }

    fn add(&mut self, book: &Filled, row: &Row) {
        let is_group = matches!(book.kind, ScoredBy::Group { .. });
        for (name, level) in &row.levels {
            // A reviewer's own workbook says what they think; the member's column of a
            // group workbook fills in for reviewers without one.
            if is_group {
                self.group_levels.push((name.clone(), *level));
            } else {
                self.reviewers.insert(name.clone(), *level);
            }
        }
        self.evidence.extend(row.evidence.iter().cloned());
        // A group workbook's entry is its agreed commentary; one made before that column
        // existed had only Commentary, which stood for it.
        let own = match (&row.agreed_commentary, is_group) {
            (Some(agreed), true) => agreed,
            _ => &row.commentary,
        };
        let entry = (!own.is_empty()).then(|| Commentary {
            reviewer: book.kind.reviewer().to_string(),
            text: own.clone(),
            words: words(own),
        });
        let differ = (!row.records_differ.is_empty()).then(|| row.records_differ.clone());
        if is_group {
            self.group_notes |= row.agreed_commentary.is_some() && !row.commentary.is_empty();
            self.group_agreed = self.group_agreed.or(row.agreed);
            let flag = row.change_flag.trim();
            if self.group_flag.is_none() && !flag.is_empty() {
                self.group_flag = Some(flag.to_string());
            }
            let rationale = (!row.rationale.is_empty()).then(|| row.rationale.clone());
            self.rationale = self.rationale.take().or(rationale);
            self.group_commentary = self.group_commentary.take().or(entry);
            self.differ_group = self.differ_group.take().or(differ);
        } else {
            self.commentary.extend(entry);
            if let Some(text) = differ {
                let who = book.kind.reviewer().to_string();
                self.differ_reviewers.push((who, text));
            }
        }
        if let Some(p) = planned_of(row) {
            // The group's plan wins; otherwise the first reviewer's, in file order.
            if self
                .planned
                .as_ref()
                .is_none_or(|(from_group, _)| is_group && !from_group)
            {
                self.planned = Some((is_group, p));
            }
        }
    }

    /// Why the records differ: the group's explanation wins; without a group workbook,
    /// the reviewers', each different explanation once with everyone who gave it, in the
    /// order of the first of them by name. Thirty reviewers who pasted the same sentence
    /// give one explanation, not the sentence thirty times.
    pub(super) fn records_differ(&self) -> Vec<Explanation> {
        if let Some(text) = &self.differ_group {
            return vec![Explanation {
                text: text.clone(),
                by: Vec::new(),
            }];
        }
        let mut reviewers = self.differ_reviewers.clone();
        reviewers.sort();
        let mut explanations: Vec<Explanation> = Vec::new();
        for (who, text) in reviewers {
            let same = |e: &&mut Explanation| e.text.split_whitespace().eq(text.split_whitespace());
            match explanations.iter_mut().find(same) {
                Some(e) => e.by.push(who),
                None => explanations.push(Explanation {
                    text,
                    by: vec![who],
                }),
            }
        }
        explanations
    }

    /// Each reviewer's level, a group workbook's member columns filling in for reviewers
    /// without a workbook of their own; and the commentary, the group's first, then the
    /// reviewers' by name.
    pub(super) fn reviewers_and_commentary(self) -> (BTreeMap<String, u8>, Vec<Commentary>) {
        let mut reviewers = self.reviewers;
        for (name, level) in self.group_levels {
            let folded = name.to_lowercase();
            if !reviewers.keys().any(|k| k.to_lowercase() == folded) {
                reviewers.insert(name, level);
            }
        }
        let mut commentary = self.commentary;
        commentary.sort_by(|x, y| x.reviewer.cmp(&y.reviewer));
        if let Some(g) = self.group_commentary {
            commentary.insert(0, g);
        }
        (reviewers, commentary)
    }
}

fn planned_of(row: &Row) -> Option<Planned> {
    let any = !row.actions.is_empty() || !row.owner.is_empty() || row.target.is_some();
    any.then(|| Planned {
        actions: row.actions.clone(),
        owner: row.owner.clone(),
        target: row.target,
    })
}
