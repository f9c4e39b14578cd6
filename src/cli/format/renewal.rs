//! What `selfreview score` says about the Online Safety Mark's renewal: when reassessment is
//! due, by which kind of assessment, and what changed since the award.

use std::fmt::Write as _;

/// A number of days with its noun: "1 day", "30 days".
fn days(n: i64) -> String {
    selfreview::text::plural(usize::try_from(n).unwrap_or(0), "day", "days")
}

/// When the Mark is due for reassessment and what changed since it was awarded.
pub fn renewal(r: &selfreview::pipeline::renewal::Renewal) -> String {
    use selfreview::dates::uk;
    let mut o = String::new();
    let from_review = match r.days_after_review {
        d if d < 0 => format!("{} before this review's date", days(-d)),
        d => format!("{} after this review's date", days(d)),
    };
    let when = match r.days_from_today {
        d if d < 0 => format!(
            "was due on {} ({from_review}; {} ago today)",
            uk(r.due),
            days(-d)
        ),
        d => format!(
            "is due by {} ({from_review}; in {} from today)",
            uk(r.due),
            days(d)
        ),
    };
    let how = if r.desk_allowed {
        "a full visit or a desk assessment"
    } else {
        "a full visit: the last was a desk assessment, allowed only once between visits"
    };
    let _ = writeln!(
        o,
        "\nOnline Safety Mark: awarded {}; reassessment {when}, by {how}.",
        uk(r.awarded)
    );
    match &r.since {
        None => {
            let _ = write!(
                o,
                "No snapshot in history/ from before this review and within a year of the award to compare with it."
            );
        }
        Some(s) if s.unusable.is_some() => {
            let _ = write!(
                o,
                "The snapshot of {} (the nearest the award) was scored on `{}`, and its levels cannot be compared: {}.",
                uk(s.snapshot),
                s.unmapped.as_deref().unwrap_or_default(),
                s.unusable.as_deref().unwrap_or_default()
            );
        }
        Some(s) if s.unmapped.is_some() => {
            let _ = write!(
                o,
                "The snapshot of {} (the nearest the award) was scored on `{}`, and no framework map leads from it to this review's framework, so its levels cannot be compared.",
                uk(s.snapshot),
                s.unmapped.as_deref().unwrap_or_default()
            );
        }
        Some(s) => {
            let list = |c: &[selfreview::pipeline::renewal::Change]| {
                let items: Vec<String> = c
                    .iter()
                    .map(|c| format!("{} {} ({} to {})", c.code, c.name, c.from, c.to))
                    .collect();
                if items.is_empty() {
                    "none".to_string()
                } else {
                    items.join(", ")
                }
            };
            let _ = write!(
                o,
                "Since the snapshot of {} (the nearest the award{}): up {}; down {}; {} unchanged.",
                uk(s.snapshot),
                s.map.as_ref().map_or(String::new(), |m| format!(
                    ", its levels carried through the framework map {m}"
                )),
                list(&s.improved),
                list(&s.declined),
                s.unchanged
            );
            not_compared(&mut o, &s.not_comparable);
        }
    }
    o
}

/// The aspects a framework change made from others, which are not compared, if any.
fn not_compared(o: &mut String, changes: &[selfreview::pipeline::renewal::Change]) {
    if changes.is_empty() {
        return;
    }
    let named: Vec<String> = changes
        .iter()
        .map(|c| format!("{} {}", c.code, c.name))
        .collect();
    let _ = write!(
        o,
        " Not compared, as the framework change made them from other aspects, so the earlier review gave them no level of their own: {}.",
        named.join(", ")
    );
}
