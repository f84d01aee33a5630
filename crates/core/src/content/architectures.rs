//! `architectures.json`: the few facts of a model's attention layout that its KV cache depends on,
//! per variant or per release size. Without them the memory budget says "not enough data"
//! instead of guessing.

use serde::{Deserialize, Serialize};

use super::errors::Errors;
use super::files::ARCHITECTURES_FILE;
use super::{Bundle, Slug, Sourced};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Architectures {
    pub architectures: Vec<ArchitectureEntry>,
}

impl Architectures {
    /// The facts for a variant (`size` `None`) or for one size of a release.
    pub fn find(&self, of: &Slug, size: Option<&str>) -> Option<&Sourced<KvLayout>> {
        self.architectures
            .iter()
            .find(|a| &a.of == of && a.size.as_deref() == size)
            .map(|a| &a.facts)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchitectureEntry {
    /// A variant id (models.json) or a release id (followups.json).
    pub of: Slug,
    /// The release's size label, exactly as in followups.json; absent for a variant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    pub facts: Sourced<KvLayout>,
}

/// What one token costs in the KV cache: `2 × kv_layers × kv_heads × head_dim` values.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KvLayout {
    pub layers: u32,
    /// Layers that keep keys and values: all of them in a transformer, only the attention layers
    /// in a hybrid, none in a pure state-space model.
    pub kv_layers: u32,
    pub kv_heads: u32,
    pub head_dim: u32,
    /// Tokens an attention layer looks back over, when it is a sliding window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sliding_window: Option<u32>,
}

/// Every entry names a variant or a release size that exists, once, with plausible numbers.
pub(super) fn validate(errors: &mut Errors, bundle: &Bundle) {
    let file = ARCHITECTURES_FILE;
    let entries = &bundle.architectures.architectures;
    let mut seen = std::collections::HashSet::new();
    for (i, entry) in entries.iter().enumerate() {
        let at = format!("architectures[{i}]");
        if !seen.insert((entry.of.as_str(), entry.size.as_deref())) {
            errors.push(
                file,
                format!("{at}.of"),
                "this model size is described twice",
            );
        }
        let variant = bundle
            .models
            .families
            .iter()
            .flat_map(|f| &f.variants)
            .any(|v| v.id == entry.of);
        let release = bundle.followups.releases.iter().find(|r| r.id == entry.of);
        let named = match (&entry.size, release) {
            (None, _) => variant,
            (Some(label), Some(release)) => release
                .sizes
                .value
                .iter()
                .flatten()
                .any(|s| &s.label == label),
            (Some(_), None) => false,
        };
        if !named {
            let what = match &entry.size {
                None => format!(
                    "\"{}\" is not a variant in models.json (a release needs its size label)",
                    entry.of
                ),
                Some(label) => format!("\"{}\" has no size {label:?} in followups.json", entry.of),
            };
            errors.push(file, format!("{at}.of"), what);
        }
        errors.sourced_in(file, &format!("{at}.facts"), &entry.facts, |kv| {
            if kv.layers == 0 || kv.kv_layers > kv.layers {
                Some("layers must be positive and kv_layers at most layers".to_owned())
            } else if kv.kv_layers > 0 && (kv.kv_heads == 0 || kv.head_dim == 0) {
                Some("layers with a KV cache need positive kv_heads and head_dim".to_owned())
            } else if kv.sliding_window == Some(0) {
                Some("a sliding window must be positive".to_owned())
            } else {
                None
            }
        });
    }
}
