//! Whether the run of characters a name was found in is a web or e-mail address.
//!
//! A name made only of everyday words ("Summer Rain") is matched only written with its
//! capitals, except joined as a user name is ("summer.rain", "summer_rain"), which is no
//! sentence. Inside a web address, a domain or an e-mail address, though, everyday words in
//! small letters are the address's own ("summer-rain.co.uk" is a fair's web site), so such a
//! name found there counts only once the run of characters it stands in ends and is not an
//! address. A name with a part no everyday word spells ("grace.adeyemi@…") counts in any
//! address, as it always did.

/// The longest run of characters judged; a longer one is no address (the name counts).
const LONGEST: usize = 512;

/// Endings of a host name that make a run of words joined by dots a domain.
const ENDINGS: &[&str] = &[
    "ac",
    "academy",
    "app",
    "au",
    "biz",
    "ca",
    "co",
    "com",
    "cymru",
    "de",
    "dev",
    "edu",
    "education",
    "es",
    "eu",
    "fr",
    "gov",
    "ie",
    "in",
    "info",
    "io",
    "it",
    "london",
    "me",
    "net",
    "nhs",
    "nl",
    "nz",
    "online",
    "org",
    "sch",
    "school",
    "scot",
    "site",
    "uk",
    "us",
    "wales",
];

/// The run of characters since the last white space, and whether a name found in it waits
/// on whether it is an address.
#[derive(Default)]
pub(super) struct Address {
    run: String,
    long: bool,
    /// A name of everyday words in small letters was found in this run.
    pub(super) pending: bool,
}

impl Address {
    /// Reads one character; `true` when it ends a run whose pending name counts.
    pub(super) fn feed(&mut self, c: char) -> bool {
        if c.is_whitespace() {
            return self.end();
        }
        if self.run.len() < LONGEST {
            self.run.push(c);
        } else {
            self.long = true;
        }
        false
    }

    /// The run ends; `true` when a name was pending in it and it is no address.
    pub(super) fn end(&mut self) -> bool {
        let counts = self.pending && (self.long || !is_address(&self.run));
        self.run.clear();
        self.long = false;
        self.pending = false;
        counts
    }
}

/// Whether `run` (no white space in it) is a web address, a domain or an e-mail address.
fn is_address(run: &str) -> bool {
    let run = run
        .trim_start_matches(['<', '(', '[', '"', '\'', '\u{201c}', '\u{2018}'])
        .trim_end_matches([
            '.', ',', ';', ':', '!', '?', ')', ']', '>', '"', '\'', '\u{201d}', '\u{2019}',
        ])
        .to_ascii_lowercase();
    if run.contains("://") || run.starts_with("www.") {
        return true;
    }
    let host = match run.split_once('@') {
        Some((local, domain)) if !local.is_empty() => domain,
        _ => run.split('/').next().unwrap_or(""),
    };
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
        && labels.last().is_some_and(|l| ENDINGS.contains(l))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_told_from_file_names_and_words() {
        for run in [
            "summer-rain.co.uk",
            "(www.summer-rain.org).",
            "https://x.y/summer-rain",
            "summer.rain@example.org",
            "summer-rain.sch.uk/news",
        ] {
            assert!(is_address(run), "{run}");
        }
        for run in [
            "summer-rain",
            "summer_rain.docx",
            "summer.rain",
            "rain@",
            "a..uk",
        ] {
            assert!(!is_address(run), "{run}");
        }
    }
}
