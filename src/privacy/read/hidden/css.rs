//! Which elements of a web page its styles hide, and which they show in capitals.

use super::Transform;

/// Elements that end at once in HTML.
pub(crate) const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];
/// HTML elements whose content a browser does not show as text.
const UNSHOWN_TAGS: &[&str] = &[
    "template", "rt", "rp", "script", "style", "noscript", "head", "noembed", "noframes",
];

/// A selector's subject, read loosely: the element name (or none), classes and id that
/// its last compound asks for.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Subject {
    tag: Option<String>,
    classes: Vec<String>,
    id: Option<String>,
}

/// Where the reading of a web page stands: the open elements, each with whether it hides
/// what it holds and how it shows its letters, if it says.
#[derive(Default)]
pub(crate) struct Page {
    open: Vec<(String, bool, Option<Transform>)>,
    hidden: usize,
    pub(super) rules: Vec<Subject>,
    /// The subjects of rules that say how letters are shown (`text-transform`,
    /// `font-variant: small-caps`).
    cases: Vec<(Subject, Transform)>,
}

impl Page {
    /// A page whose style sheets (the text of every `<style>`) are `css`.
    pub(crate) fn new(css: &str) -> Self {
        Page {
            rules: subjects(css, |d| hides(d).then_some(()))
                .into_iter()
                .map(|(s, ())| s)
                .collect(),
            cases: subjects(css, transform),
            ..Page::default()
        }
    }

    /// An element starts, with its attributes (names in small letters).
    pub(crate) fn start(&mut self, tag: &str, attributes: &[(String, String)], closes: bool) {
        if VOID.contains(&tag) || closes {
            return;
        }
        let get = |k: &str| attributes.iter().find(|(a, _)| a == k).map(|(_, v)| v);
        let classes: Vec<&str> = get("class")
            .map(|c| c.split_ascii_whitespace().collect())
            .unwrap_or_default();
        let id = get("id").map(String::as_str);
        let hides = UNSHOWN_TAGS.contains(&tag)
            || get("hidden").is_some()
            || get("style").is_some_and(|s| hides(s))
            || self.rules.iter().any(|r| r.applies(tag, &classes, id));
        // The element's own style decides; else the rules that could apply, capitals first.
        let ruled = || {
            let all: Vec<Transform> = (self.cases.iter())
                .filter(|(r, _)| r.applies(tag, &classes, id))
                .map(|(_, t)| *t)
                .collect();
            let capitals = all.iter().copied().find(|t| *t != Transform::AsWritten);
            capitals.or(all.first().copied())
        };
        let case = get("style").and_then(|s| transform(s)).or_else(ruled);
        self.hidden += usize::from(hides);
        self.open.push((tag.to_string(), hides, case));
    }

    /// An element ends: it and any left open inside it.
    pub(crate) fn end(&mut self, tag: &str) {
        let Some(at) = self.open.iter().rposition(|(t, _, _)| t == tag) else {
            return;
        };
        for (_, hid, _) in self.open.drain(at..) {
            self.hidden -= usize::from(hid);
        }
    }

    /// Whether text here is shown.
    pub(crate) fn shown(&self) -> bool {
        self.hidden == 0
    }

    /// How text here shows its letters: as the innermost element that says, says.
    pub(crate) fn transform(&self) -> Transform {
        self.open
            .iter()
            .rev()
            .find_map(|(_, _, t)| *t)
            .unwrap_or_default()
    }
}

impl Subject {
    pub(super) fn applies(&self, tag: &str, classes: &[&str], id: Option<&str>) -> bool {
        self.tag.as_deref().is_none_or(|t| t == tag)
            && self.classes.iter().all(|c| classes.contains(&c.as_str()))
            && self.id.as_deref().is_none_or(|i| Some(i) == id)
    }
}

/// The subjects of every rule of `css` whose declarations `say` something of, with what.
fn subjects<T: Copy>(css: &str, say: impl Fn(&str) -> Option<T>) -> Vec<(Subject, T)> {
    let mut out = Vec::new();
    let mut from = 0;
    for (close, _) in css.match_indices('}') {
        let chunk = &css[from..close];
        from = close + 1;
        // Inside an at-rule's block (`@media print { … }`) the rule's own braces decide.
        let Some(open) = chunk.rfind('{') else {
            continue;
        };
        if let Some(said) = say(&chunk[open + 1..]) {
            let selectors = chunk[..open].rsplit(['{', '}', ';']).next().unwrap_or("");
            out.extend(selectors.split(',').filter_map(subject).map(|s| (s, said)));
        }
    }
    out
}

/// The loose subject of one selector; `None` when it selects only generated text
/// (`::before`, `::marker`), which the page's own text does not hold.
fn subject(selector: &str) -> Option<Subject> {
    let last = selector
        .trim()
        .rsplit([' ', '>', '+', '~', '\t', '\n'])
        .next()?;
    let (last, pseudo) = match last.find("::") {
        Some(at) => (&last[..at], Some(&last[at + 2..])),
        None => (last, None),
    };
    if pseudo.is_some_and(|p| !p.starts_with("first-")) {
        return None;
    }
    let mut s = Subject::default();
    // Pseudo-classes and attribute selectors are left out: the subject may match more.
    let plain: String = last
        .split(['[', ':'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let mut put = |mark: char, word: &str| match mark {
        _ if word.is_empty() => {}
        '.' => s.classes.push(word.to_string()),
        '#' => s.id = Some(word.to_string()),
        _ if word != "*" => s.tag = Some(word.to_string()),
        _ => {}
    };
    let (mut mark, mut from) = (' ', 0);
    for (at, c) in plain.char_indices() {
        if matches!(c, '.' | '#') {
            put(mark, &plain[from..at]);
            (mark, from) = (c, at + 1);
        }
    }
    put(mark, &plain[from..]);
    Some(s)
}

/// How CSS declarations show letters, if they say: `text-transform` (the last one given),
/// or small capitals, which look like capitals.
pub(super) fn transform(declarations: &str) -> Option<Transform> {
    let d = declarations.to_ascii_lowercase();
    let mut said = None;
    for decl in d.split(';') {
        let Some((prop, value)) = decl.split_once(':') else {
            continue;
        };
        let value = value.trim();
        said = match prop.trim() {
            "text-transform" if value.starts_with("uppercase") => Some(Transform::Upper),
            "text-transform" if value.starts_with("capitalize") => Some(Transform::Capitalize),
            "text-transform" => Some(Transform::AsWritten),
            "font-variant" | "font-variant-caps" | "font" if value.contains("small-caps") => {
                Some(Transform::Upper)
            }
            "font-variant" | "font-variant-caps" if value.contains("caps") => {
                Some(Transform::Upper)
            }
            _ => said,
        };
    }
    said
}

/// Whether CSS declarations hide the text of what they apply to, or make it too small,
/// faint or far away to read.
pub(super) fn hides(declarations: &str) -> bool {
    let d: String = declarations
        .to_ascii_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let value_of = |prop: &str| -> Vec<&str> {
        d.split(';')
            .filter_map(|decl| decl.strip_prefix(prop)?.strip_prefix(':'))
            .collect()
    };
    let number = |v: &str| -> Option<f64> {
        let n: String = v
            .trim_start_matches('+')
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == '-')
            .collect();
        n.parse().ok()
    };
    // Too small to read: under 2 pixels or points, a tenth of the letters' size, or nothing.
    let small = |v: &&str| {
        let Some(n) = number(v) else {
            return false;
        };
        let unit =
            v.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'));
        match unit.get(..2).unwrap_or(unit) {
            "px" | "pt" | "q" | "mm" => n < 2.0,
            "em" | "re" | "ex" | "ch" | "lh" => n < 0.1,
            _ if unit.starts_with('%') => n < 10.0,
            _ => n == 0.0,
        }
    };
    value_of("display").iter().any(|v| v.starts_with("none"))
        || value_of("visibility")
            .iter()
            .any(|v| v.starts_with("hidden") || v.starts_with("collapse"))
        || value_of("content-visibility")
            .iter()
            .any(|v| v.starts_with("hidden"))
        || value_of("font-size").iter().any(small)
        || value_of("font").iter().any(small)
        || value_of("opacity")
            .iter()
            .any(|v| number(v).is_some_and(|n| n < 0.1))
        || value_of("color").iter().any(|v| {
            [
                "transparent",
                "white",
                "#fff",
                "#ffffff",
                "rgb(255,255,255",
                "rgba(255,255,255",
            ]
            .iter()
            .any(|w| v.starts_with(w) && !v[w.len()..].starts_with(|c: char| c.is_ascii_hexdigit()))
        })
        || ["width", "height", "max-width", "max-height"]
            .iter()
            .any(|p| value_of(p).iter().any(|v| number(v) == Some(0.0)))
        || value_of("clip").iter().any(|v| v.starts_with("rect"))
        || !value_of("clip-path").is_empty()
        || value_of("text-indent").iter().any(|v| v.starts_with('-'))
        || value_of("transform").iter().any(|v| v.contains("scale(0"))
        || ["left", "top", "margin-left", "margin-top", "right"]
            .iter()
            .any(|p| {
                value_of(p)
                    .iter()
                    .any(|v| number(v).is_some_and(|n| n <= -100.0))
            })
}
