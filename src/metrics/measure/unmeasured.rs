//! Why a check's metric could not be measured, or (every row skipped) why it is not met.

use std::path::PathBuf;

/// Why a check's metric could not be measured: the records it rests on are not there. The
/// check is then "evidence needed", and the sentence says what to import or map.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unmeasured {
    /// No source of the kind the metric counts is listed in review.toml. Unlike a
    /// register listed and empty, this holds readiness back: a register taken out of
    /// review.toml must not turn a failing check into one that is merely not known.
    #[error(
        "no {what} were imported: review.toml lists no register of kind \"{kind}\"; add one as [[evidence]] with kind = \"{kind}\" and its path"
    )]
    NotImported {
        /// The kind of record, in words ("training records").
        what: &'static str,
        /// The kind as review.toml names it ("training").
        kind: &'static str,
    },
    /// A source was imported without the column the metric rests on.
    #[error("{} has {what} (map it under [evidence.columns])", path.display())]
    NoColumn {
        /// The source, as review.toml names it.
        path: PathBuf,
        /// What is missing, in words ("no column of training dates").
        what: &'static str,
    },
    /// The training records name nobody in the group the check asks about.
    #[error("nobody in the training records is in the {group} group")]
    NobodyInGroup {
        /// The group asked about.
        group: String,
    },
    /// The registers of a kind were imported and held rows, every one skipped (drafts,
    /// cancelled, planned, dated after the review date): the records show nothing valid,
    /// so the check is not met, unlike a register holding nothing.
    #[error("{what} held rows, but {why}")]
    AllSkipped {
        /// What held them, in words ("the policy registers imported").
        what: String,
        /// Why, counting the reasons ("all 10 of its rows were skipped: …").
        why: String,
    },
    /// The registers of a kind were imported and hold no records at all: a blank template,
    /// most likely, rather than a school that never checked anything.
    #[error("the {what} imported hold no records")]
    NoRecords {
        /// The kind of record, in words ("policy registers").
        what: &'static str,
    },
    /// Every source of the kind was listed but could not be read: the check rests on no
    /// records because none could be opened, not because the school kept none.
    #[error("{} could not be read ({why})", path.display())]
    Unreadable {
        /// The source, as review.toml names it.
        path: PathBuf,
        /// Why, in words.
        why: String,
    },
    /// The agreements records list nobody in the group the check asks about.
    #[error("nobody in the acceptable use agreement records is in the {group} group")]
    NobodySigned {
        /// The group asked about.
        group: String,
    },
    /// The training records name nobody whose role mentions the words the check asks about.
    #[error("nobody in the training records has the role {}", role.split('|').map(str::trim).collect::<Vec<_>>().join(" or "))]
    NobodyInRole {
        /// The role asked about.
        role: String,
    },
    /// A share of incidents was asked for, and none were logged in the window.
    #[error("no incidents were logged in {span}")]
    NoIncidents {
        /// The window, in words ("the last 12 months").
        span: String,
    },
}

impl Unmeasured {
    /// Whether the check is not met rather than wanting evidence: the records were there,
    /// and every row they held was skipped.
    pub fn not_met(&self) -> bool {
        matches!(self, Unmeasured::AllSkipped { .. })
    }

    /// Whether no register of the kind the check needs is listed at all: the check then
    /// holds readiness back, whatever the framework says of it.
    pub fn not_listed(&self) -> bool {
        matches!(self, Unmeasured::NotImported { .. })
    }
}
