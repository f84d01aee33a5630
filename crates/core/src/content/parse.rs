//! Reading the author's files and the bundle, with errors that name the file and the field path.

use serde::de::DeserializeOwned;

use super::{Article, ContentError, Date};

/// Parses JSON into `T`, reporting the failing field's path (`families[2].variants[0].params_b`)
/// with feature `field-paths` (the author's build tool), or serde_json's line and column without
/// it (the browser, which is spared the path-tracking code; a broken `content.json` there is a
/// deployment fault, and the build already named the field).
pub fn parse_json<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, ContentError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    #[cfg(feature = "field-paths")]
    let value: T = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        let path = if path == "." { String::new() } else { path };
        json_error(file, path, error.into_inner())
    })?;
    #[cfg(not(feature = "field-paths"))]
    let value: T = T::deserialize(&mut deserializer)
        .map_err(|error| json_error(file, String::new(), error))?;
    deserializer
        .end()
        .map_err(|error| ContentError::new(file, "", format!("trailing characters: {error}")))?;
    Ok(value)
}

fn json_error(file: &str, path: String, error: serde_json::Error) -> ContentError {
    let message = if error.is_syntax() || error.is_eof() {
        format!("not valid JSON: {error}")
    } else {
        // serde_json appends " at line L column C"; keep it, it helps find the spot.
        error.to_string()
    };
    ContentError::new(file, path, message)
}

/// Splits a Jekyll post into front matter and body. Only the flat `key: value` subset Jekyll
/// posts use is accepted; anything else is an error rather than a silent guess.
pub fn parse_article(file: &str, text: &str) -> Result<Article, ContentError> {
    let error = |path: &str, message: String| ContentError::new(file, path, message);
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
        .ok_or_else(|| error("front matter", "must start with a line `---`".into()))?;
    let end = rest
        .find("\n---\n")
        .or_else(|| rest.find("\n---\r\n"))
        .ok_or_else(|| error("front matter", "has no closing `---` line".into()))?;
    let (front, body) = rest.split_at(end);
    let body = body
        .trim_start_matches("\n---")
        .trim_start_matches(['\r', '\n']);

    let (mut title, mut date, mut categories, mut layout) = (None, None, None, None);
    for (index, line) in front.lines().enumerate() {
        let line = line.trim_end();
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let at = format!("front matter line {}", index + 2);
        let (key, value) = line
            .split_once(':')
            .ok_or_else(|| error(&at, format!("expected `key: value`, got {line:?}")))?;
        let value = unquote(value.trim());
        match key.trim() {
            "title" => title = Some(value),
            "date" => {
                // Jekyll allows a time after the date; the post shows the day only.
                let day = value.split_whitespace().next().unwrap_or_default();
                date = Some(
                    day.parse::<Date>()
                        .map_err(|message| error(&format!("{at}: date"), message))?,
                );
            }
            "categories" => {
                categories = Some(
                    value
                        .trim_matches(['[', ']'])
                        .split([' ', ','])
                        .map(|word| unquote(word.trim()))
                        .filter(|word| !word.is_empty())
                        .collect::<Vec<_>>(),
                )
            }
            "layout" => layout = Some(value),
            other => return Err(error(&at, format!("unknown front matter key {other:?}"))),
        }
    }
    let missing = |key: &str| error("front matter", format!("missing `{key}`"));
    let title = title
        .filter(|t| !t.is_empty())
        .ok_or_else(|| missing("title"))?;
    Ok(Article {
        title,
        date: date.ok_or_else(|| missing("date"))?,
        categories: categories.unwrap_or_default(),
        layout: layout.unwrap_or_else(|| "post".into()),
        markdown: body.to_owned(),
    })
}

fn unquote(value: &str) -> String {
    let quoted = value.len() >= 2
        && ((value.starts_with('"') && value.ends_with('"'))
            || (value.starts_with('\'') && value.ends_with('\'')));
    if quoted {
        value[1..value.len() - 1].replace("\\\"", "\"")
    } else {
        value.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POST: &str = "---\nlayout: post\ntitle: \"Top Five: LLMs\"\ndate: 2024-02-08\ncategories: AI insights\n---\n\nBody *here*.\n";

    #[test]
    fn front_matter_is_read_like_jekyll() {
        let article = parse_article("article.md", POST).unwrap();
        assert_eq!(article.title, "Top Five: LLMs");
        assert_eq!(article.date.to_string(), "2024-02-08");
        assert_eq!(article.categories, ["AI", "insights"]);
        assert_eq!(article.layout, "post");
        assert_eq!(article.markdown, "Body *here*.\n");
    }

    #[test]
    fn front_matter_errors_name_the_line() {
        let bad_date = POST.replace("2024-02-08", "2024-02-30");
        let error = parse_article("article.md", &bad_date).unwrap_err();
        assert_eq!(error.path, "front matter line 4: date");
        assert!(error
            .to_string()
            .starts_with("article.md: front matter line 4: date: expected a date"));

        let unknown = POST.replace("layout: post", "permalink: /x");
        let error = parse_article("article.md", &unknown).unwrap_err();
        assert!(error
            .message
            .contains("unknown front matter key \"permalink\""));

        assert!(parse_article("article.md", "# no front matter").is_err());
        assert!(parse_article("article.md", "---\ntitle: x\n").is_err());
        let untitled = POST.replace("title: \"Top Five: LLMs\"\n", "");
        assert_eq!(
            parse_article("article.md", &untitled).unwrap_err().message,
            "missing `title`"
        );
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Probe {
        #[allow(dead_code)]
        items: Vec<Item>,
    }
    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Item {
        #[allow(dead_code)]
        size: f64,
    }

    #[test]
    fn json_errors_carry_the_field_path() {
        let error = parse_json::<Probe>("x.json", r#"{"items": [{"size": 1}, {"size": "big"}]}"#)
            .unwrap_err();
        if cfg!(feature = "field-paths") {
            assert_eq!(error.path, "items[1].size");
        } else {
            // The browser's build: no path, but line and column.
            assert_eq!(error.path, "");
            assert!(error.message.ends_with("at line 1 column 38"), "{error}");
        }
        assert!(error
            .message
            .starts_with("invalid type: string \"big\", expected f64"));

        let error = parse_json::<Probe>("x.json", r#"{"items": [], "extra": 1}"#).unwrap_err();
        assert!(error.message.contains("unknown field `extra`"), "{error}");

        let error = parse_json::<Probe>("x.json", "{\"items\": [").unwrap_err();
        assert!(error.message.starts_with("not valid JSON"), "{error}");
    }
}
