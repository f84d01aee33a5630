use super::*;

fn llama_2_7b() -> KvLayout {
    KvLayout {
        layers: 32,
        kv_layers: 32,
        kv_heads: 32,
        head_dim: 128,
        sliding_window: None,
    }
}

fn budget(gb: u32, precision: Precision) -> Budget {
    Budget {
        memory: MemoryGb::whole(gb),
        precision,
    }
}

#[test]
fn the_parts_add_up_from_the_formula() {
    let layout = llama_2_7b();
    let facts = ModelFacts {
        params_b: Some(7.0),
        layout: Some(&layout),
        context: Some(4096),
        mixture: false,
    };
    let e = estimate(facts, budget(16, Precision::Bits4));
    assert_eq!(
        e.kv_tokens, 4096,
        "the model's 4K context caps the 8K allowance"
    );
    let kv = 2.0 * 32.0 * 32.0 * 128.0 * 4096.0 * 2.0 / 1e9;
    assert_eq!(e.kv_gb, Some(kv));
    assert_eq!(e.weights_gb, Some(3.5));
    assert_eq!(e.runtime_gb, Some(1.0 + 0.35));
    assert_eq!(e.total_gb, Some(3.5 + kv + 1.35));
    assert_eq!(needs_gb(facts, budget(16, Precision::Bits4)), e.total_gb);
    assert_eq!(e.fit, Fit::Fits);
    assert!(e.formula.contains("4,096 tokens"), "{}", e.formula);
    assert!(e.formula.contains("of 16 GB"), "{}", e.formula);
}

#[test]
fn weights_alone_over_budget_do_not_fit_even_without_the_layout() {
    let facts = ModelFacts {
        params_b: Some(70.0),
        layout: None,
        context: None,
        mixture: false,
    };
    assert_eq!(
        estimate(facts, budget(16, Precision::Bits4)).fit,
        Fit::DoesNotFit
    );
    let small = ModelFacts {
        params_b: Some(7.0),
        ..facts
    };
    let e = estimate(small, budget(16, Precision::Bits4));
    assert_eq!(
        e.fit,
        Fit::NotEnoughData,
        "weights fit, but the cache is unknown"
    );
    assert!(e.formula.contains("not enough data"));
    let unknown = ModelFacts {
        params_b: None,
        ..facts
    };
    assert_eq!(
        estimate(unknown, budget(80, Precision::Bits4)).fit,
        Fit::NotEnoughData
    );
}

#[test]
fn a_sliding_window_and_a_state_space_model_shrink_the_cache() {
    let mut layout = llama_2_7b();
    layout.kv_heads = 8;
    layout.sliding_window = Some(4096);
    assert_eq!(kv_tokens(Some(&layout), Some(32_768)), 4096);
    assert_eq!(kv_tokens(None, None), KV_CONTEXT_TOKENS);
    let mamba = KvLayout {
        layers: 64,
        kv_layers: 0,
        kv_heads: 0,
        head_dim: 0,
        sliding_window: None,
    };
    assert_eq!(kv_cache_gb(&mamba, 8192), 0.0);
    let facts = ModelFacts {
        params_b: Some(7.0),
        layout: Some(&mamba),
        context: None,
        mixture: false,
    };
    assert!(estimate(facts, budget(8, Precision::Bits8))
        .formula
        .contains("no KV cache"));
}

#[test]
fn the_mixture_counts_every_expert_and_says_so() {
    let layout = llama_2_7b();
    let facts = ModelFacts {
        params_b: Some(109.0),
        layout: Some(&layout),
        context: None,
        mixture: true,
    };
    let e = estimate(facts, budget(48, Precision::Bits4));
    assert_eq!(e.weights_gb, Some(54.5));
    assert_eq!(e.fit, Fit::DoesNotFit);
    assert!(e.formula.contains("every expert"));
}

#[test]
fn custom_memory_is_refused_in_words() {
    assert_eq!(parse_memory_gb("12.5").unwrap().to_string(), "12.5");
    assert_eq!(parse_memory_gb(" 24 ").unwrap(), MemoryGb::whole(24));
    for (text, says) in [
        ("", "Enter the memory"),
        ("abc", "not a number"),
        ("NaN", "not a number"),
        ("inf", "not a number"),
        ("-8", "more than 0"),
        ("0", "more than 0"),
        ("0.01", "at least 0.1"),
        ("1e9", "at most 2048"),
    ] {
        let error = parse_memory_gb(text).unwrap_err();
        assert!(error.contains(says), "{text:?}: {error}");
    }
    assert!(parse_memory_gb(&"9".repeat(400)).unwrap_err().contains('…'));
}

#[test]
fn precision_and_memory_keys_round_trip() {
    for p in Precision::ALL {
        assert_eq!(Precision::from_key(p.key()), Some(p));
    }
    for gb in PRESETS_GB {
        assert!(MemoryGb::whole(gb).is_preset());
        assert_eq!(
            parse_memory_gb(&MemoryGb::whole(gb).to_string()),
            Ok(MemoryGb::whole(gb))
        );
    }
    assert_eq!(MemoryGb::whole(99_999), MemoryGb::whole(MAX_GB));
}
