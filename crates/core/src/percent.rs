//! Percent-encoding for URL query values and `#fragment` ids (RFC 3986 unreserved characters pass
//! through; `+` decodes to a space, as browsers' form encoding does).

/// Encodes one query value.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~,".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes one query value; malformed escapes are kept as they are, invalid UTF-8 is replaced.
pub fn decode_component(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        match byte {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(value) => {
                        out.push(value);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_any_text() {
        for text in [
            "",
            "Meta AI",
            "a&b=c",
            "100% ≤ 8B",
            "Zürich, 東京",
            "+plus+",
            "%zz",
        ] {
            assert_eq!(decode_component(&encode_component(text)), text, "{text:?}");
        }
    }

    #[test]
    fn decodes_what_browsers_send() {
        assert_eq!(decode_component("Mistral+AI"), "Mistral AI");
        assert_eq!(decode_component("Mistral%20AI"), "Mistral AI");
        assert_eq!(decode_component("100%"), "100%");
        assert_eq!(decode_component("%4"), "%4");
        assert_eq!(decode_component("%E2%89%A4"), "≤");
    }
}
