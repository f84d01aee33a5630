//! `releases.csv` reader: RFC 4180 (quoted fields may hold commas, quotes and newlines), a fixed
//! header, and one named error per bad cell. Small enough not to need a CSV crate.

use super::files::RELEASES_FILE;
use super::{ContentError, Release};

const HEADER: [&str; 9] = [
    "model",
    "organisation",
    "release_date",
    "params_b",
    "open_weights",
    "family",
    "source_url",
    "notes",
    "successor_of",
];

/// Splits CSV text into records of fields, each with the line it starts on.
fn records(text: &str) -> Result<Vec<(usize, Vec<String>)>, ContentError> {
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let (mut line, mut record_line) = (1, 1);
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => fields.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                fields.push(std::mem::take(&mut field));
                records.push((record_line, std::mem::take(&mut fields)));
                line += 1;
                record_line = line;
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err(ContentError::new(
            RELEASES_FILE,
            format!("line {record_line}"),
            "a quoted field is never closed",
        ));
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        records.push((record_line, fields));
    }
    // Blank lines (a trailing newline, spacing by hand) are not rows.
    records.retain(|(_, fields)| !matches!(fields.as_slice(), [only] if only.trim().is_empty()));
    Ok(records)
}

/// Parses the releases table. The first error stops parsing: it names line and column.
pub fn parse_releases_csv(text: &str) -> Result<Vec<Release>, ContentError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = records(text)?.into_iter();
    let header = records
        .next()
        .ok_or_else(|| ContentError::new(RELEASES_FILE, "", "is empty"))?;
    let names: Vec<&str> = header.1.iter().map(|h| h.trim()).collect();
    if names != HEADER {
        return Err(ContentError::new(
            RELEASES_FILE,
            "line 1",
            format!(
                "header must be exactly {:?}, got {names:?}",
                HEADER.join(",")
            ),
        ));
    }
    records
        .map(|(line, fields)| {
            let at = |column: &str| format!("line {line}: {column}");
            if fields.len() != HEADER.len() {
                return Err(ContentError::new(
                    RELEASES_FILE,
                    format!("line {line}"),
                    format!("expected {} fields, got {}", HEADER.len(), fields.len()),
                ));
            }
            let cell = |i: usize| fields.get(i).map_or("", |field| field.trim());
            let bad = |column: &str, message: String| {
                ContentError::new(RELEASES_FILE, at(column), message)
            };
            let optional = |s: &str| (!s.is_empty()).then(|| s.to_owned());
            Ok(Release {
                model: cell(0).to_owned(),
                organisation: cell(1).to_owned(),
                release_date: cell(2).parse().map_err(|m| bad("release_date", m))?,
                params_b: optional(cell(3))
                    .map(|s| s.parse::<f64>())
                    .transpose()
                    .map_err(|_| {
                        bad(
                            "params_b",
                            format!(
                                "expected a number of billions or nothing, got {:?}",
                                cell(3)
                            ),
                        )
                    })?,
                open_weights: match cell(4) {
                    "yes" => true,
                    "no" => false,
                    other => {
                        return Err(bad(
                            "open_weights",
                            format!("expected yes or no, got {other:?}"),
                        ))
                    }
                },
                family: optional(cell(5))
                    .map(|s| s.parse())
                    .transpose()
                    .map_err(|m| bad("family", m))?,
                source_url: cell(6).parse().map_err(|m| bad("source_url", m))?,
                notes: cell(7).to_owned(),
                successor_of: optional(cell(8))
                    .map(|s| s.parse())
                    .transpose()
                    .map_err(|m| bad("successor_of", m))?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str =
        "model,organisation,release_date,params_b,open_weights,family,source_url,notes,successor_of\n";

    #[test]
    fn quoted_fields_and_blank_cells() {
        let text = format!(
            "{HEAD}\"Yi, 34B\",01.AI,2023-11,34,yes,yi,https://huggingface.co/01-ai/Yi-34B,\"said \"\"hi\"\"\nthen left\",\nLlama 3,Meta,2024-04,70,yes,,https://ai.meta.com/blog/meta-llama-3/,,llama-2\n\n"
        );
        let rows = parse_releases_csv(&text).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].model, "Yi, 34B");
        assert_eq!(rows[0].notes, "said \"hi\"\nthen left");
        assert_eq!(rows[0].family.as_ref().map(|f| f.as_str()), Some("yi"));
        assert_eq!(rows[0].successor_of, None);
        assert_eq!(rows[1].family, None);
        assert_eq!(
            rows[1].successor_of.as_ref().map(|f| f.as_str()),
            Some("llama-2")
        );
    }

    #[test]
    fn bad_cells_name_line_and_column() {
        let row = |cells: &str| {
            parse_releases_csv(&format!("{HEAD}{cells}\n"))
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            row("A,B,2023-13,1,yes,,https://a.org,,"),
            "releases.csv: line 2: release_date: expected a month YYYY-MM, got \"2023-13\""
        );
        assert!(row("A,B,2023-01,7B,yes,,https://a.org,,")
            .starts_with("releases.csv: line 2: params_b: expected a number"));
        assert!(row("A,B,2023-01,7,maybe,,https://a.org,,")
            .contains("open_weights: expected yes or no"));
        assert!(row("A,B,2023-01,7,yes,,http://a.org,,")
            .contains("source_url: expected an https:// URL"));
        assert!(row("A,B,2023-01,7,yes,Llama,https://a.org,,").contains("family: expected an id"));
        assert!(row("A,B,2023-01").contains("expected 9 fields, got 3"));
        assert!(parse_releases_csv("model,org\n")
            .unwrap_err()
            .to_string()
            .contains("header must be"));
        assert!(parse_releases_csv(&format!("{HEAD}\"open"))
            .unwrap_err()
            .to_string()
            .contains("never closed"));
    }
}
