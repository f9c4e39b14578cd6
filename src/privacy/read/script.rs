//! What in a web page can build text as it opens, so that what it shows cannot be read from
//! the file: scripts, and style sheets that show attributes' text.
//!
//! A script can write a name in pieces (`"Gra" + "ce"`), from character codes
//! (`String.fromCharCode(71, …)`), decoded from base 64 or fetched: no reading of its source
//! proves the page shows no name, so a page that runs one is refused (the school saves it as
//! PDF, or a person looks at it and lists it as checked by hand). A script is an executable
//! `<script>` (inline or with `src`), an event handler attribute (`onload`, `onclick`, …)
//! or a `javascript:` or `vbscript:` link. Data blocks (`<script type="application/json">`,
//! templates) run nothing and are read as text. A style sheet shows text through `content`:
//! its quoted strings are read run together ([`css_strings`]), and `attr()`, which shows an
//! attribute's value among them, is refused like a script ([`css_builds_text`]).

/// Why a page is refused when it runs a script.
pub(super) const SCRIPT: &str = "it is a web page that runs a script, which can build text as the page opens, so what it shows cannot be searched; save the page as PDF, or open it, make sure it shows no child's name and list it as checked by hand";

/// Why a page is refused when its style sheet shows attributes' text.
pub(super) const STYLE: &str = "it is a web page whose style sheet builds text from the page's attributes (`attr()`), so what it shows cannot be searched; save the page as PDF, or open it, make sure it shows no child's name and list it as checked by hand";

/// Whether a `<script>` with this `type` attribute (if any) runs: every type but data blocks.
pub(super) fn runs(script_type: Option<&str>) -> bool {
    let Some(t) = script_type else {
        return true;
    };
    let t = t.trim().to_ascii_lowercase();
    let data = t.contains("json")
        || t.contains("template")
        || matches!(t.as_str(), "text/plain" | "text/html" | "text/markdown");
    !data
}

/// Whether an attribute runs a script: an event handler (`on` and a small-letter event
/// name: HTML's reader lowers names, and SVG's are lower case, while office documents'
/// attributes such as `onlyVisible` are not handlers), or a script link as its value.
pub(super) fn attribute_runs(name: &str, value: &str) -> bool {
    if name.len() > 2 && name.starts_with("on") && name[2..].bytes().all(|b| b.is_ascii_lowercase())
    {
        return true;
    }
    // Browsers drop white space and control characters from a link before reading its scheme.
    let scheme: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(11)
        .collect::<String>()
        .to_ascii_lowercase();
    scheme.starts_with("javascript:") || scheme.starts_with("vbscript:")
}

/// Whether a style sheet (or a `style` attribute) shows an attribute's text: `attr(`, its
/// escapes decoded first.
pub(super) fn css_builds_text(css: &str) -> bool {
    let decoded = crate::privacy::escapes::decode(css);
    let css = decoded.as_deref().unwrap_or(css).to_ascii_lowercase();
    css.contains("attr(")
}

/// The quoted strings of a style sheet run together, as `content: "Gra" "ce"` shows them,
/// and as rules on one element's `::before` and `::after` may.
pub(super) fn css_strings(css: &str) -> String {
    let mut out = String::new();
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in css.chars() {
        match quote {
            Some(q) if !escaped && c == q => quote = None,
            Some(_) => {
                escaped = !escaped && c == '\\';
                out.push(c);
            }
            None if c == '"' || c == '\'' => quote = Some(c),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_handlers_and_script_links_run_and_data_blocks_do_not() {
        assert!(runs(None) && runs(Some("module")) && runs(Some("text/javascript")));
        assert!(!runs(Some("application/ld+json")) && !runs(Some("text/x-template")));
        assert!(attribute_runs("onload", "x()") && !attribute_runs("onlyVisible", "1"));
        assert!(attribute_runs("href", " java\tscript:alert(1)"));
        assert!(attribute_runs("src", "VBScript:x"));
        assert!(!attribute_runs("href", "https://example.org/javascript:"));
        assert!(!attribute_runs("on", "x"));
    }

    #[test]
    fn style_strings_run_together_and_attr_builds_text() {
        assert_eq!(
            css_strings(r#"p::before{content:"Gra"} p::after{content:'ce \"A\"'}"#),
            r#"Grace \"A\""#
        );
        assert!(css_builds_text("a::after { content: ATTR(data-x) }"));
        assert!(css_builds_text(r"a::after { content: \61ttr(data-x) }"));
        assert!(!css_builds_text("p { color: red }"));
    }
}
