//! Any text, checked as a framework file or a review.toml, must give findings, not a panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = selfreview::framework::check(text, Path::new("framework.toml"));
    let _ = selfreview::review::check(text, Path::new("review.toml"));
});
