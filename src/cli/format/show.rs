//! What `selfreview framework show` prints: a framework as a tree, or one aspect in full.

use std::fmt::Write as _;

use selfreview::framework::{Aspect, Check, Framework};

/// Elements, strands and aspects, each aspect with its benchmark and checks.
pub fn tree(fw: &Framework) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{} {} — {}", fw.id, fw.version, fw.title);
    let scale: Vec<String> = fw
        .levels
        .iter()
        .map(|l| format!("{} {}", l.level, l.text))
        .collect();
    let _ = writeln!(s, "Levels: {}", scale.join(" · "));
    for e in &fw.elements {
        let _ = writeln!(s, "\n{}  {}", e.code, e.name);
        for st in &e.strands {
            let _ = writeln!(s, "  {}  {}", st.code, st.name);
            for a in &st.aspects {
                let checks = match a.checks.len() {
                    0 => String::new(),
                    1 => ", 1 evidence check".to_string(),
                    n => format!(", {n} evidence checks"),
                };
                let _ = writeln!(
                    s,
                    "    {:<6} {}  (benchmark {}{checks})",
                    a.code, a.name, a.benchmark
                );
            }
        }
    }
    let _ = write!(
        s,
        "\n{}. `selfreview framework show --aspect CODE` shows one in full.",
        selfreview::text::plural(fw.aspects().count(), "aspect", "aspects")
    );
    s
}

/// One aspect in full: descriptor, levels, improvement actions, evidence and checks.
pub fn aspect(fw: &Framework, a: &Aspect) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}  {}", a.code, a.name);
    let _ = writeln!(
        s,
        "Benchmark for the Online Safety Mark: level {} ({})\n",
        a.benchmark,
        fw.level_label(a.benchmark)
    );
    let _ = writeln!(s, "{}\n", a.descriptor);
    let _ = writeln!(s, "Levels:");
    for l in &a.levels {
        let mark = if l.level == a.benchmark {
            "  ← benchmark"
        } else {
            ""
        };
        let label = fw.level_label(l.level);
        let _ = writeln!(s, "  {} {label}{mark}\n    {}", l.level, l.text);
    }
    let _ = writeln!(s, "\nImprovement actions:");
    for step in &a.steps {
        let _ = writeln!(s, "  from {} to {}:", step.from, step.to);
        for action in &step.actions {
            let _ = writeln!(s, "    - {action}");
        }
    }
    let _ = writeln!(s, "\nEvidence that usually shows it:");
    for e in &a.evidence {
        let _ = writeln!(s, "  - {e}");
    }
    if !a.evidence_kinds.is_empty() {
        let needed = if a.evidence_required {
            "; with none of them imported and no evidence cited, the level holds back readiness"
        } else {
            ""
        };
        let kinds = a.evidence_kinds.join(", ");
        let _ = writeln!(
            s,
            "\nRecords that support it (review.toml kinds): {kinds}{needed}"
        );
    }
    if !a.checks.is_empty() {
        let _ = writeln!(s, "\nEvidence checks:");
        for c in &a.checks {
            let _ = writeln!(s, "  - {}", check(c));
        }
    }
    s.trim_end().to_string()
}

fn check(c: &Check) -> String {
    let required = if c.required {
        " (required: without these records the level is not counted)"
    } else {
        ""
    };
    match &c.note {
        Some(note) => format!("{}: {note}{required}", c.describe()),
        None => format!("{}{required}", c.describe()),
    }
}
