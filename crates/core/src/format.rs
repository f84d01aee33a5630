//! How numbers read on the page: parameter and token counts ("7B", "1.2T"), gigabytes and context
//! lengths. One place, so the cards, the charts and the exports never disagree.

/// "0.1B", "7B", "10.7B", "1T".
pub fn format_params(billions: f64) -> String {
    if billions >= 1000.0 {
        format!("{}T", trim_number(billions / 1000.0))
    } else {
        format!("{}B", trim_number(billions))
    }
}

fn trim_number(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// "14 GB", "3.5 GB", "0.65 GB".
pub fn format_gb(gb: f64) -> String {
    let text = if gb >= 10.0 {
        format!("{gb:.0}")
    } else if gb >= 1.0 {
        format!("{gb:.1}")
    } else {
        format!("{gb:.2}")
    };
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    };
    format!("{text} GB")
}

/// "4,096" → "4K"; 32768 → "32K".
pub fn format_context(tokens: u32) -> String {
    if tokens.is_multiple_of(1024) {
        format!("{}K", tokens / 1024)
    } else {
        tokens.to_string()
    }
}
