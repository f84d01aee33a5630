//! Caching a CDN can act on, derived from the built file names: Trunk names the wasm, JS and CSS
//! by their content hash, so a new build gives new names and those files may be kept for a year
//! without asking again; everything else (the page, `content.json`, the feed, the crawler files)
//! changes in place when the author publishes, so it is revalidated on every visit.

/// What a file may be cached for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caching {
    /// `public, max-age=31536000, immutable`.
    Immutable,
    /// `no-cache`: kept, but asked again (a 304 when unchanged) before every use.
    Revalidate,
}

impl Caching {
    pub fn header(self) -> &'static str {
        match self {
            Caching::Immutable => "public, max-age=31536000, immutable",
            Caching::Revalidate => "no-cache",
        }
    }
}

/// Whether Trunk named `file` by its content: `name-0123456789abcdef.ext` or `…_bg.wasm`. Trunk
/// writes the 64-bit hash with `{:x}`, without leading zeros, so one name in 16 has 15 digits
/// (`print-fe9f07819ae92d3.css`), one in 256 has 14: 13 to 16 digits count. (A 15-digit print
/// stylesheet once fell to `no-cache`, and a returning reader's first paint waited a round trip.)
pub fn is_content_hashed(file: &str) -> bool {
    let name = file.rsplit('/').next().unwrap_or(file);
    let stem = name.split('.').next().unwrap_or(name);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        (13..=16).contains(&hash.len())
            && hash
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

pub fn caching_of(file: &str) -> Caching {
    if is_content_hashed(file) {
        Caching::Immutable
    } else {
        Caching::Revalidate
    }
}

/// `_headers` rules (Netlify, Cloudflare Pages) for every built file under `public_url`, plus the
/// directory's own address (its `index.html`). `files` are paths relative to the site's folder.
pub fn caching_rules(public_url: &str, files: &[String]) -> String {
    let prefix = format!("/{}/", public_url.trim_matches('/')).replace("//", "/");
    let mut files: Vec<&String> = files.iter().filter(|f| !f.starts_with('_')).collect();
    files.sort();
    let mut out = String::from(
        "# Caching, from the built file names: content-hashed files for a year, the rest revalidated.\n",
    );
    out.push_str(&format!(
        "{prefix}\n  Cache-Control: {}\n",
        Caching::Revalidate.header()
    ));
    for file in files {
        out.push_str(&format!(
            "{prefix}{file}\n  Cache-Control: {}\n",
            caching_of(file).header()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunks_hashed_names_are_immutable_and_the_rest_revalidates() {
        for hashed in [
            "llm-watch-c51b7a7bf0d7c550.js",
            "llm-watch-c51b7a7bf0d7c550_bg.wasm",
            "base-ae9ff1d1500279cd.css",
            // A hash with a leading zero nibble, as Trunk writes it.
            "print-fe9f07819ae92d3.css",
        ] {
            assert_eq!(caching_of(hashed), Caching::Immutable, "{hashed}");
        }
        for plain in [
            "index.html",
            "content.json",
            "feed.xml",
            "favicon.svg",
            "sitemap.xml",
            "robots.txt",
            "base-ae9ff1d15.css",
            "data/releases-2024.csv",
        ] {
            assert_eq!(caching_of(plain), Caching::Revalidate, "{plain}");
        }
    }

    #[test]
    fn every_file_gets_a_rule_under_the_public_url() {
        let files = [
            "index.html".to_owned(),
            "app-0123456789abcdef.js".to_owned(),
            "_headers".to_owned(),
        ];
        let rules = caching_rules("/llm-watch/", &files);
        assert!(rules.contains("/llm-watch/\n  Cache-Control: no-cache\n"));
        assert!(rules.contains("/llm-watch/index.html\n  Cache-Control: no-cache\n"));
        assert!(rules.contains("/llm-watch/app-0123456789abcdef.js\n  Cache-Control: public, max-age=31536000, immutable\n"));
        assert!(!rules.contains("_headers"));
        assert!(caching_rules("/", &files).contains("\n/index.html\n"));
    }
}
