//! The memory budget: whether a model's weights, its KV cache at a stated context and a runtime
//! allowance fit the memory a reader has. Every number it prints comes with the formula, and a
//! missing fact gives "not enough data", never a guess.

use std::fmt;

use crate::content::KvLayout;

/// The memory presets offered beside a custom value, in GB.
pub const PRESETS_GB: [u32; 5] = [8, 16, 24, 48, 80];

/// The most memory a reader may enter: above it the number is not one machine's (an 8-GPU node
/// of 80 GB cards has 640 GB; 2 TB leaves room for unified-memory machines and larger nodes).
pub const MAX_GB: u32 = 2048;

/// Tokens of context the KV cache is sized for, unless the model's context or sliding window is
/// shorter: a long conversation or a mid-sized document, not the model's maximum.
pub const KV_CONTEXT_TOKENS: u32 = 8192;

/// Bytes per cached key or value: the cache is kept at 16 bits whatever the weights' precision.
pub const KV_BYTES: f64 = 2.0;

/// Runtime allowance: a fixed part (CUDA context, buffers) plus a share of the weights
/// (activations, quantisation scales).
pub const RUNTIME_FIXED_GB: f64 = 1.0;
pub const RUNTIME_SHARE: f64 = 0.1;

/// How many bits each weight is stored in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Precision {
    Bits16,
    Bits8,
    #[default]
    Bits4,
}

impl Precision {
    pub const ALL: [Precision; 3] = [Precision::Bits16, Precision::Bits8, Precision::Bits4];

    pub fn bytes_per_param(self) -> f64 {
        match self {
            Precision::Bits16 => 2.0,
            Precision::Bits8 => 1.0,
            Precision::Bits4 => 0.5,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Precision::Bits16 => "16-bit",
            Precision::Bits8 => "8-bit",
            Precision::Bits4 => "4-bit",
        }
    }

    /// The token in share URLs.
    pub fn key(self) -> &'static str {
        match self {
            Precision::Bits16 => "16",
            Precision::Bits8 => "8",
            Precision::Bits4 => "4",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// An amount of memory a reader has, in tenths of a GB (so views compare and hash exactly).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MemoryGb(u32);

impl MemoryGb {
    pub fn whole(gb: u32) -> Self {
        MemoryGb(gb.min(MAX_GB) * 10)
    }

    pub fn gb(self) -> f64 {
        f64::from(self.0) / 10.0
    }

    /// Whether it is one of [`PRESETS_GB`].
    pub fn is_preset(self) -> bool {
        PRESETS_GB.iter().any(|&p| MemoryGb::whole(p) == self)
    }
}

impl Default for MemoryGb {
    /// 24 GB: the largest common consumer card.
    fn default() -> Self {
        MemoryGb::whole(24)
    }
}

impl fmt::Display for MemoryGb {
    /// "24", "12.5" (GB, without the unit: it is also the URL form).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (whole, tenth) = (self.0 / 10, self.0 % 10);
        if tenth == 0 {
            write!(f, "{whole}")
        } else {
            write!(f, "{whole}.{tenth}")
        }
    }
}

/// Reads a custom memory value, in GB, as typed; the error is the sentence shown by the field.
pub fn parse_memory_gb(text: &str) -> Result<MemoryGb, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("Enter the memory you have, in GB.".to_owned());
    }
    let number: f64 = text
        .parse()
        .ok()
        .filter(|n: &f64| n.is_finite())
        .ok_or_else(|| format!("“{}” is not a number of GB.", shorten(text)))?;
    if number <= 0.0 {
        return Err("Memory must be more than 0 GB.".to_owned());
    }
    if number > f64::from(MAX_GB) {
        return Err(format!(
            "{} GB is more than one machine holds; enter at most {MAX_GB}.",
            shorten(text)
        ));
    }
    let tenths = (number * 10.0).round();
    if tenths < 1.0 {
        return Err("Memory must be at least 0.1 GB.".to_owned());
    }
    // In range 1..=20480 after the checks above, so the cast is exact.
    Ok(MemoryGb(tenths as u32))
}

/// Echoes at most 12 characters of what was typed.
fn shorten(text: &str) -> String {
    let mut short: String = text.chars().take(12).collect();
    if text.chars().count() > 12 {
        short.push('…');
    }
    short
}

/// The memory a reader has and the precision they run at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Budget {
    pub memory: MemoryGb,
    pub precision: Precision,
}

impl fmt::Display for Budget {
    /// "24 GB at 4-bit".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} GB at {}", self.memory, self.precision.label())
    }
}

/// Whether a model fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    Fits,
    DoesNotFit,
    /// The parameter count or the attention layout is missing, and the rest does not decide.
    NotEnoughData,
}

impl Fit {
    pub fn label(self) -> &'static str {
        match self {
            Fit::Fits => "fits",
            Fit::DoesNotFit => "does not fit",
            Fit::NotEnoughData => "not enough data",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Fit::Fits => "fits",
            Fit::DoesNotFit => "too-big",
            Fit::NotEnoughData => "unknown",
        }
    }
}

/// What one model needs, part by part, and the verdict for a budget.
#[derive(Debug, Clone, PartialEq)]
pub struct Estimate {
    pub fit: Fit,
    /// Parameters × bytes per parameter; `None` without a parameter count.
    pub weights_gb: Option<f64>,
    /// `None` without the attention layout.
    pub kv_gb: Option<f64>,
    pub runtime_gb: Option<f64>,
    pub total_gb: Option<f64>,
    /// The tokens the KV cache was sized for.
    pub kv_tokens: u32,
    /// Every part with its numbers, for the page to show under the verdict.
    pub formula: String,
}

/// The facts about one model the estimate needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ModelFacts<'a> {
    /// Total parameters in billions (all experts of a mixture: they must all be resident).
    pub params_b: Option<f64>,
    pub layout: Option<&'a KvLayout>,
    /// The model's context length, in tokens.
    pub context: Option<u64>,
    /// A mixture of experts (only said in the formula: the total counts).
    pub mixture: bool,
}

/// The KV cache's size in GB for `tokens` of context.
pub fn kv_cache_gb(layout: &KvLayout, tokens: u32) -> f64 {
    2.0 * f64::from(layout.kv_layers)
        * f64::from(layout.kv_heads)
        * f64::from(layout.head_dim)
        * f64::from(tokens)
        * KV_BYTES
        / 1e9
}

/// The tokens the cache holds: the stated context, capped by the model's context and window.
pub fn kv_tokens(layout: Option<&KvLayout>, context: Option<u64>) -> u32 {
    let context = context
        .and_then(|c| u32::try_from(c).ok())
        .unwrap_or(KV_CONTEXT_TOKENS);
    let window = layout.and_then(|l| l.sliding_window).unwrap_or(u32::MAX);
    KV_CONTEXT_TOKENS.min(context).min(window)
}

/// The sizes behind a verdict, without the words (cheap enough for every filter change).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Parts {
    fit: Fit,
    weights: f64,
    kv: Option<f64>,
    runtime: f64,
}

fn parts(facts: ModelFacts<'_>, budget: Budget) -> Option<Parts> {
    let weights = facts.params_b? * budget.precision.bytes_per_param();
    let runtime = RUNTIME_FIXED_GB + RUNTIME_SHARE * weights;
    let kv = facts
        .layout
        .map(|layout| kv_cache_gb(layout, kv_tokens(facts.layout, facts.context)));
    let have = budget.memory.gb();
    let fit = match kv {
        Some(kv) if weights + kv + runtime <= have => Fit::Fits,
        Some(_) => Fit::DoesNotFit,
        // Without the cache: too big already, or undecided.
        None if weights + runtime > have => Fit::DoesNotFit,
        None => Fit::NotEnoughData,
    };
    Some(Parts {
        fit,
        weights,
        kv,
        runtime,
    })
}

/// Only the verdict of [`estimate`].
pub fn fit(facts: ModelFacts<'_>, budget: Budget) -> Fit {
    parts(facts, budget).map_or(Fit::NotEnoughData, |p| p.fit)
}

/// What the model needs in all, when every part is known (no words built).
pub fn needs_gb(facts: ModelFacts<'_>, budget: Budget) -> Option<f64> {
    let parts = parts(facts, budget)?;
    Some(parts.weights + parts.kv? + parts.runtime)
}

/// The estimate for one model under `budget`, with its formula in words.
pub fn estimate(facts: ModelFacts<'_>, budget: Budget) -> Estimate {
    let tokens = kv_tokens(facts.layout, facts.context);
    let have = budget.memory;
    let (Some(params), Some(parts)) = (facts.params_b, parts(facts, budget)) else {
        return Estimate {
            fit: Fit::NotEnoughData,
            weights_gb: None,
            kv_gb: None,
            runtime_gb: None,
            total_gb: None,
            kv_tokens: tokens,
            formula: "not enough data: the parameter count is not disclosed".to_owned(),
        };
    };
    let Parts {
        fit,
        weights,
        kv,
        runtime,
    } = parts;
    let total = kv.map(|kv| weights + kv + runtime);
    let mixture = if facts.mixture {
        " (all experts: a mixture of experts keeps every expert in memory)"
    } else {
        ""
    };
    let bytes = budget.precision.bytes_per_param();
    let mut formula = format!(
        "weights {} B × {bytes} bytes{mixture} = {}",
        number(params),
        gb(weights)
    );
    match (facts.layout, kv) {
        (Some(layout), Some(_)) if layout.kv_layers == 0 => {
            formula.push_str(" + no KV cache (no attention layers)");
        }
        (Some(layout), Some(kv)) => formula.push_str(&format!(
            " + KV cache 2 × {} layers × {} KV heads × {} × {} tokens × {KV_BYTES} bytes = {}",
            layout.kv_layers,
            layout.kv_heads,
            layout.head_dim,
            thousands(tokens),
            gb(kv)
        )),
        _ => formula.push_str(" + KV cache: not enough data (attention layout not sourced)"),
    }
    formula.push_str(&format!(
        " + runtime {} GB + {}% of the weights = {}",
        number(RUNTIME_FIXED_GB),
        number(RUNTIME_SHARE * 100.0),
        gb(runtime)
    ));
    match total {
        Some(total) => formula.push_str(&format!(" → {} of {have} GB", gb(total))),
        None => formula.push_str(&format!(
            " → at least {} of {have} GB",
            gb(weights + runtime)
        )),
    }
    Estimate {
        fit,
        weights_gb: Some(weights),
        kv_gb: kv,
        runtime_gb: Some(runtime),
        total_gb: total,
        kv_tokens: tokens,
        formula,
    }
}

/// "3.5", "70", "0.13": at most two decimals, no trailing zeros.
fn number(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// "8,192".
pub fn thousands(value: u32) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// "7.1 GB".
fn gb(value: f64) -> String {
    let rounded = if value >= 10.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    };
    format!("{rounded} GB")
}

/// Bytes per parameter for the precisions the cards show.
pub const PRECISIONS: [(&str, f64); 3] = [("fp16", 2.0), ("int8", 1.0), ("int4", 0.5)];

/// Memory for the weights alone, in GB (10^9 bytes): parameters × bytes per parameter. Excludes
/// activations, KV cache and runtime overhead, which the cards say.
pub fn weight_memory_gb(params_b: f64, bytes_per_param: f64) -> f64 {
    params_b * bytes_per_param
}

#[cfg(test)]
mod tests;
